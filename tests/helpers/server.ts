import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { copyDemoTemplate, DEMO_TEMPLATE_ENV } from "./demo-template";

/** The project's root directory (tests/helpers/../..). */
export const projectRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error("no port"));
        return;
      }
      server.close(() => resolvePort(address.port));
    });
  });
}

/** A new empty directory under the OS temp dir, for a test's database and uploads. */
export function tempDir(prefix = "cung-cau-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface SpawnedProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Kills the whole process group (npm → tsx → node) and waits for it to exit. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

// Never orphan a server: if the test process exits without calling stop(), kill the groups.
process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * The environment of a child: this process's, minus what the test runner set for itself (with VITEST set,
 * vite.config.ts drops the Remix plugin and a build would be broken; NODE_ENV=test is not
 * what `npm start` runs with), plus `extra`.
 */
function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith("VITEST") || name === "NODE_ENV" || name === "TEST") {
      Reflect.deleteProperty(env, name);
    }
  }
  return Object.assign(env, extra);
}

/**
 * Spawns a command in its own process group (detached) so stop() can kill it together with
 * every child it started; stdout and stderr are collected for assertions and error messages.
 */
export function spawnGroup(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
): SpawnedProcess {
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: childEnv(env),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit();
    child.once("exit", () => resolveExit());
  });
  exited.then(() => running.delete(child));

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    // The group leader may exit before its children: make sure none survives.
    killGroup(child, "SIGKILL");
  }

  return { child, output: () => output, stop };
}

/** Polls `url` until it answers 200, the process dies, or the timeout passes. */
export async function waitForHealthy(
  url: string,
  proc: SpawnedProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(
        `the server exited (${proc.child.exitCode ?? proc.child.signalCode}) before ${url} answered:\n${proc.output()}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${proc.output()}`);
}

export interface StartedServer {
  url: string;
  port: number;
  databasePath: string;
  output(): string;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  env?: Record<string, string | undefined>;
  /** How long to wait for /healthz; the first start may build the app (1–2 min on 2 cores). */
  timeoutMs?: number;
  /** Run `npm start` instead of the start script directly (the README's command). */
  viaNpm?: boolean;
  /**
   * "fresh": the server seeds its empty database itself, as on a new machine. By default a
   * demo server starts from a copy of the run's seeded template (tests/helpers/demo-template.ts),
   * when there is one and the test neither names its database nor runs `npm start` or live mode.
   */
  seed?: "template" | "fresh";
}

/**
 * Starts the real production server (scripts/start.ts: migrate, seed the demo, build if
 * stale, serve) on a fresh temporary database (a copy of the seeded template, see `seed`) and
 * a free port on 127.0.0.1, and waits for /healthz. Never touches the developer's ./data/app.db.
 */
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer> {
  const dir = tempDir();
  const port = await freePort();
  const databasePath = join(dir, "app.db");
  const env = {
    APP_MODE: "demo",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_PATH: databasePath,
    UPLOADS_DIR: join(dir, "uploads"),
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    // Tests sign up and order without a phone code unless they ask for the SMS stand-in.
    SMS_PROVIDER: "none",
    ...options.env,
  };
  const template = process.env[DEMO_TEMPLATE_ENV];
  const fromTemplate =
    template !== undefined &&
    options.seed !== "fresh" &&
    !options.viaNpm &&
    env.DATABASE_PATH === databasePath &&
    env.UPLOADS_DIR === join(dir, "uploads") &&
    env.APP_MODE === "demo";
  if (fromTemplate) copyDemoTemplate(template, dir);
  const proc = options.viaNpm
    ? spawnGroup("npm", ["start", "--silent"], env)
    : spawnGroup(process.execPath, ["--import", "tsx", "scripts/start.ts"], env);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealthy(`${url}/healthz`, proc, options.timeoutMs ?? 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, databasePath, output: proc.output, stop };
}
