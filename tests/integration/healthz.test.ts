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

  const saved = { path: process.env.DATABASE_PATH, token: process.env.OPS_TOKEN };
  const OPS_TOKEN = "ops-token-for-the-healthz-test-0123456789";

  beforeAll(() => {
    // The route uses the process database (getDb) from the cached configuration: point
    // DATABASE_PATH at a temporary file and load the route with fresh modules.
    process.env.DATABASE_PATH = join(dir, "app.db");
    process.env.OPS_TOKEN = OPS_TOKEN;
    const db = openMigratedDatabase(process.env.DATABASE_PATH);
    // Two messages waiting (one after a failed try), one given up, one sent; one backup.
    const insert = db.$client.prepare(
      `INSERT INTO outbound_messages (channel, recipient, body, attempts, failed_at, sent_at, created_at)
       VALUES (?, 'x', 'y', ?, ?, ?, ?)`,
    );
    insert.run("sms", 0, null, null, Date.UTC(2026, 11, 5, 1));
    insert.run("email", 2, null, null, Date.UTC(2026, 11, 5, 2));
    insert.run("email", 7, Date.UTC(2026, 11, 5, 3), null, Date.UTC(2026, 11, 4));
    insert.run("email", 1, null, Date.UTC(2026, 11, 5, 3), Date.UTC(2026, 11, 4));
    db.$client
      .prepare(
        "INSERT INTO backups (file, size_bytes, started_at, finished_at) VALUES ('/b/1.db', 4096, ?, ?)",
      )
      .run(Date.UTC(2026, 11, 5, 0), Date.UTC(2026, 11, 5, 0, 1));
    db.$client.close();
    vi.resetModules();
  });
  afterAll(() => {
    process.env.DATABASE_PATH = saved.path;
    process.env.OPS_TOKEN = saved.token;
    if (saved.token === undefined) delete process.env.OPS_TOKEN;
    rmSync(dir, { recursive: true, force: true });
  });

  async function ask(clientIp: string, authorization?: string) {
    const { loader } = await import("~/routes/healthz");
    const request = new Request("http://localhost/healthz", {
      headers: authorization ? { Authorization: authorization } : {},
    });
    return loader({ request, context: { clientIp }, params: {} });
  }

  const OPERATIONS = {
    outbox: {
      pending: 2,
      oldestPendingAt: "2026-12-05T01:00:00.000Z",
      byChannel: { sms: 1, email: 1 },
    },
    notifications: { pending: 2, retrying: 1, failed: 1 },
    backup: { lastFinishedAt: "2026-12-05T00:01:00.000Z", sizeBytes: 4096 },
  };

  it("tells everyone only that it is ok", async () => {
    for (const authorization of [undefined, "Bearer wrong-token", `Basic ${OPS_TOKEN}`]) {
      const response = await ask("203.0.113.7", authorization);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.status).toBe("ok");
      expect(body).not.toHaveProperty("operations");
    }
  });

  it("tells loopback callers and holders of the operations token the outbox, the queue and the last backup", async () => {
    for (const [ip, authorization] of [
      ["127.0.0.1", undefined],
      ["::1", undefined],
      ["203.0.113.7", `Bearer ${OPS_TOKEN}`],
    ] as const) {
      const response = await ask(ip, authorization);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.status).toBe("ok");
      expect(body.operations).toEqual(OPERATIONS);
    }
  });

  it("answers 200 JSON that is never cached", async () => {
    const response = await ask("203.0.113.7");
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
