import { describe, expect, it } from "vitest";
import { inSharedCommit } from "~/modules/orders/shared-commit.server";
import { freshDb, type Db } from "../helpers/db";

/**
 * app/modules/orders/shared-commit.server.ts: work queued in one turn of the event loop is
 * committed together, each piece in its own savepoint; nobody hears "done" before the commit.
 * (The orders concurrency tests run it through the real server: 50 orders for 10 in stock.)
 */

function withTables(): Db {
  const db = freshDb();
  db.$client.exec(`
    CREATE TABLE batch_parent (id INTEGER PRIMARY KEY);
    CREATE TABLE batch_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES batch_parent (id));
    INSERT INTO batch_parent (id) VALUES (1);
  `);
  return db;
}

const insertChild = (db: Db, id: number, parentId = 1) =>
  db.$client.prepare("INSERT INTO batch_child (id, parent_id) VALUES (?, ?)").run(id, parentId);
const childIds = (db: Db) =>
  db.$client.prepare("SELECT id FROM batch_child ORDER BY id").pluck().all() as number[];

describe("a commit shared by the work of one turn", () => {
  it("answers each caller with its own result once the group is committed", async () => {
    const db = withTables();
    let ranInsideTransaction = true;
    const results = await Promise.all(
      [1, 2, 3].map((id) =>
        inSharedCommit(db, () => {
          ranInsideTransaction &&= db.$client.inTransaction;
          insertChild(db, id);
          return id * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30]);
    expect(ranInsideTransaction).toBe(true);
    expect(childIds(db)).toEqual([1, 2, 3]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("rolls back only the piece that failed, and only its caller sees the error", async () => {
    const db = withTables();
    const outcomes = await Promise.allSettled([
      inSharedCommit(db, () => insertChild(db, 1)),
      inSharedCommit(db, () => {
        insertChild(db, 2);
        throw new Error("out of stock");
      }),
      inSharedCommit(db, () => insertChild(db, 3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error("out of stock"));
    expect(childIds(db)).toEqual([1, 3]);
  });

  it("fails every caller of the group, and writes nothing, when the commit itself fails", async () => {
    const db = withTables();
    const outcomes = await Promise.allSettled([
      inSharedCommit(db, () => insertChild(db, 1)),
      inSharedCommit(db, () => {
        // Checked at COMMIT, not at the statement: the commit of the whole group fails.
        db.$client.pragma("defer_foreign_keys = ON");
        insertChild(db, 2, 999);
      }),
      inSharedCommit(db, () => insertChild(db, 3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(childIds(db)).toEqual([]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("stops the group when SQLite has rolled the whole transaction back under it", async () => {
    const db = withTables();
    const outcomes = await Promise.allSettled([
      inSharedCommit(db, () => insertChild(db, 1)),
      // What SQLite does on a full disk or an I/O error: the whole transaction is gone.
      inSharedCommit(db, () => db.$client.exec("ROLLBACK")),
      // Run on its own, this would have committed by itself although the group failed.
      inSharedCommit(db, () => insertChild(db, 3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(childIds(db)).toEqual([]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("work queued during a commit goes into the next one", async () => {
    const db = withTables();
    const later: Promise<unknown>[] = [];
    await inSharedCommit(db, () => {
      later.push(inSharedCommit(db, () => insertChild(db, 2)));
      insertChild(db, 1);
    });
    expect(childIds(db)).toEqual([1]);
    await Promise.all(later);
    expect(childIds(db)).toEqual([1, 2]);
  });
});
