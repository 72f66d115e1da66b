import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import { invitationSchema, offlineDealSchema, type OfflineDealInput } from "~/lib/schemas/connect";
import type { SignedInActor } from "~/modules/auth/actor";
import { actorForUser, createSession } from "~/modules/auth/session.server";
import {
  connectingCounts,
  invitePage,
  inviteProducer,
  listOfflineDeals,
  producersInScope,
  recordOfflineDeal,
  staleRequests,
  unmatchedRequests,
} from "~/modules/demand/connecting.server";
import {
  auditLog,
  notifications,
  offers,
  offlineDeals,
  producers,
  purchaseRequests,
  requestInvitations,
  requestMatches,
} from "~db/schema";
import { setDbForTests } from "~/modules/platform/db.server";
import { action as dealsAction } from "~/routes/quan-ly.ket-noi_.giao-dich";
import { loader as connectLoader } from "~/routes/quan-ly.ket-noi";
import {
  action as inviteAction,
  loader as inviteLoader,
} from "~/routes/quan-ly.ket-noi_.moi.$code";
import { freshDb, type Db } from "../helpers/db";
import { buildWorld, type SignedInKind, type World } from "./authorization-world";

/**
 * The Union's connecting work (app/modules/demand/connecting.server.ts) in the authorization
 * world: a province with communes A and B, producer A in A, producer B in B, a province
 * moderator and a staff member of commune B only.
 */

const ORIGIN = "http://localhost:3000";
// The routes below must never reach the developer's database; origin checks compare with this.
process.env.DATABASE_PATH = ":memory:";
process.env.PUBLIC_URL = ORIGIN;

const NOW = new Date("2026-12-10T03:00:00Z");
const DAY = 86_400_000;
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY);

let db: Db;
let world: World;
const actor = (kind: SignedInKind): SignedInActor => {
  const found = actorForUser(db, world.userIds[kind]);
  if (!found) throw new Error(`no actor ${kind}`);
  return found;
};

/** A request of the other buyer delivered in `orgUnitId`, posted `age` days before NOW. */
function insertRequest(
  code: string,
  orgUnitId: number,
  age: number,
  values: Partial<typeof purchaseRequests.$inferInsert> = {},
): number {
  return db
    .insert(purchaseRequests)
    .values({
      code,
      buyerUserId: world.userIds["other-buyer"],
      title: `Cần mua hàng ${code}`,
      quantity: 50,
      unit: "kg",
      deliveryLocation: "xã Thử Nghiệm, tỉnh Quảng Trị",
      orgUnitId,
      neededBy: "2027-01-31",
      createdAt: daysBefore(age),
      ...values,
    })
    .returning({ id: purchaseRequests.id })
    .get().id;
}

const codes = (list: { items: { code: string }[] }) => list.items.map((item) => item.code).sort();

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a domain error");
}

beforeEach(() => {
  db = freshDb();
  world = buildWorld(db);
});

