/**
 * `npm run cli -- report:rebuild`: recomputes the outcome reports' sales roll-ups
 * (report_sales, report_orders) from the orders, in one transaction. The triggers keep them
 * up to date; this repairs them after rows were written around the triggers.
 */
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase } from "~db/client.server";
import { getEnv } from "~/modules/platform/env.server";
import { rebuildReportRollups } from "~/modules/reports/rollups.server";

export function reportRebuild(args: string[]): void {
  parseArgs({ args, options: {}, strict: true });
  const env = getEnv();
  const db = openDatabase(env.DATABASE_PATH);
  migrateDatabase(db);
  const started = Date.now();
  const { salesRows, orderRows } = rebuildReportRollups(db);
  db.$client.close();
  console.log(
    `Đã tính lại số liệu báo cáo / report roll-ups rebuilt: ${salesRows} report_sales, ` +
      `${orderRows} report_orders rows in ${Date.now() - started} ms`,
  );
}
