/**
 * `npm run cli -- search:reindex [--engine fts|meili]`: rebuilds a search engine's index
 * from the catalog, printing progress. Safe while the server runs: the embedded index is
 * rewritten in batches of 1,000 listings (never emptied first); Meilisearch gets its
 * settings, an empty index and then every batch, each task awaited.
 */
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase } from "~db/client.server";
import { getEnv } from "~/modules/platform/env.server";
import { reindexSearch } from "~/modules/search/search.server";

export async function searchReindex(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { engine: { type: "string", default: "fts" } },
    strict: true,
  });
  const engine = values.engine;
  if (engine !== "fts" && engine !== "meili") {
    throw new Error(
      `--engine phải là fts hoặc meili / --engine must be fts or meili, got ${engine}`,
    );
  }
  const env = getEnv();
  if (engine === "meili" && !env.MEILI_HOST) {
    throw new Error(
      "Chưa đặt MEILI_HOST / MEILI_HOST is not set: there is no Meilisearch to rebuild",
    );
  }
  const db = openDatabase(env.DATABASE_PATH);
  migrateDatabase(db);
  const started = Date.now();
  let lastShown = -1;
  const result = await reindexSearch(db, engine, (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
    if (percent !== lastShown) {
      lastShown = percent;
      console.error(`  ${percent}% (${done}/${total})`);
    }
  });
  db.$client.close();
  console.log(
    `Đã lập lại chỉ mục / reindexed ${result.engine}: ${result.indexed} sản phẩm tìm được / searchable listings in ${Date.now() - started} ms`,
  );
}