describe("requests that need the Union", () => {
  it("lists open requests without an offer after N days, by the injected clock", () => {
    insertRequest("YC-A-OLD", world.communeA.id, 4);
    insertRequest("YC-A-NEW", world.communeA.id, 2);
    const moderator = actor("moderator");
    expect(codes(staleRequests(db, moderator, { now: NOW }))).toEqual(["YC-A-OLD"]);
    // The same requests a day later: the 2-day-old one is not 3 days old yet.
    expect(codes(staleRequests(db, moderator, { now: new Date(NOW.getTime() + DAY) }))).toEqual([
      "YC-A-NEW",
      "YC-A-OLD",
    ]);
    expect(codes(staleRequests(db, moderator, { days: 5, now: NOW }))).toEqual([]);
    expect(codes(staleRequests(db, moderator, { days: 1, now: NOW }))).toEqual([
      "YC-A-NEW",
      "YC-A-OLD",
    ]);
    const [old] = staleRequests(db, moderator, { now: NOW }).items;
    expect(old).toMatchObject({ daysOpen: 4, offerCount: 0, orgUnitName: "Hội LHPN xã A" });
  });

  it("counts an offer unless it was withdrawn; skips closed, hidden and past requests", () => {
    const answered = insertRequest("YC-A-ANS", world.communeA.id, 5);
    const withdrawn = insertRequest("YC-A-WDR", world.communeA.id, 5);
    insertRequest("YC-A-CLO", world.communeA.id, 5, { status: "closed", closeReason: "owner" });
    insertRequest("YC-A-HID", world.communeA.id, 5, { isHidden: true });
    insertRequest("YC-A-PAST", world.communeA.id, 5, { neededBy: "2026-12-09" });
    const offer = { producerId: world.producerId, goods: "Gạo", priceVnd: 20_000, quantity: 50 };
    db.insert(offers)
      .values([
        { ...offer, purchaseRequestId: answered },
        { ...offer, purchaseRequestId: withdrawn, status: "withdrawn" },
      ])
      .run();
    const list = staleRequests(db, actor("moderator"), { now: NOW });
    expect(codes(list)).toEqual(["YC-A-WDR"]);
    expect(list.total).toBe(1);
  });

  it("shows staff only the requests of their subtree", () => {
    insertRequest("YC-A-OLD", world.communeA.id, 4);
    insertRequest("YC-B-OLD", world.communeB.id, 4);
    expect(codes(staleRequests(db, actor("moderator"), { now: NOW }))).toEqual([
      "YC-A-OLD",
      "YC-B-OLD",
    ]);
    expect(codes(staleRequests(db, actor("staff-other-subtree"), { now: NOW }))).toEqual([
      "YC-B-OLD",
    ]);
    expect(thrown(() => staleRequests(db, actor("reporter"), { now: NOW })).status).toBe(403);
    expect(thrown(() => unmatchedRequests(db, actor("producer"), { now: NOW })).status).toBe(403);
    expect(connectingCounts(db, actor("reporter"), { now: NOW })).toBeNull();
    expect(connectingCounts(db, actor("staff-other-subtree"), { now: NOW })).toEqual({
      days: 3,
      stale: 1,
      unmatched: 0,
    });
  });

  it("pages the lists 20 at a time, the oldest first, and counts matches and invitations", () => {
    for (let i = 1; i <= 25; i++) {
      insertRequest(`YC-P-${String(i).padStart(2, "0")}`, world.communeA.id, 40 - i);
    }
    const moderator = actor("moderator");
    const first = staleRequests(db, moderator, { now: NOW });
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2, perPage: 20 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ code: "YC-P-01", matchCount: 0, invitedCount: 0 });
    const second = staleRequests(db, moderator, { now: NOW, page: 2 });
    expect(second.items.map((item) => item.code)).toEqual([
      "YC-P-21",
      "YC-P-22",
      "YC-P-23",
      "YC-P-24",
      "YC-P-25",
    ]);
    // Past the last page: the last page.
    expect(staleRequests(db, moderator, { now: NOW, page: 9 }).page).toBe(2);
    const [oldest] = first.items;
    db.insert(requestMatches)
      .values([
        { purchaseRequestId: oldest?.id ?? 0, producerId: world.producerId, rank: 1, score: 0.9 },
        { purchaseRequestId: oldest?.id ?? 0, producerId: world.producerId, rank: 2, score: 0.5 },
      ])
      .run();
    inviteProducer(
      db,
      moderator,
      invitationSchema.parse({ requestCode: "YC-P-01", producerCode: "SX902" }),
    );
    expect(staleRequests(db, moderator, { now: NOW }).items[0]).toMatchObject({
      matchCount: 1,
      invitedCount: 1,
    });
  });

  it("lists requests the matcher ran on and found nobody for", () => {
    insertRequest("YC-A-NONE", world.communeA.id, 1, { matchedAt: daysBefore(1) });
    const matched = insertRequest("YC-A-SOME", world.communeA.id, 1, { matchedAt: daysBefore(1) });
    insertRequest("YC-A-NEVER", world.communeA.id, 1);
    db.insert(requestMatches)
      .values({ purchaseRequestId: matched, producerId: world.producerId, rank: 1, score: 0.8 })
      .run();
    expect(codes(unmatchedRequests(db, actor("moderator"), { now: NOW }))).toEqual(["YC-A-NONE"]);
    expect(codes(unmatchedRequests(db, actor("staff-other-subtree"), { now: NOW }))).toEqual([]);
    expect(connectingCounts(db, actor("moderator"), { now: NOW })).toMatchObject({ unmatched: 1 });
  });
});

