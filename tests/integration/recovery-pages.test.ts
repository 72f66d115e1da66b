import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { outboundMessages, users } from "~db/schema";
import { t } from "~/lib/i18n";
import { setDbForTests } from "~/modules/platform/db.server";
import * as demoRoute from "~/routes/demo.tin-nhan";
import * as forgotRoute from "~/routes/quen-mat-khau";
import * as resetRoute from "~/routes/dat-lai-mat-khau";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket } from "../helpers/market";

// A live marketplace with the SMS stand-in: the demo inbox must not exist there.
vi.hoisted(() => {
  process.env.APP_MODE = "live";
  process.env.PUBLIC_URL = "http://localhost:3000";
  process.env.SESSION_SECRET = "s".repeat(40);
  process.env.SMS_PROVIDER = "capture";
});

/** The recovery routes called directly: the answers people see, in live mode. */

const ORIGIN = "http://localhost:3000";
type RouteFn = (args: {
  request: Request;
  params: Record<string, string>;
  context: { clientIp: string };
}) => Promise<unknown>;

async function statusOf(fn: RouteFn, request: Request): Promise<{ status: number; body: unknown }> {
  try {
    const value = await fn({ request, params: {}, context: { clientIp: "203.0.113.9" } });
    if (value instanceof Response) return { status: value.status, body: null };
    if (typeof value === "object" && value !== null && "init" in value && "data" in value) {
      const init = (value.init ?? {}) as ResponseInit;
      return { status: init.status ?? 200, body: value.data };
    }
    return { status: 200, body: value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    if (typeof thrown === "object" && thrown !== null && "init" in thrown) {
      const init = (thrown.init ?? {}) as ResponseInit;
      return { status: init.status ?? 500, body: null };
    }
    throw thrown;
  }
}

const post = (path: string, fields: Record<string, string>) =>
  new Request(ORIGIN + path, {
    method: "POST",
    headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

let db: Db;

beforeEach(() => {
  db = freshDb();
  setDbForTests(db);
  const market = makeMarket(db);
  db.update(users).set({ phone: "+84912000111" }).where(eq(users.id, market.memberA.id)).run();
});

describe("recovery pages", () => {
  it("the demo inbox is a 404 outside demo mode", async () => {
    const answer = await statusOf(
      demoRoute.loader as RouteFn,
      new Request(`${ORIGIN}/demo/tin-nhan`),
    );
    expect(answer.status).toBe(404);
  });

  it("forgot password answers the same for a known and an unknown phone", async () => {
    const known = await statusOf(
      forgotRoute.action as RouteFn,
      post("/quen-mat-khau", { identifier: "0912 000 111" }),
    );
    const unknown = await statusOf(
      forgotRoute.action as RouteFn,
      post("/quen-mat-khau", { identifier: "0987 000 999" }),
    );
    expect(known.status).toBe(302);
    expect(unknown.status).toBe(302);
    expect(
      db
        .select()
        .from(outboundMessages)
        .all()
        .map((m) => m.recipient),
    ).toEqual(["+84912000111"]);
  });

  it("a wrong code is a 400 with a clear message, and the password stays", async () => {
    await statusOf(
      forgotRoute.action as RouteFn,
      post("/quen-mat-khau", { identifier: "0912000111" }),
    );
    const before = db.select().from(users).where(eq(users.phone, "+84912000111")).get();
    const answer = await statusOf(
      resetRoute.action as RouteFn,
      post("/dat-lai-mat-khau", {
        phone: "0912000111",
        code: "000000",
        password: "Nước mắm Cửa Việt thơm",
        confirmPassword: "Nước mắm Cửa Việt thơm",
      }),
    );
    expect(answer.status).toBe(400);
    const errors = (answer.body as { error?: Record<string, string[]> }).error ?? {};
    const shown = Object.values(errors).flat();
    expect(
      shown.some(
        (m) =>
          m === t("vi", "recovery.error.code.wrong") || m === t("vi", "recovery.error.code.none"),
      ),
    ).toBe(true);
    const after = db.select().from(users).where(eq(users.phone, "+84912000111")).get();
    expect(after?.passwordHash).toBe(before?.passwordHash);
  });
});
