import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openMigratedDatabase, prepared, type Db } from "~db/client.server";
import { startWalCheckpointer, stopWalCheckpointer } from "../../server/wal-checkpointer";
import { tempDir } from "../helpers/server";

const autoCheckpoint = (db: Db) => db.$client.pragma("wal_autocheckpoint", { simple: true });

describe("WAL checkpoints in a worker thread (docs/decisions/036-speed-orders.md)", () => {
  let dir: string | undefined;
  afterEach(async () => {
    await stopWalCheckpointer();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("copies committed pages back into the database file without the writer's help", async () => {
    dir = tempDir();
    const path = join(dir, "app.db");
    const db = openMigratedDatabase(path);
    startWalCheckpointer(db);
    // The request connection only checkpoints as a backstop, far past SQLite's 1,000 frames.
    expect(autoCheckpoint(db)).toBe(10_000);
    prepared(db, "INSERT OR REPLACE INTO page_cache_generation (id, generation) VALUES (1, ?)").run(
      7,
    );
    const before = statSync(path).mtimeMs;
    const deadline = Date.now() + 5_000;
    while (statSync(path).mtimeMs === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statSync(path).mtimeMs).toBeGreaterThan(before);

    await stopWalCheckpointer();
    // Stopped: the connection checkpoints by itself again, as SQLite does by default.
    expect(autoCheckpoint(db)).toBe(1_000);
    db.$client.close();
  });

  it("leaves an in-memory database alone", () => {
    const db = openMigratedDatabase(":memory:");
    startWalCheckpointer(db);
    expect(autoCheckpoint(db)).toBe(1_000);
    db.$client.close();
  });
});
