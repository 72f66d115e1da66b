import Database from "better-sqlite3";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { openDatabase, openMigratedDatabase } from "~db/client.server";
import {
  backupDatabase,
  backupFileName,
  deleteExpiredBackups,
  lastBackup,
  markServerRunning,
  restoreDatabase,
  serverPidFile,
} from "~/modules/platform/backups.server";
import { makeMarket } from "../helpers/market";
import { setTestStock } from "../helpers/stock";
import { projectRoot, tempDir } from "../helpers/server";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  args: string[],
  env: Record<string, string>,
  script = "scripts/cli.ts",
): Promise<Run> & { child: ReturnType<typeof spawn> } {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<Run>((resolveRun, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolveRun({ code, stdout, stderr }));
  }) as Promise<Run> & { child: typeof child };
  done.child = child;
  return done;
}

const acked = (output: string) =>
  output
    .split("\n")
    .filter((line) => line.startsWith("ACK "))
    .map((line) => line.slice(4));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function newDir() {
  const dir = tempDir("cung-cau-backup-");
  dirs.push(dir);
  return dir;
}

describe("db:backup and db:restore", { timeout: 120_000 }, () => {
  it("a backup taken while orders are being placed restores whole, with every order acknowledged before it began", async () => {
    const dir = newDir();
    const databasePath = join(dir, "app.db");
    const db = openMigratedDatabase(databasePath);
    const m = makeMarket(db);
    setTestStock(db, m.pepper.id, 1_000_000);
    db.$client.close();
    const env = { DATABASE_PATH: databasePath, BACKUP_DIR: join(dir, "backups") };

    // Another process places orders through the orders module, one after another.
    const writer = run(
      [databasePath, String(m.buyer.id), "SP0001"],
      env,
      "tests/integration/backup-writer.ts",
    );
    let output = "";
    writer.child.stdout!.on("data", (chunk: string) => (output += chunk));
    while (acked(output).length < 20) {
      const exited = await Promise.race([
        writer.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 50)),
      ]);
      if (exited) throw new Error(`the writer stopped: ${(await writer).stderr}`);
    }
    const before = acked(output);
    const backup = await run(["db:backup"], env);
    const duringOrAfter = acked(output).length - before.length;
    writer.child.stdin!.end();
    const stopped = await writer;
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/\d+% \(\d+\/\d+ pages\)/);
    // The writer kept placing orders while the backup ran.
    expect(duringOrAfter).toBeGreaterThan(0);
    const file = /→ (\S+\.db)/.exec(backup.stdout)?.[1];
    expect(file).toMatch(/backups\/cung-cau-\d{8}-\d{6}\.db$/);

    // Restore into a stopped server's (new) database.
    const restoredPath = join(dir, "restored", "app.db");
    const restore = await run(["db:restore", file!], { ...env, DATABASE_PATH: restoredPath });
    expect(restore.code, restore.stderr).toBe(0);
    const restored = new Database(restoredPath, { readonly: true });
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    const codes = new Set(
      (restored.prepare("SELECT code FROM orders").all() as { code: string }[]).map((r) => r.code),
    );
    expect(before.length).toBeGreaterThanOrEqual(20);
    for (const code of before) expect(codes.has(code), code).toBe(true);
    // Migrated, and its lines are whole: each order has its line.
    expect(
      restored
        .prepare(
          "SELECT count(*) AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)",
        )
        .get(),
    ).toEqual({ n: 0 });
    expect(restored.pragma("foreign_key_check")).toEqual([]);
    restored.close();

    // The backup is recorded in the live database (for /healthz).
    const live = openMigratedDatabase(databasePath);
    expect(lastBackup(live)?.sizeBytes).toBeGreaterThan(0);
    live.$client.close();
  });

  it("db:restore refuses while a server runs on the database, and a file that fails the integrity check", async () => {
    const dir = newDir();
    const databasePath = join(dir, "app.db");
    const db = openMigratedDatabase(databasePath);
    db.$client.prepare("INSERT INTO backups (file, started_at) VALUES ('marker-old', 1)").run();
    const good = join(dir, "good.db");
    await backupDatabase(db, good);
    db.$client.prepare("INSERT INTO backups (file, started_at) VALUES ('marker-new', 2)").run();
    db.$client.close();
    const env = { DATABASE_PATH: databasePath };
    const markers = () => {
      const check = new Database(databasePath, { readonly: true });
      const rows = check.prepare("SELECT file FROM backups ORDER BY id").all();
      check.close();
      return rows;
    };

    // A live server (this test's own process stands in for it) holds the mark.
    const unmark = markServerRunning(databasePath);
    const refused = await run(["db:restore", good], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`pid ${process.pid}`);
    unmark();
    expect(existsSync(serverPidFile(databasePath))).toBe(false);

    // A broken file is refused and the database is left as it was.
    const broken = join(dir, "broken.db");
    writeFileSync(broken, readFileSync(good).subarray(0, 4096 * 2));
    const corrupt = await run(["db:restore", broken], env);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/integrity/);
    expect(markers()).toEqual([
      { file: "marker-old" },
      { file: expect.stringContaining("good.db") },
      { file: "marker-new" },
    ]);

    // A mark left by a server that crashed (its pid is gone) does not block the restore.
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    writeFileSync(serverPidFile(databasePath), gone.stdout.toString());
    const restore = await run(["db:restore", good], env);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("before-restore");
    // The backup's state: the row written after it is gone.
    expect(markers()).toEqual([
      { file: "marker-old" },
      { file: expect.stringContaining("good.db") },
    ]);
    const check = new Database(databasePath, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();
  });
});

