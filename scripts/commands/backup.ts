/**
 * `npm run cli -- db:backup [file]` and `npm run cli -- db:restore <file>` (docs/operations.md).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "~db/client.server";
import {
  backupDatabase,
  backupFileName,
  deleteExpiredBackups,
  restoreDatabase,
} from "~/modules/platform/backups.server";
import { getEnv } from "~/modules/platform/env.server";

/** A mistake or a refusal: printed without a stack trace, exit code 1. */
export class BackupUsageError extends Error {}

/**
 * Online backup of DATABASE_PATH to `file`, or to a new file in BACKUP_DIR; then deletes the
 * backups older than BACKUP_RETENTION_DAYS. Safe while the server runs and takes orders.
 */
export async function dbBackup(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
  const [given, extra] = positionals;
  if (extra !== undefined) throw new BackupUsageError("Cách dùng / usage: db:backup [file]");
  const env = getEnv();
  if (env.DATABASE_PATH === ":memory:" || !existsSync(env.DATABASE_PATH)) {
    throw new BackupUsageError(`Không có cơ sở dữ liệu / no database at ${env.DATABASE_PATH}`);
  }
  const now = new Date();
  const file = given ?? join(env.BACKUP_DIR, backupFileName(now));
  if (existsSync(file)) {
    throw new BackupUsageError(`Tệp đã tồn tại / ${file} already exists: choose a new name`);
  }
  const db = openDatabase(env.DATABASE_PATH);
  try {
    let lastShown = -1;
    const result = await backupDatabase(db, file, {
      now,
      onProgress(percent, done, total) {
        if (percent === lastShown) return;
        lastShown = percent;
        console.error(`  ${percent}% (${done}/${total} pages)`);
      },
    });
    console.log(
      `Đã sao lưu / backed up ${env.DATABASE_PATH} → ${result.file} (${result.sizeBytes} bytes) in ${result.ms} ms`,
    );
    const deleted = deleteExpiredBackups(db, {
      dir: env.BACKUP_DIR,
      retentionDays: env.BACKUP_RETENTION_DAYS,
      now,
    });
    for (const old of deleted) {
      console.log(`Đã xoá bản cũ / deleted expired backup ${old}`);
    }
  } finally {
    db.$client.close();
  }
}

/** Replaces DATABASE_PATH by a backup; the server must be stopped. */
export function dbRestore(args: string[]): void {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
  const [file, extra] = positionals;
  if (!file || extra !== undefined)
    throw new BackupUsageError("Cách dùng / usage: db:restore <file>");
  const env = getEnv();
  if (env.DATABASE_PATH === ":memory:") throw new BackupUsageError("DATABASE_PATH is :memory:");
  const { savedAs } = restoreDatabase(env.DATABASE_PATH, file);
  console.log(`Đã khôi phục / restored ${file} → ${env.DATABASE_PATH}`);
  if (savedAs) console.log(`CSDL cũ được giữ ở / the previous database is kept as ${savedAs}`);
}