describe("inviting a producer", () => {
  const invite = (requestCode: string, producerCode: string, note = "") =>
    invitationSchema.parse({ requestCode, producerCode, note });

  it("stores the invitation, notifies the producer's members and writes the audit log", () => {
    const requestId = insertRequest("YC-A-OLD", world.communeA.id, 4);
    const result = inviteProducer(
      db,
      actor("moderator"),
      invite("yc-a-old", world.producerCode, "Chị xem giúp nhé"),
      { ipAddress: "10.0.0.1" },
    );
    expect(result.notified).toBe(1);
    expect(db.select().from(requestInvitations).all()).toMatchObject([
      {
        purchaseRequestId: requestId,
        producerId: world.producerId,
        invitedByUserId: world.userIds.moderator,
        note: "Chị xem giúp nhé",
      },
    ]);
    const notes = db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "request.invited"))
      .all();
    expect(notes).toMatchObject([
      {
        userId: world.userIds.producer,
        messageKey: "connect.notice.invited",
        params: { code: "YC-A-OLD", title: "Cần mua hàng YC-A-OLD" },
        link: "/yeu-cau-mua/YC-A-OLD",
      },
    ]);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "request.invite")).all();
    expect(audit).toMatchObject([
      {
        actorUserId: world.userIds.moderator,
        entityType: "purchase_request",
        entityId: String(requestId),
        orgUnitId: world.communeA.id,
        ipAddress: "10.0.0.1",
      },
    ]);
    const page = invitePage(db, actor("moderator"), "YC-A-OLD");
    expect(page.request.id).toBe(requestId);
    expect(page.others.map((p) => [p.code, p.invited])).toEqual([
      [world.producerCode, true],
      [world.otherProducerCode, false],
    ]);
  });

  it("refuses a second invitation of the same producer with a Conflict, changing nothing", () => {
    insertRequest("YC-A-OLD", world.communeA.id, 4);
    inviteProducer(db, actor("moderator"), invite("YC-A-OLD", world.producerCode));
    const error = thrown(() =>
      inviteProducer(db, actor("admin"), invite("YC-A-OLD", world.producerCode)),
    );
    expect(error.status).toBe(409);
    expect(error.messageKey).toBe("connect.error.alreadyInvited");
    expect(error.details).toMatchObject({ field: "producerCode" });
    expect(db.select().from(requestInvitations).all()).toHaveLength(1);
    expect(db.select().from(notifications).all()).toHaveLength(1);
    expect(db.select().from(auditLog).all()).toHaveLength(1);
  });

  it("keeps staff within their subtree for both the request and the producer", () => {
    insertRequest("YC-A-OLD", world.communeA.id, 4);
    insertRequest("YC-B-OLD", world.communeB.id, 4);
    const other = actor("staff-other-subtree");
    expect(thrown(() => inviteProducer(db, other, invite("YC-A-OLD", "SX902"))).status).toBe(404);
    const producerOut = thrown(() => inviteProducer(db, other, invite("YC-B-OLD", "SX901")));
    expect(producerOut.status).toBe(404);
    expect(producerOut.messageKey).toBe("connect.error.producerNotFound");
    expect(
      thrown(() => inviteProducer(db, actor("reporter"), invite("YC-B-OLD", "SX902"))).status,
    ).toBe(403);
    expect(db.select().from(requestInvitations).all()).toEqual([]);
    // Producer B of commune B, to a request of commune B: allowed.
    inviteProducer(db, other, invite("YC-B-OLD", "SX902"));
    expect(producersInScope(db, other).map((p) => p.code)).toEqual(["SX902"]);
    expect(
      producersInScope(db, actor("moderator"))
        .map((p) => p.code)
        .sort(),
    ).toEqual(["SX901", "SX902"]);
  });

  it("refuses closed requests and unverified producers", () => {
    insertRequest("YC-A-CLO", world.communeA.id, 4, { status: "closed", closeReason: "owner" });
    insertRequest("YC-A-OLD", world.communeA.id, 4);
    const closed = thrown(() =>
      inviteProducer(db, actor("moderator"), invite("YC-A-CLO", world.producerCode)),
    );
    expect(closed.status).toBe(409);
    db.update(producers)
      .set({ verificationStatus: "suspended" })
      .where(eq(producers.id, world.producerId))
      .run();
    const suspended = thrown(() =>
      inviteProducer(db, actor("moderator"), invite("YC-A-OLD", world.producerCode)),
    );
    expect(suspended.status).toBe(400);
    expect(db.select().from(requestInvitations).all()).toEqual([]);
  });

  it("puts the subtree's matched producers first on the invite page, best rank first", () => {
    const requestId = insertRequest("YC-B-OLD", world.communeB.id, 4);
    db.insert(requestMatches)
      .values([
        { purchaseRequestId: requestId, producerId: world.otherProducerId, rank: 1, score: 0.9 },
        { purchaseRequestId: requestId, producerId: world.producerId, rank: 2, score: 0.5 },
        { purchaseRequestId: requestId, producerId: world.producerId, rank: 3, score: 0.4 },
      ])
      .run();
    const province = invitePage(db, actor("moderator"), "YC-B-OLD");
    expect(province.matches.map((m) => m.producer.code)).toEqual(["SX902", "SX901", "SX901"]);
    expect(province.matched.map((p) => p.code)).toEqual(["SX902", "SX901"]);
    expect(province.others).toEqual([]);
    // Staff of commune B see producer A's match, marked outside their subtree, not offered.
    const commune = invitePage(db, actor("staff-other-subtree"), "YC-B-OLD");
    expect(commune.matches.map((m) => [m.producer.code, m.inScope])).toEqual([
      ["SX902", true],
      ["SX901", false],
      ["SX901", false],
    ]);
    expect(commune.matched.map((p) => p.code)).toEqual(["SX902"]);
    expect(commune.others).toEqual([]);
    // A request of commune A does not exist for them.
    insertRequest("YC-A-NONE", world.communeA.id, 4);
    expect(thrown(() => invitePage(db, actor("staff-other-subtree"), "YC-A-NONE")).status).toBe(
      404,
    );
  });

  it("validates the form: a note of at most 500 characters, a producer chosen", () => {
    const result = invitationSchema.safeParse({
      requestCode: "YC001",
      producerCode: "",
      note: "x".repeat(501),
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
    );
    expect(messages).toEqual({
      producerCode: "connect.error.producer",
      note: "connect.error.note",
    });
  });
});

