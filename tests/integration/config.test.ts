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
  it("requires PUBLIC_URL in production", () => {
    const error = configErrorOf({ NODE_ENV: "production", SESSION_SECRET: SECRET });
    expect(error.message).toContain("PUBLIC_URL");
    expect(error.message).not.toContain("SESSION_SECRET");
  });

  it("requires SESSION_SECRET in production", () => {
    const error = configErrorOf({ NODE_ENV: "production", PUBLIC_URL: "https://cungcau.vn" });
    expect(error.message).toContain("SESSION_SECRET");
    expect(error.message).not.toContain("PUBLIC_URL:");
  });

  it("names every missing production variable at once", () => {
    const error = configErrorOf({ NODE_ENV: "production" });
    expect(error.message).toContain("PUBLIC_URL");
    expect(error.message).toContain("SESSION_SECRET");
  });

  it("names every malformed variable at once", () => {
    const error = configErrorOf({ PORT: "70000", TRUST_PROXY: "yes", PUBLIC_URL: "cungcau" });
    for (const name of ["PORT", "TRUST_PROXY", "PUBLIC_URL"]) expect(error.message).toContain(name);
  });

  it("defaults to demo mode outside production and live mode in production", () => {
    expect(parseEnv({}).APP_MODE).toBe("demo");
    expect(parseEnv({ NODE_ENV: "test" }).APP_MODE).toBe("demo");
    const production = parseEnv({
      NODE_ENV: "production",
      PUBLIC_URL: "https://cungcau.vn",
      SESSION_SECRET: SECRET,
    });
    expect(production.APP_MODE).toBe("live");
    expect(production.TRUST_PROXY).toBe(false);
    expect(
      parseEnv({
        NODE_ENV: "production",
        APP_MODE: "demo",
        PUBLIC_URL: "https://a.vn",
        SESSION_SECRET: SECRET,
      }).APP_MODE,
    ).toBe("demo");
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
  function start(env: { NODE_ENV: "production"; PUBLIC_URL?: string; SESSION_SECRET?: string }) {
    const dir = tempDir();
    const { PATH, HOME } = process.env;
    return spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: projectRoot,
      // A clean environment: only what a shell would pass plus the case under test.
      env: { PATH, HOME, DATABASE_PATH: join(dir, "app.db"), ...env },
      encoding: "utf8",
      timeout: 60_000,
    });
  }

  it("refuses to start in production without PUBLIC_URL", () => {
    const result = start({ NODE_ENV: "production", SESSION_SECRET: SECRET });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PUBLIC_URL");
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });

  it("refuses to start in production without SESSION_SECRET", () => {
    const result = start({ NODE_ENV: "production", PUBLIC_URL: "https://cungcau.vn" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("SESSION_SECRET");
  });
});
