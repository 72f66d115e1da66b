import { spawn } from "node:child_process";
import { cpSync, copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const projectRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** Where the seeded demo template is, for startServer (set by the Vitest global setup). */
export const DEMO_TEMPLATE_ENV = "TEST_DEMO_TEMPLATE_DIR";

/**
 * Seeds one demo database with its pictures through the CLI (`db:seed`, the same seeding as
 * `npm start`) into a new directory, and returns that directory. Servers of the suite start from
 * copies of it: seeding in every server cost each page test 4–5 s of its start.
 */
export async function seedDemoTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "cung-cau-demo-template-"));
  const databasePath = join(dir, "app.db");
  const output = await new Promise<string>((resolveRun, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/cli.ts", "db:seed"], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        APP_MODE: "demo",
        LOG_LEVEL: "warn",
        DATABASE_PATH: databasePath,
        UPLOADS_DIR: join(dir, "uploads"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolveRun(text) : reject(new Error(`db:seed failed (${code}):\n${text}`)),
    );
  });
  if (!output.includes("demo pictures")) {
    throw new Error(`db:seed made no demo pictures:\n${output}`);
  }
  // One self-contained file: the write-ahead log folded in, so a copy of app.db is the whole.
  const sqlite = new Database(databasePath);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  return dir;
}

/** Copies the template's database and uploads into `dir` (as app.db and uploads/). */
export function copyDemoTemplate(template: string, dir: string): void {
  copyFileSync(join(template, "app.db"), join(dir, "app.db"));
  if (existsSync(join(template, "uploads"))) {
    cpSync(join(template, "uploads"), join(dir, "uploads"), { recursive: true });
  }
}

export function removeDemoTemplate(template: string): void {
  rmSync(template, { recursive: true, force: true });
}