describe("offline deals", () => {
  const form = (overrides: Record<string, string> = {}) => ({
    buyerName: "Siêu thị Co.op Đông Hà",
    producerCode: world.otherProducerCode,
    goods: "Tiêu Cùa loại 1",
    quantity: "1.200",
    unit: "kg",
    amountVnd: "216.000.000 đ",
    dealOn: "2026-12-09",
    ...overrides,
  });
  const deal = (overrides: Record<string, string> = {}): OfflineDealInput =>
    offlineDealSchema.parse(form(overrides));

  it("records the deal under the producer's org unit, linked to a request, and audits it", () => {
    const requestId = insertRequest("YC-B-OLD", world.communeB.id, 4);
    const { id } = recordOfflineDeal(db, actor("moderator"), deal({ requestCode: "yc-b-old" }), {
      now: NOW,
      ipAddress: "10.0.0.2",
    });
    expect(db.select().from(offlineDeals).where(eq(offlineDeals.id, id)).get()).toMatchObject({
      producerId: world.otherProducerId,
      orgUnitId: world.communeB.id,
      purchaseRequestId: requestId,
      buyerName: "Siêu thị Co.op Đông Hà",
      description: "Tiêu Cùa loại 1",
      quantity: 1200,
      unit: "kg",
      amountVnd: 216_000_000,
      dealOn: "2026-12-09",
      recordedByUserId: world.userIds.moderator,
    });
    expect(
      db.select().from(auditLog).where(eq(auditLog.action, "offline-deal.record")).all(),
    ).toMatchObject([
      {
        entityType: "offline_deal",
        entityId: String(id),
        orgUnitId: world.communeB.id,
        ipAddress: "10.0.0.2",
        after: { amountVnd: 216_000_000, purchaseRequestId: requestId },
      },
    ]);
  });

  it("refuses a producer outside the subtree, a future date and an unknown request", () => {
    const other = actor("staff-other-subtree");
    const outside = thrown(() =>
      recordOfflineDeal(db, other, deal({ producerCode: world.producerCode }), { now: NOW }),
    );
    expect(outside.status).toBe(404);
    const future = thrown(() =>
      recordOfflineDeal(db, other, deal({ dealOn: "2026-12-11" }), { now: NOW }),
    );
    expect(future.status).toBe(400);
    expect(future.details).toMatchObject({ field: "dealOn" });
    const unknown = thrown(() =>
      recordOfflineDeal(db, other, deal({ requestCode: "YC999" }), { now: NOW }),
    );
    expect(unknown.details).toMatchObject({ field: "requestCode" });
    expect(
      thrown(() => recordOfflineDeal(db, actor("reporter"), deal(), { now: NOW })).status,
    ).toBe(403);
    expect(db.select().from(offlineDeals).all()).toEqual([]);
    expect(db.select().from(auditLog).all()).toEqual([]);
  });

  it("validates what staff type: whole numbers the Vietnamese way, every field named", () => {
    const result = offlineDealSchema.safeParse({
      buyerName: "A",
      producerCode: "",
      goods: "",
      quantity: "1,5",
      unit: "tấn",
      amountVnd: "0",
      dealOn: "9/12/2026",
    });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
    );
    expect(fields).toEqual({
      buyerName: "connect.error.buyerName",
      producerCode: "connect.error.producer",
      goods: "connect.error.goods",
      quantity: "errors.input.decimal",
      unit: "connect.error.unit",
      amountVnd: "connect.error.amount",
      dealOn: "connect.error.dealOn",
    });
  });

  it("lists the deals of the subtree, the latest first, a page at a time", () => {
    for (const day of ["2026-12-01", "2026-12-03", "2026-12-02"]) {
      recordOfflineDeal(db, actor("moderator"), deal({ dealOn: day }), { now: NOW });
    }
    recordOfflineDeal(
      db,
      actor("moderator"),
      deal({ producerCode: world.producerCode, dealOn: "2026-12-04" }),
      { now: NOW },
    );
    const all = listOfflineDeals(db, actor("moderator"), 1, 2);
    expect(all.total).toBe(4);
    expect(all.pageCount).toBe(2);
    expect(all.items.map((d) => d.dealOn)).toEqual(["2026-12-04", "2026-12-03"]);
    expect(listOfflineDeals(db, actor("moderator"), 2, 2).items.map((d) => d.dealOn)).toEqual([
      "2026-12-02",
      "2026-12-01",
    ]);
    const mine = listOfflineDeals(db, actor("staff-other-subtree"));
    expect(mine.total).toBe(3);
    expect(new Set(mine.items.map((d) => d.producerCode))).toEqual(new Set(["SX902"]));
  });
});

