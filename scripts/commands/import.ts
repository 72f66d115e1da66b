/**
 * `npm run cli -- import --producers FILE --products FILE [--dry-run]`: the bulk import from
 * a terminal, for the whole province (the CLI runs as the system, not as a staff member).
 * Every row is checked first; with problems, or with --dry-run, nothing is written. Else
 * all rows are written in one transaction. Exit code 1 when a row has a problem.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { runImport } from "~/modules/import/run.server";
import { getEnv } from "~/modules/platform/env.server";
import { migrateDatabase, openDatabase, type Db } from "~db/client.server";

export class ImportProblems extends Error {}

/** Runs the import; `db` is for tests (default: DATABASE_PATH, migrated). */
export async function importCommand(
  args: string[],
  options: { db?: Db; out?: (line: string) => void } = {},
): Promise<void> {
  const out = options.out ?? ((line: string) => console.log(line));
  const { values } = parseArgs({
    args,
    options: {
      producers: { type: "string" },
      products: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
    strict: true,
  });
  if (!values.producers && !values.products) {
    throw new ImportProblems(
      "Cần --producers và/hoặc --products / give --producers and/or --products",
    );
  }
  const db =
    options.db ??
    (() => {
      const opened = openDatabase(getEnv().DATABASE_PATH);
      migrateDatabase(opened);
      return opened;
    })();
  const dryRun = values["dry-run"] ?? false;
  let lastPercent = -1;
  try {
    const { plan, result } = await runImport(
      db,
      { kind: "system" },
      {
        producers: values.producers ? readFileSync(values.producers) : undefined,
        products: values.products ? readFileSync(values.products) : undefined,
      },
      {
        dryRun,
        onProgress: (done, total) => {
          const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
          if (percent >= lastPercent + 10 || percent === 100) {
            lastPercent = percent;
            console.error(`  kiểm tra / checking ${percent}% (${done}/${total})`);
          }
        },
      },
    );
    const { producers, products } = plan.counts;
    out(
      `Nhà sản xuất / producers: ${producers.create} mới / new, ${producers.update} cập nhật / updated`,
    );
    out(`Sản phẩm / products: ${products.create} mới / new, ${products.update} cập nhật / updated`);
    for (const p of plan.problems) {
      out(`  ${p.file} dòng / row ${p.row}, cột / column ${p.column}: ${p.message}`);
    }
    if (plan.problems.length > 0) {
      throw new ImportProblems(
        `${plan.problems.length} lỗi, chưa ghi gì / problems found, nothing was written`,
      );
    }
    if (dryRun || !result) {
      out("Chạy thử: mọi dòng hợp lệ, chưa ghi gì / dry run: every row is valid, nothing written");
      return;
    }
    out(
      `Đã ghi / written: ${result.producers.created + result.producers.updated} nhà sản xuất / producers, ${result.products.created + result.products.updated} sản phẩm / products`,
    );
  } finally {
    if (!options.db) db.$client.close();
  }
}
