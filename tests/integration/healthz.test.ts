import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openMigratedDatabase } from "~db/client.server";
import { seedDemo } from "~db/seed/seed.server";
import { checkHealth } from "~/modules/platform/health.server";
import { logger } from "~/modules/platform/logger.server";
import { freshDb } from "../helpers/db";
import { tempDir } from "../helpers/server";

describe("checkHealth", () => {
  it("reports migrations, published listings and the FTS5 index", async () => {
    const db = freshDb();
    const empty = checkHealth(db, "demo");
    expect(empty.status).toBe("ok");
    expect(empty.database.ok).toBe(true);
    expect(empty.database.migrations).toBeGreaterThanOrEqual(2);
    expect(empty.database.listings).toBe(0);
    expect(empty.search).toEqual({ engine: "fts5", ok: true });
    await seedDemo(db, { today: new Date(), mode: "live" });
    expect(checkHealth(db, "live")).toMatchObject({
      status: "ok",
      database: { listings: 220 },
      mode: "live",
    });
  });

  it("is degraded when the database does not answer", () => {
    const db = freshDb();
    db.$client.close();
    // The failures are logged on purpose; keep the test output readable.
    const level = logger.level;
    logger.level = "silent";
    const health = checkHealth(db, "demo");
    logger.level = level;
    expect(health.status).toBe("degraded");
    expect(health.database.ok).toBe(false);
    expect(health.search.ok).toBe(false);
    expect(checkHealth(null, "demo").status).toBe("degraded");
  });
});

describe("GET /healthz", () => {
  const dir = tempDir();

  const saved = process.env.DATABASE_PATH;

  beforeAll(() => {
    // The route uses the process database (getDb) from the cached configuration: point
    // DATABASE_PATH at a temporary file and load the route with fresh modules.
    process.env.DATABASE_PATH = join(dir, "app.db");
    openMigratedDatabase(process.env.DATABASE_PATH).$client.close();
    vi.resetModules();
  });
  afterAll(() => {
    process.env.DATABASE_PATH = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 200 JSON that is never cached", async () => {
    const { loader } = await import("~/routes/healthz");
    const response = loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Type")).toContain("application/json");
    const body = await response.json();
    expect(body).toMatchObject({
      status: "ok",
      database: { ok: true, listings: 0 },
      search: { engine: "fts5", ok: true },
      mode: "demo",
    });
  });
});
