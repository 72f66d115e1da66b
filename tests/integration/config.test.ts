import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "~/modules/platform/env.server";
import { projectRoot, tempDir } from "../helpers/server";

const SECRET = "x".repeat(48);

function configErrorOf(source: Record<string, string>): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("parseEnv accepted the configuration");
}

describe("parseEnv", () => {
  it("requires PUBLIC_URL in live mode", () => {
    const error = configErrorOf({ APP_MODE: "live", SESSION_SECRET: SECRET });
    expect(error.message).toContain("PUBLIC_URL");
    expect(error.message).not.toContain("SESSION_SECRET");
  });

  it("requires SESSION_SECRET in live mode", () => {
    const error = configErrorOf({ APP_MODE: "live", PUBLIC_URL: "https://cungcau.vn" });
    expect(error.message).toContain("SESSION_SECRET");
    expect(error.message).not.toContain("PUBLIC_URL:");
  });

  it("names every missing live-mode variable at once", () => {
    const error = configErrorOf({ APP_MODE: "live", NODE_ENV: "production" });
    expect(error.message).toContain("PUBLIC_URL");
    expect(error.message).toContain("SESSION_SECRET");
  });

  it("names every malformed variable at once", () => {
    const error = configErrorOf({ PORT: "70000", TRUST_PROXY: "yes", PUBLIC_URL: "cungcau" });
    for (const name of ["PORT", "TRUST_PROXY", "PUBLIC_URL"]) expect(error.message).toContain(name);
  });

  it("defaults to demo mode whatever NODE_ENV says: `npm start` always runs production", () => {
    expect(parseEnv({}).APP_MODE).toBe("demo");
    expect(parseEnv({ NODE_ENV: "test" }).APP_MODE).toBe("demo");
    // The demo under `npm start` (NODE_ENV=production) needs no secrets and no PUBLIC_URL.
    const demo = parseEnv({ NODE_ENV: "production" });
    expect(demo.APP_MODE).toBe("demo");
    expect(demo.TRUST_PROXY).toBe(false);
    const live = parseEnv({
      APP_MODE: "live",
      PUBLIC_URL: "https://cungcau.vn",
      SESSION_SECRET: SECRET,
    });
    expect(live.APP_MODE).toBe("live");
    expect(live.NODE_ENV).toBe("development"); // the mode is not NODE_ENV's business
  });

  it("has defaults for a first `npm start`", () => {
    const env = parseEnv({});
    expect(env.DATABASE_PATH).toBe("./data/app.db");
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe("0.0.0.0");
    expect(parseEnv({ PORT: "3111", TRUST_PROXY: "1" })).toMatchObject({
      PORT: 3111,
      TRUST_PROXY: true,
    });
  });
});

describe("npm start with a bad configuration", () => {
  function start(env: {
    APP_MODE?: "live";
    NODE_ENV?: "development" | "production";
    PORT?: string;
    PUBLIC_URL?: string;
    SESSION_SECRET?: string;
  }) {
    const dir = tempDir();
    const { PATH, HOME } = process.env;
    return spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: projectRoot,
      // A clean environment: only what a shell would pass plus the case under test; NODE_ENV
      // plays no part in it (`npm start` sets production itself).
      env: {
        PATH,
        HOME,
        DATABASE_PATH: join(dir, "app.db"),
        ...env,
        NODE_ENV: env.NODE_ENV ?? "development",
      },
      encoding: "utf8",
      timeout: 60_000,
    });
  }

  it("refuses to start in live mode without PUBLIC_URL", () => {
    const result = start({ APP_MODE: "live", SESSION_SECRET: SECRET });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PUBLIC_URL");
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });

  it("refuses to start in live mode without SESSION_SECRET", () => {
    const result = start({ APP_MODE: "live", PUBLIC_URL: "https://cungcau.vn" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("SESSION_SECRET");
  });

  it("says that NODE_ENV=production alone now means the demo, not a live marketplace", () => {
    // A bad PORT stops it right after the note, before anything is migrated or served.
    const result = start({ NODE_ENV: "production", PORT: "70000" });
    expect(result.stdout).toContain("APP_MODE=live");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PORT");
    expect(result.stderr).not.toContain("SESSION_SECRET"); // the demo needs no secret
    const live = start({ APP_MODE: "live", NODE_ENV: "production", PORT: "70000" });
    expect(live.stdout).not.toContain("APP_MODE=live");
  });
});
