/**
 * `npm run bench -- <case> [--check]`: runs named benchmark cases and prints one table per
 * case; with --check, exits 1 when a case misses one of its targets. Never part of npm test.
 */
import { benchCases } from "./bench/cases";
import { formatTable, missedTargets } from "./bench/table";

async function main(argv: string[]): Promise<number> {
  const check = argv.includes("--check");
  const names = argv.filter((arg) => !arg.startsWith("--"));
  const selected = names.includes("all")
    ? benchCases
    : benchCases.filter((c) => names.includes(c.name));
  const unknown = names.filter(
    (name) => name !== "all" && !benchCases.some((c) => c.name === name),
  );

  if (names.length === 0 || unknown.length > 0) {
    if (unknown.length > 0) console.error(`Unknown case: ${unknown.join(", ")}\n`);
    console.error("Usage: npm run bench -- <case…|all> [--check]\n\nCases:");
    for (const c of benchCases) console.error(`  ${c.name.padEnd(14)} ${c.description}`);
    return names.length === 0 ? 2 : 1;
  }

  let failed = false;
  for (const benchCase of selected) {
    console.log(`\n## ${benchCase.name}: ${benchCase.description}\n`);
    const result = await benchCase.run();
    console.log(formatTable(result.rows));
    const targets = result.targets.map((t) => `${t.column} ${t.op} ${t.value}`).join(", ");
    console.log(`\nTargets: ${targets || "none"}`);
    const misses = missedTargets(result);
    if (misses.length === 0) {
      console.log("All targets met.");
    } else {
      console.log(`Missed ${misses.length} target(s):`);
      for (const miss of misses) console.log(`  - ${miss}`);
      failed = true;
    }
  }
  return check && failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
