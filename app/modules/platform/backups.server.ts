import Database from "better-sqlite3";
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { migrateDatabase, openDatabase, prepared, type Db } from "~db/client.server";
import { logger } from "./logger.server";

/*
 * Backups and restore of the SQLite database (docs/operations.md). A backup is SQLite's
 * online backup: consistent while the server keeps taking orders. Each one is a row of
 * `backups` (the last shows on /healthz); those older than BACKUP_RETENTION_DAYS are deleted,
 * file and all, so an erased account is gone from them too. A restore refuses while a server
 * runs on the database, checks the file, and swaps it in with one rename.
 */

const DAY_MS = 24 * 60 * 60_000;

/** The name `db:backup` gives a backup in BACKUP_DIR: cung-cau-20261205-043000.db (UTC). */
export function backupFileName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").replace(/\..*$/, "");
  return `cung-cau-${stamp}.db`;
}

const BACKUP_NAME = /^cung-cau-\d{8}-\d{6}(-\d+)?\.db$/;

export interface BackupResult {
  id: number;
  file: string;
  sizeBytes: number;
  ms: number;
}

/**
 * Copies the open database `db` to `file` (which must not exist) with SQLite's online backup,
 * recording it in `backups`. The copy holds every transaction committed before it finished.
 */
export async function backupDatabase(
  db: Db,
  file: string,
  options: { now?: Date; onProgress?: (percent: number, done: number, total: number) => void } = {},
): Promise<BackupResult> {
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${target} already exists`);
  mkdirSync(dirname(target), { recursive: true });
  const started = options.now ?? new Date();
  const id = prepared<{ id: number }>(
    db,
    "INSERT INTO backups (file, started_at) VALUES (?, ?) RETURNING id",
  ).get(target, started.getTime())!.id;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let pagesPerStep = 256;
  const startedMs = Date.now();
  // SQLite's online backup copies pages in steps between which the server keeps writing; a
  // write from another connection restarts the copy. When that happens, the rest is copied
  // in one step: one read transaction, which in WAL mode never blocks the server's writers.
  await db.$client.backup(target, {
    progress({ totalPages, remainingPages }) {
      if (remainingPages > lastRemaining) pagesPerStep = 0x7fffffff;
      lastRemaining = remainingPages;
      const done = totalPages - remainingPages;
      options.onProgress?.(
        totalPages === 0 ? 100 : Math.floor((100 * done) / totalPages),
        done,
        totalPages,
      );
      return pagesPerStep;
    },
  });
  const sizeBytes = statSync(target).size;
  prepared(db, "UPDATE backups SET finished_at = ?, size_bytes = ? WHERE id = ?").run(
    Date.now(),
    sizeBytes,
    id,
  );
  return { id, file: target, sizeBytes, ms: Date.now() - startedMs };
}

/**
 * Deletes the backups older than `retentionDays`: every recorded one (its file, and
 * `deleted_at` set), and any file in `dir` named like a backup whose time is older. Returns
 * the files deleted.
 */
export function deleteExpiredBackups(
  db: Db,
  options: { dir: string; retentionDays: number; now?: Date },
): string[] {
  const now = options.now ?? new Date();
  const cutoff = now.getTime() - options.retentionDays * DAY_MS;
  const deleted: string[] = [];
  const remove = (file: string) => {
    try {
      unlinkSync(file);
      deleted.push(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  };
  const expired = prepared<{ id: number; file: string }>(
    db,
    "SELECT id, file FROM backups WHERE deleted_at IS NULL AND started_at < ?",
  ).all(cutoff);
  for (const row of expired) {
    remove(row.file);
    prepared(db, "UPDATE backups SET deleted_at = ? WHERE id = ?").run(now.getTime(), row.id);
  }
  if (existsSync(options.dir)) {
    for (const name of readdirSync(options.dir)) {
      if (!BACKUP_NAME.test(name)) continue;
      const file = join(options.dir, name);
      if (statSync(file).mtimeMs < cutoff) remove(file);
    }
  }
  return deleted;
}

/** The last backup that finished (and was not deleted), for /healthz. */
export function lastBackup(db: Db): { finishedAt: Date; sizeBytes: number | null } | null {
  const row = prepared<{ finishedAt: number; sizeBytes: number | null }>(
    db,
    `SELECT finished_at AS finishedAt, size_bytes AS sizeBytes FROM backups
     WHERE finished_at IS NOT NULL AND deleted_at IS NULL ORDER BY finished_at DESC LIMIT 1`,
  ).get();
  return row ? { finishedAt: new Date(row.finishedAt), sizeBytes: row.sizeBytes } : null;
}

/*
 * The server's mark on its database: `<DATABASE_PATH>.server.pid` holds the pid of a running
 * server. `db:restore` refuses while that process is alive; a mark left by a crashed server
 * (its pid no longer running) does not count.
 */

export function serverPidFile(databasePath: string): string {
  return `${resolve(databasePath)}.server.pid`;
}

/** Written by a starting server; the returned function removes it again (on shutdown). */
export function markServerRunning(databasePath: string, pid = process.pid): () => void {
  const file = serverPidFile(databasePath);
  try {
    writeFileSync(file, `${pid}\n`);
  } catch (error) {
    // Never a reason not to serve; only `db:restore` loses its guard.
    logger.warn({ err: error, file }, "cannot write the server's pid mark");
    return () => undefined;
  }
  return () => {
    try {
      if (readFileSync(file, "utf8").trim() === String(pid)) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of the server running on this database, or null. */
export function runningServerPid(databasePath: string): number | null {
  let text: string;
  try {
    text = readFileSync(serverPidFile(databasePath), "utf8");
  } catch {
    return null;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/** Why a restore was refused: printed as is by the CLI. */
export class RestoreRefused extends Error {}

/** What `PRAGMA integrity_check` says about a database file ("ok" when sound). */
export function integrityOf(file: string): string {
  let copy: Database.Database | undefined;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    const rows = copy.pragma("integrity_check") as { integrity_check: string }[];
    const answer = rows.map((r) => r.integrity_check).join("; ");
    if (answer !== "ok") return answer;
    const hasMigrations = copy
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
      .get();
    return hasMigrations ? "ok" : "not a Cung Cầu database (no migrations table)";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    copy?.close();
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the database at `databasePath` by the backup `file`, for a STOPPED server:
 * refuses while a server runs on it, or when the file fails `PRAGMA integrity_check`. The
 * backup is copied beside the database, migrated there, and renamed over it (one atomic
 * step); the database it replaces is kept as `<name>.before-restore-<time>`. Returns that
 * path (null when there was no database yet).
 */
export function restoreDatabase(
  databasePath: string,
  file: string,
  now = new Date(),
): { savedAs: string | null } {
  const target = resolve(databasePath);
  const source = resolve(file);
  if (!existsSync(source)) throw new RestoreRefused(`no file at ${source}`);
  if (source === target) throw new RestoreRefused("the backup is the database itself");
  const pid = runningServerPid(target);
  if (pid !== null) {
    throw new RestoreRefused(
      `a server (pid ${pid}) is running on ${target}: stop it first (${serverPidFile(target)})`,
    );
  }
  const integrity = integrityOf(source);
  if (integrity !== "ok")
    throw new RestoreRefused(`${source} failed the integrity check: ${integrity}`);

  const staging = `${target}.restoring`;
  for (const leftover of [staging, `${staging}-wal`, `${staging}-shm`])
    rmSync(leftover, { force: true });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(staging, readFileSync(source));
  const restored = openDatabase(staging);
  try {
    migrateDatabase(restored);
    restored.$client.pragma("wal_checkpoint(TRUNCATE)");
    restored.$client.pragma("journal_mode = DELETE");
  } finally {
    restored.$client.close();
  }
  fsyncFile(staging);

  let savedAs: string | null = null;
  if (existsSync(target)) {
    // Fold the old database's write-ahead log into it, so the saved copy is whole.
    const old = new Database(target);
    old.pragma("wal_checkpoint(TRUNCATE)");
    old.close();
    savedAs = `${target}.before-restore-${backupFileName(now).replace(/^cung-cau-|\.db$/g, "")}`;
    linkSync(target, savedAs);
  }
  for (const stale of [`${target}-wal`, `${target}-shm`]) rmSync(stale, { force: true });
  renameSync(staging, target);
  fsyncFile(dirname(target));
  return { savedAs: savedAs === null ? null : join(dirname(savedAs), basename(savedAs)) };
}

/**
 * Deletes expired backups soon after start and then daily, so erasure becomes final even
 * when `db:backup` is not run (a backup taken elsewhere, a paused timer).
 */
export function scheduleBackupRetention(
  db: Db,
  options: { dir: string; retentionDays: number; onError: (error: unknown) => void },
): void {
  const run = () => {
    try {
      deleteExpiredBackups(db, { dir: options.dir, retentionDays: options.retentionDays });
    } catch (error) {
      options.onError(error);
    }
  };
  setTimeout(run, 2 * 60_000).unref();
  setInterval(run, DAY_MS).unref();
}