describe("the connecting pages, without JavaScript", () => {
  /** A GET or a form POST as a signed-in member of staff, as the browser sends it. */
  async function as(
    kind: SignedInKind,
    path: string,
    form?: Record<string, string>,
  ): Promise<Request> {
    setDbForTests(db);
    const { cookie } = await createSession(db, world.userIds[kind]);
    const headers = new Headers({ Cookie: cookie });
    if (!form) return new Request(`${ORIGIN}${path}`, { headers });
    headers.set("Origin", ORIGIN);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    return new Request(`${ORIGIN}${path}`, {
      method: "POST",
      headers,
      body: new URLSearchParams(form).toString(),
    });
  }
  const asModerator = (path: string, form?: Record<string, string>) => as("moderator", path, form);
  const args = (request: Request, params: Record<string, string> = {}) => ({
    request,
    params,
    context: { clientIp: "10.0.0.9" },
  });
  /** Remix's `data(body, init)`: the body and the status of a refused form. */
  const refused = (value: unknown) =>
    value as {
      data: {
        formError: string | null;
        fieldErrors: Record<string, string> | null;
        values: Record<string, string>;
      };
      init: { status: number };
    };

  it("lists the stale request with a link to its invite page, and no producers", async () => {
    // The page runs on the real clock.
    insertRequest("YC-A-OLD", world.communeA.id, 0, { createdAt: new Date(Date.now() - 4 * DAY) });
    const page = await connectLoader(args(await asModerator("/quan-ly/ket-noi?ngay=3&x=1")));
    expect(page.days).toBe(3);
    expect(page.stale).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(page.stale.items.map((item) => item.code)).toEqual(["YC-A-OLD"]);
    // Only the list's own query is kept for the way back.
    expect(page.listQuery).toBe("?ngay=3");
    expect(page).not.toHaveProperty("producers");
  });

  it("invites from the request's page and goes back to the list with a notice", async () => {
    insertRequest("YC-A-OLD", world.communeA.id, 0, { createdAt: new Date(Date.now() - 4 * DAY) });
    const path = "/quan-ly/ket-noi/moi/YC-A-OLD?ngay=3&trang=1";
    const params = { code: "YC-A-OLD" };
    const page = await inviteLoader(args(await asModerator(path), params));
    expect(page.request).toMatchObject({ code: "YC-A-OLD", status: "open", offerCount: 0 });
    expect(page.request).not.toHaveProperty("id");
    expect(page.others.map((p) => p.code)).toEqual(["SX901", "SX902"]);
    expect(page.listQuery).toBe("?ngay=3&trang=1");

    const form = { producerCode: "SX901", note: "Chị xem giúp nhé" };
    const done = await inviteAction(args(await asModerator(path, form), params));
    expect(done).toBeInstanceOf(Response);
    expect((done as Response).status).toBe(303);
    expect((done as Response).headers.get("Location")).toBe(
      "/quan-ly/ket-noi?ngay=3&trang=1&da-moi=YC-A-OLD&nsx=SX901",
    );
    expect(db.select().from(requestInvitations).all()).toMatchObject([
      { producerId: world.producerId, note: "Chị xem giúp nhé" },
    ]);
    const notice = await connectLoader(
      args(await asModerator("/quan-ly/ket-noi?da-moi=YC-A-OLD&nsx=SX901")),
    );
    expect(notice.sent).toEqual({ code: "YC-A-OLD", name: "Tổ hợp tác SX901" });
    expect(notice.stale.items[0]).toMatchObject({ code: "YC-A-OLD", invitedCount: 1 });
    const again = await inviteLoader(args(await asModerator(path), params));
    expect(again.others.map((p) => [p.code, p.invited])).toEqual([
      ["SX901", true],
      ["SX902", false],
    ]);
  });

  it("shows a refused invitation's message on the page: 400, 409, 404", async () => {
    insertRequest("YC-B-OLD", world.communeB.id, 4);
    const path = "/quan-ly/ket-noi/moi/YC-B-OLD";
    const params = { code: "YC-B-OLD" };
    const missing = refused(
      await inviteAction(args(await asModerator(path, { producerCode: "" }), params)),
    );
    expect(missing.init.status).toBe(400);
    expect(missing.data.fieldErrors).toEqual({ producerCode: "connect.error.producer" });

    const form = { producerCode: "SX902", note: "Nhờ chị báo giá trước thứ Sáu" };
    await inviteAction(args(await asModerator(path, form), params));
    const duplicate = refused(await inviteAction(args(await asModerator(path, form), params)));
    expect(duplicate.init.status).toBe(409);
    expect(duplicate.data.formError).toBe(
      "Tổ hợp tác SX902 đã được mời chào giá cho yêu cầu YC-B-OLD.",
    );
    // Without JavaScript the page is drawn again from this: the note typed is kept.
    expect(duplicate.data.values).toEqual(form);

    // Staff of commune B may open the page but not invite producer A of commune A.
    const outside = refused(
      await inviteAction(
        args(await as("staff-other-subtree", path, { producerCode: "SX901" }), params),
      ),
    );
    expect(outside.init.status).toBe(404);
    expect(outside.data.formError).toBe("Không tìm thấy nhà sản xuất này trong phạm vi của bạn.");
    expect(db.select().from(requestInvitations).all()).toHaveLength(1);
  });

  it("answers 404 for a request outside the staff's subtree, to the page and the form", async () => {
    insertRequest("YC-A-OLD", world.communeA.id, 4);
    const path = "/quan-ly/ket-noi/moi/YC-A-OLD";
    const params = { code: "YC-A-OLD" };
    await expect(
      inviteLoader(args(await as("staff-other-subtree", path), params)),
    ).rejects.toMatchObject({ init: { status: 404 } });
    const form = { producerCode: "SX902" };
    const answer = refused(
      await inviteAction(args(await as("staff-other-subtree", path, form), params)),
    );
    expect(answer.init.status).toBe(404);
    expect(db.select().from(requestInvitations).all()).toEqual([]);
  });

  it("records an offline deal from the form as typed and goes back with a notice", async () => {
    const form = {
      buyerName: "Nhà hàng Gió Lào",
      producerCode: "SX902",
      goods: "Mực khô loại 1",
      quantity: "25",
      unit: "kg",
      amountVnd: "12.500.000",
      dealOn: "2026-01-15",
      requestCode: "",
    };
    const done = await dealsAction(args(await asModerator("/quan-ly/ket-noi/giao-dich", form)));
    expect((done as Response).status).toBe(303);
    expect((done as Response).headers.get("Location")).toBe("/quan-ly/ket-noi/giao-dich?da-ghi=1");
    expect(db.select().from(offlineDeals).all()).toMatchObject([
      {
        amountVnd: 12_500_000,
        quantity: 25,
        purchaseRequestId: null,
        orgUnitId: world.communeB.id,
      },
    ]);
    const future = refused(
      await dealsAction(
        args(await asModerator("/quan-ly/ket-noi/giao-dich", { ...form, dealOn: "2099-01-01" })),
      ),
    );
    expect(future.init.status).toBe(400);
    expect(db.select().from(offlineDeals).all()).toHaveLength(1);
  });
});