describe("restoring an older backup", () => {
  it("brings it up to this version's migrations", () => {
    const dir = newDir();
    // A backup from before the last migration: the migrations folder without its last entry.
    const older = join(dir, "migrations");
    cpSync(join(projectRoot, "db", "migrations"), older, { recursive: true });
    const journalPath = join(older, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const last = journal.entries.pop()!;
    rmSync(join(older, `${last.tag}.sql`));
    writeFileSync(journalPath, JSON.stringify(journal));
    const backupPath = join(dir, "old-backup.db");
    const old = openDatabase(backupPath);
    migrate(old, { migrationsFolder: older });
    old.$client.pragma("wal_checkpoint(TRUNCATE)");
    old.$client.close();

    const databasePath = join(dir, "app.db");
    expect(restoreDatabase(databasePath, backupPath)).toEqual({ savedAs: null });
    const restored = new Database(databasePath, { readonly: true });
    expect(restored.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get()).toEqual({
      n: journal.entries.length + 1,
    });
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    restored.close();
  });
});

describe("backup retention", () => {
  it("deletes backups older than the retention, files and rows, and keeps newer ones", async () => {
    const dir = newDir();
    const backupDir = join(dir, "backups");
    const db = openMigratedDatabase(join(dir, "app.db"));
    const now = new Date("2026-12-05T03:00:00Z");
    const old = join(backupDir, backupFileName(new Date("2026-11-01T03:00:00Z")));
    const recent = join(backupDir, backupFileName(new Date("2026-11-20T03:00:00Z")));
    await backupDatabase(db, old, { now: new Date("2026-11-01T03:00:00Z") });
    await backupDatabase(db, recent, { now: new Date("2026-11-20T03:00:00Z") });
    // A backup file nobody recorded (copied back by hand), named like one and just as old.
    const stray = join(backupDir, backupFileName(new Date("2026-10-01T03:00:00Z")));
    writeFileSync(stray, "x");
    const octoberFirst = new Date("2026-10-01T03:00:00Z");
    utimesSync(stray, octoberFirst, octoberFirst);

    const deleted = deleteExpiredBackups(db, { dir: backupDir, retentionDays: 30, now });
    expect(deleted.sort()).toEqual([old, stray].sort());
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    const rows = db.$client.prepare("SELECT file, deleted_at FROM backups ORDER BY id").all();
    expect(rows).toEqual([
      { file: old, deleted_at: now.getTime() },
      { file: recent, deleted_at: null },
    ]);
    expect(deleteExpiredBackups(db, { dir: backupDir, retentionDays: 30, now })).toEqual([]);
    db.$client.close();
  });
});
