import Database, { type Statement } from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Opens a database file (or ":memory:", or an in-memory copy of a `serialize()`d database)
 * with the settings every process needs: WAL so readers never block the writer, a busy
 * timeout so concurrent writers from several server processes wait instead of failing, and
 * enforced foreign keys.
 */
export function openDatabase(path: string | Buffer): Db {
  if (typeof path === "string" && path !== ":memory:") {
    mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  // Savepoints (an order inside a shared commit, a stock change inside an order) keep the
  // pages they change in a statement journal. SQLite writes that journal to a temporary file
  // once it passes 64 KiB, a pwrite per page: about 70 system calls per order, more than the
  // WAL itself (docs/decisions/036-speed-orders.md). In memory it stays a memory copy.
  sqlite.pragma("temp_store = MEMORY");
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Applies the committed drizzle-kit migrations; the only place DDL runs. Foreign keys are off
 * while they run (SQLite ignores the PRAGMA inside the migrator's transaction): a migration
 * that rebuilds a table drops the old one, and with foreign keys on that drop would first
 * delete, by cascade, every row referring to it. Afterwards every reference must still hold.
 */
export function migrateDatabase(db: Db): void {
  const sqlite = db.$client;
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder });
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) {
      throw new Error(
        `migrations left ${broken.length} broken foreign keys: ${JSON.stringify(broken.slice(0, 5))}`,
      );
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}

/** A fresh, migrated database: what every test starts from. */
export function openMigratedDatabase(path: string): Db {
  const db = openDatabase(path);
  migrateDatabase(db);
  return db;
}

const statementCache = new WeakMap<Database.Database, Map<string, Statement>>();

/**
 * The only way modules run raw SQL (docs/decisions/013-raw-sql-through-prepared.md): a statement prepared once
 * per connection and reused, typed by the row it returns. Hot paths (placing an order,
 * searching, indexing) run the same few statements thousands of times; preparing them on
 * every call costs more than running them.
 *
 * `prepared<{ id: number }>(db, "SELECT id FROM users WHERE phone = ?").get(phone)`
 */
export function prepared<Row = unknown>(db: Db, sql: string): Statement<unknown[], Row> {
  const client = db.$client;
  let statements = statementCache.get(client);
  if (!statements) {
    statements = new Map();
    statementCache.set(client, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = client.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as Statement<unknown[], Row>;
}

const queryCache = new WeakMap<(db: Db) => unknown, WeakMap<Database.Database, unknown>>();

/**
 * A drizzle query built and prepared once per connection, then run with its placeholders'
 * values: `preparedQuery(db, bySlug).get({ slug })` where `bySlug` builds
 * `db.select(…).where(eq(listings.slug, sql.placeholder("slug"))).prepare()`. A page's reads
 * are small; building drizzle's SQL and preparing the statement again on every request cost
 * more than running them (docs/decisions/034-speed-pages.md). `build` is the cache key, so it
 * must be a module-level function, and everything that differs between calls a placeholder.
 * Placeholders skip the column's encoder: pass what the driver stores (a Date as its number).
 */
export function preparedQuery<Query>(db: Db, build: (db: Db) => Query): Query {
  let byConnection = queryCache.get(build);
  if (!byConnection) {
    byConnection = new WeakMap();
    queryCache.set(build, byConnection);
  }
  let query = byConnection.get(db.$client) as Query | undefined;
  if (query === undefined) {
    query = build(db);
    byConnection.set(db.$client, query);
  }
  return query;
}

/**
 * A list of values as one placeholder, for `inArray(column, listOf("ids"))` in a prepared
 * query: bind `JSON.stringify(ids)`. A literal `IN (?, ?, …)` would be a new statement for
 * every length of list; SQLite still looks each value up by the column's index.
 */
export function listOf(placeholder: string): SQL {
  return sql`(select value from json_each(${sql.placeholder(placeholder)}))`;
}

/**
 * The rows of a list lookup (`listOf`) in the order of `ids`, which SQLite does not keep;
 * an id without a row is left out.
 */
export function inIdOrder<Row extends { id: number }>(ids: readonly number[], rows: Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** Runs `fn` in an immediate transaction unless the caller already opened one (then it joins it). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  if (db.$client.inTransaction) return fn();
  return db.$client.transaction(fn).immediate();
}

export { schema };
