import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";

/**
 * The settings every connection gets (db/client.server.ts). A file database, as a server
 * opens it: an in-memory one cannot use WAL.
 */
describe("a database connection", () => {
  let dir: string | undefined;
  let db: Db | undefined;
  afterEach(() => {
    db?.$client.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("uses WAL, waits for other writers, enforces foreign keys and keeps temporary data in memory", () => {
    dir = mkdtempSync(join(tmpdir(), "cung-cau-db-"));
    db = openDatabase(join(dir, "app.db"));
    const setting = (name: string) => db!.$client.pragma(name, { simple: true });
    expect(setting("journal_mode")).toBe("wal");
    expect(setting("busy_timeout")).toBe(5000);
    expect(setting("foreign_keys")).toBe(1);
    // NORMAL: in WAL mode a commit is durable once checkpointed; no fsync per commit.
    expect(setting("synchronous")).toBe(1);
    // MEMORY: statement journals of savepoints never become a temporary file (decision 036).
    expect(setting("temp_store")).toBe(2);
  });
});
