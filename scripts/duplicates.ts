import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * `npm run duplicates` (and a step of `npm test`): the copy-paste detector jscpd over app/,
 * server/, scripts/ and db/ with the settings of .jscpd.json (blocks of 6 lines or more; tests
 * and migrations left out). It prints every clone and fails when there are more than
 * `maxClones` of .jscpd.json: a new near-copy must be merged, or the limit raised on purpose.
 */

const REPORT_DIR = join(".cache", "jscpd");

const config = JSON.parse(readFileSync(".jscpd.json", "utf8")) as { maxClones?: unknown };
const maxClones = config.maxClones;
if (typeof maxClones !== "number") {
  console.error(".jscpd.json needs a numeric maxClones");
  process.exit(2);
}

// The CLI, not the library: jscpd's packages do not load in-process under tsx.
const run = spawnSync(
  join("node_modules", ".bin", "jscpd"),
  ["--config", ".jscpd.json", "--reporters", "consoleFull,json", "--output", REPORT_DIR],
  { stdio: "inherit" },
);
if (run.status !== 0) {
  console.error(`jscpd failed (${run.error?.message ?? `exit code ${run.status}`})`);
  process.exit(2);
}

const report = JSON.parse(readFileSync(join(REPORT_DIR, "jscpd-report.json"), "utf8")) as {
  statistics: { total: { clones: number; duplicatedLines: number; percentage: number } };
};
const { clones, duplicatedLines, percentage } = report.statistics.total;
console.log(
  `Duplicates: ${clones} clones, ${duplicatedLines} duplicated lines (${percentage} %); limit ${maxClones} clones.`,
);
if (clones > maxClones) {
  console.error(
    `jscpd found ${clones} clones, more than the ${maxClones} allowed: merge the new copy into one shared helper or component.`,
  );
  process.exit(1);
}
