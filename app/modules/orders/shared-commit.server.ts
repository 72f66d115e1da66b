import type { Db } from "~db/client.server";

/**
 * Group commit for the business API (docs/decisions/036-speed-orders.md).
 *
 * Each order used to be its own `BEGIN IMMEDIATE … COMMIT`: SQLite took the write lock and
 * wrote the ~32 pages the order touched into the WAL (about 70 `pwrite` calls), although the
 * next order touched mostly the same pages (the listing, the last leaf of every table and
 * index). Orders that arrive while the server is busy now wait for the end of the current
 * turn of the event loop and are written together: one transaction, each order in its own
 * savepoint, one commit.
 *
 * What one order may undo is unchanged: an order that fails (out of stock, a reused key, a
 * bug) rolls back to its own savepoint and only its caller sees the error. Nobody is told an
 * order was placed before the commit that holds it succeeded; when the commit fails, every
 * order of the group fails with that error and none of them was written.
 */

/** At most this many orders share a commit, so the write lock is never held for long. */
const MAX_GROUP = 32;

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const queues = new WeakMap<Db, Pending[]>();

/**
 * Runs `work` (synchronous database work, with no transaction of its own to commit) inside a
 * write transaction shared with the other work queued on `db` in the same turn of the event
 * loop; resolves with its result once that transaction has committed.
 */
export function inSharedCommit<T>(db: Db, work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = [];
      queues.set(db, queue);
    }
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    // setImmediate runs after the requests whose bytes arrived in this turn were read.
    if (queue.length === 1) setImmediate(() => commitQueued(db));
  });
}

function commitQueued(db: Db): void {
  const queue = queues.get(db) ?? [];
  const group = queue.splice(0, MAX_GROUP);
  if (queue.length > 0) setImmediate(() => commitQueued(db));
  if (group.length === 0) return;

  const client = db.$client;
  let outcomes: Outcome[];
  try {
    outcomes = client
      .transaction(() =>
        group.map((pending): Outcome => {
          // SQLite rolls a whole transaction back on a few errors (disk full, I/O); work
          // run after that would commit on its own, so the group stops there.
          if (!client.inTransaction) throw new Error("the shared transaction was rolled back");
          try {
            // Nested in the open transaction, better-sqlite3 makes this a savepoint.
            return { ok: true, value: client.transaction(pending.work)() };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      )
      .immediate();
  } catch (commitError) {
    for (const pending of group) pending.reject(commitError);
    return;
  }
  group.forEach((pending, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) pending.resolve(outcome.value);
    else pending.reject(outcome.error);
  });
}
