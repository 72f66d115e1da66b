import type { Statement } from "better-sqlite3";
import type { Db } from "~db/client.server";

/**
 * Prepared statements of the search hot paths, cached per connection: searching and
 * indexing run the same few statements thousands of times (the benchmark, a rebuild),
 * and preparing them each time would cost more than running them.
 */
const cache = new WeakMap<object, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  const client = db.$client;
  let statements = cache.get(client);
  if (!statements) {
    statements = new Map();
    cache.set(client, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = client.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** Runs `fn` in a transaction unless the caller already opened one (then it joins it). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  if (db.$client.inTransaction) return fn();
  return db.$client.transaction(fn).immediate();
}
