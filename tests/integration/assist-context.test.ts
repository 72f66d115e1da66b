import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, producers, users } from "~db/schema";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket } from "../helpers/market";

/**
 * The assisted context through the real route modules (loaders and actions called with a
 * session cookie, as the authorization test does): acting for producer A, a staff member
 * reaches A's workspace but not producer B's listing, cannot change A's bank account, and
 * what she posts for A lands in A's history with her name.
 */

const ORIGIN = "http://localhost:3000";
process.env.PUBLIC_URL = ORIGIN;

type RouteFunction = (args: {
  request: Request;
  params: Record<string, string>;
  context: { clientIp: string };
}) => Promise<unknown>;

async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const value = await run();
    if (value instanceof Response) return value.status;
    if (typeof value === "object" && value !== null && "init" in value) {
      return (value.init as ResponseInit | null)?.status ?? 200;
    }
    return 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    if (typeof error === "object" && error !== null && "init" in error) {
      return (error.init as ResponseInit | null)?.status ?? 500;
    }
    throw error;
  }
}

describe("the assisted context through the routes", () => {
  let db: Db;
  let market: ReturnType<typeof makeMarket>;
  let cookie: string;
  const route = async (id: string) =>
    (await import(/* @vite-ignore */ `~/routes/${id}.tsx`)) as Record<string, RouteFunction>;
  const get = (path: string) => new Request(ORIGIN + path, { headers: { Cookie: cookie } });
  const post = (path: string, form: Record<string, string>) =>
    new Request(ORIGIN + path, {
      method: "POST",
      headers: {
        Cookie: cookie,
        Origin: ORIGIN,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(form).toString(),
    });
  const context = { clientIp: "127.0.0.1" };

  beforeAll(async () => {
    db = freshDb();
    const { setDbForTests } = await import("~/modules/platform/db.server");
    setDbForTests(db);
    market = makeMarket(db);
    const { createSession } = await import("~/modules/auth/session.server");
    const moderator = db.select().from(users).where(eq(users.email, "mod@example.vn")).get()!;
    cookie = (await createSession(db, moderator.id)).cookie;
    const start = await route("quan-ly.thao-tac-thay");
    const started = await statusOf(() =>
      start.action!({
        request: post("/quan-ly/thao-tac-thay", {
          intent: "start",
          producerId: String(market.producerA.id),
        }),
        params: {},
        context,
      }),
    );
    expect(started).toBe(303);
  }, 60_000);

  it("opens producer A's listing but not producer B's", async () => {
    const page = await route("ban-hang.san-pham.$sku");
    const call = (sku: string) =>
      statusOf(() =>
        page.loader!({ request: get(`/ban-hang/san-pham/${sku}`), params: { sku }, context }),
      );
    expect(await call("SP0001")).toBe(200);
    expect(await call("SP0003")).toBe(404);
  });

  it("refuses the bank account form with 403 and the reason, and changes nothing", async () => {
    const profile = await route("ban-hang.ho-so");
    const status = await statusOf(() =>
      profile.action!({
        request: post("/ban-hang/ho-so", {
          intent: "bank",
          producer: "SXA",
          bankBin: "970436",
          bankAccountNumber: "999999999",
          bankAccountName: "KHAC",
        }),
        params: {},
        context,
      }),
    );
    expect(status).toBe(403);
    const producer = db.select().from(producers).where(eq(producers.id, market.producerA.id)).get();
    expect(producer?.bankAccountNumber).toBe("0123456789");
  });

  it("records what she posts for A with both names, shown in A's history", async () => {
    const profile = await route("ban-hang.ho-so");
    const status = await statusOf(() =>
      profile.action!({
        request: post("/ban-hang/ho-so", {
          intent: "profile",
          producer: "SXA",
          story: "Câu chuyện mới do cán bộ nhập giúp.",
          address: "thôn 1, xã Test",
          phone: "",
          email: "",
          deliveryFeeVnd: "30000",
          pickupHours: "",
        }),
        params: {},
        context,
      }),
    );
    expect(status).toBe(302);
    const entry = db.select().from(auditLog).where(eq(auditLog.entityId, "/ban-hang/ho-so")).get();
    expect(entry).toMatchObject({
      action: "assist.request",
      assistedProducerId: market.producerA.id,
      actorUserId: market.actors.moderator.userId,
    });
    const history = await route("ban-hang.lich-su");
    const data = (await history.loader!({
      request: get("/ban-hang/lich-su"),
      params: {},
      context,
    })) as {
      history: { items: { action: string; staffName: string | null }[] };
    };
    expect(data.history.items.map((item) => item.action)).toEqual([
      "assist.request",
      "assist.started",
    ]);
    expect(data.history.items[0]?.staffName).toBe("Kiểm duyệt");
  });

  it("ends with the banner's form and she is herself again", async () => {
    const end = await route("quan-ly.thao-tac-thay");
    const status = await statusOf(() =>
      end.action!({
        request: post("/quan-ly/thao-tac-thay", { intent: "end" }),
        params: {},
        context,
      }),
    );
    expect(status).toBe(303);
    const page = await route("ban-hang.san-pham.$sku");
    expect(
      await statusOf(() =>
        page.loader!({
          request: get("/ban-hang/san-pham/SP0001"),
          params: { sku: "SP0001" },
          context,
        }),
      ),
    ).toBe(403);
  });
});
