import { openDatabase, type Db } from "~db/client.server";
import { getEnv } from "./env.server";

let db: Db | undefined;

/**
 * The process-wide database handle for routes. Modules take `db` as their first
 * argument instead of calling this, so tests hand them a fresh migrated database.
 * Migrations run in scripts/start.ts before the server starts, never per request.
 */
export function getDb(): Db {
  db ??= openDatabase(getEnv().DATABASE_PATH);
  return db;
}

/**
 * Makes `getDb()` return `testDb` (a fresh migrated database), so tests can call route
 * loaders and actions directly. Only for tests: the server never calls it.
 */
export function setDbForTests(testDb: Db): void {
  db = testDb;
}

export type { Db };
