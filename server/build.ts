import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root directory (server/..). */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const BUILD_DIR = join(PROJECT_ROOT, "build");
export const SERVER_BUILD = join(BUILD_DIR, "server", "index.js");
export const CLIENT_BUILD = join(BUILD_DIR, "client");

/** What the build is made from: a change to any of these makes it stale. */
const BUILD_INPUTS = [
  "app",
  "db/schema",
  "db/client.server.ts",
  // The files of server/ bundled into the build (app/entry.server.tsx imports them).
  "server/background-jobs.ts",
  "server/wal-checkpointer.ts",
  "public",
  "vite.config.ts",
  // vite.config.ts's own plugins: what the browser's message chunks hold.
  "scripts/build",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

/** Newest modification time (ms) of a file or of any file below a directory; 0 if missing. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its directory's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the build must be (re)made, or null when build/ is newer than every input. */
export function staleBuildReason(): string | null {
  if (!existsSync(SERVER_BUILD) || !existsSync(CLIENT_BUILD)) return "no build yet";
  const builtAt = statSync(SERVER_BUILD).mtimeMs;
  for (const input of BUILD_INPUTS) {
    if (newestMtime(join(PROJECT_ROOT, input)) > builtAt) return `${input} changed since the build`;
  }
  return null;
}

const LOCK_DIR = join(PROJECT_ROOT, ".cache", "build.lock");
const LOCK_STALE_MS = 15 * 60_000;

/**
 * Two `npm start`s at once (the e2e suite and the start-up test, say) must not write build/
 * together: mkdir is atomic, so the directory is the lock. A lock older than 15 minutes
 * belonged to a build that died and is taken over.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(join(PROJECT_ROOT, ".cache"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      const age = existsSync(LOCK_DIR) ? Date.now() - statSync(LOCK_DIR).mtimeMs : 0;
      if (age > LOCK_STALE_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

function runViteBuild(): Promise<void> {
  // VITEST in the environment would make vite.config.ts drop the Remix plugin.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")),
  );
  return new Promise((resolveBuild, reject) => {
    const child = spawn(join(PROJECT_ROOT, "node_modules", ".bin", "remix"), ["vite:build"], {
      cwd: PROJECT_ROOT,
      env: { ...env, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolveBuild();
      else reject(new Error(`remix vite:build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/**
 * Builds the app with `remix vite:build` when build/ is missing or older than its sources;
 * returns the reason it built, or null when the existing build was reused.
 */
export async function buildIfStale(log: (message: string) => void): Promise<string | null> {
  const reason = staleBuildReason();
  if (reason === null) return null;
  return withBuildLock(async () => {
    // Another process may have built while we waited for the lock.
    const stillStale = staleBuildReason();
    if (stillStale === null) return null;
    log(`Đang build ứng dụng (${stillStale}) / building the app…`);
    await runViteBuild();
    return stillStale;
  });
}
