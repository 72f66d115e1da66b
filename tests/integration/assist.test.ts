import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  assistContexts,
  auditLog,
  producerMemberships,
  producers,
  staffMemberships,
  users,
} from "~db/schema";
import { DomainError } from "~/lib/errors";
import { NewAssistedProducerSchema } from "~/lib/schemas/assist";
import {
  ASSIST_IDLE_MS,
  endAssisting,
  startAssisting,
  withAssistContext,
} from "~/modules/assist/context.server";
import { refuseInAssistedMode } from "~/modules/assist/guard.server";
import { assistHistory } from "~/modules/assist/history.server";
import { createAssistedProducer } from "~/modules/assist/producers.server";
import { auditLogPage } from "~/modules/audit/log.server";
import type { SignedInActor } from "~/modules/auth/actor";
import { createSession, getActor, loadActor } from "~/modules/auth/session.server";
import { updateProducerBank } from "~/modules/listings/producer-profile.server";
import { markRefundSent } from "~/modules/money/refunds.server";
import { recordPayout } from "~/modules/money/payouts.server";
import { auditAssistedRequest, writeAudit } from "~/modules/platform/audit.server";
import { runInAuditScope } from "~/modules/platform/audit-scope.server";
import { setDbForTests } from "~/modules/platform/db.server";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket } from "../helpers/market";

/**
 * Assisted mode (issue 15, item 3): starting, ending and the 30-minute idle end; the subtree
 * rule, checked again on every request; what is refused while assisting; and the audit trail
 * with both names, in the staff log and in the producer's history.
 */

const ORIGIN = "http://localhost:3000";

function expectDomainError(fn: () => unknown, status: number, key?: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(status);
    if (key) expect((error as DomainError).messageKey).toBe(key);
    return;
  }
  throw new Error("expected a refusal");
}

function requestWith(cookie: string, path = "/ban-hang", method = "GET") {
  return new Request(ORIGIN + path, { method, headers: { Cookie: cookie } });
}

describe("assisted mode", () => {
  let db: Db;
  let market: ReturnType<typeof makeMarket>;
  /** Producer C, in another commune (T-Y), outside the commune moderator's subtree. */
  let producerC: { id: number };
  let moderator: SignedInActor;
  let cookie: string;

  beforeEach(async () => {
    db = freshDb();
    setDbForTests(db);
    market = makeMarket(db);
    db.$client
      .prepare(
        "INSERT INTO org_units (id, code, name, level, parent_id, path) VALUES (3, 'T-Y', 'Hội LHPN xã Khác', 'commune', 1, '/1/3/')",
      )
      .run();
    producerC = db
      .insert(producers)
      .values({
        code: "SXC",
        name: "Tổ C",
        kind: "tho",
        orgUnitId: 3,
        commune: "xã Khác",
        address: "thôn 3, xã Khác",
        membersTotal: 4,
        verificationStatus: "verified",
      })
      .returning({ id: producers.id })
      .get();
    const moderatorUser = db.select().from(users).where(eq(users.email, "mod@example.vn")).get()!;
    const session = await createSession(db, moderatorUser.id);
    cookie = session.cookie;
    moderator = { ...market.actors.moderator, sessionId: session.id };
  });

  const contextRows = () => db.select().from(assistContexts).all();

  it("starts in the staff member's session: she stays herself, with the producer as a plain member", () => {
    startAssisting(db, moderator, market.producerA.id, "127.0.0.1");
    expect(contextRows()).toHaveLength(1);
    const actor = loadActor(db, requestWith(cookie));
    if (actor.kind !== "user") throw new Error("signed in");
    const seen = withAssistContext(db, actor);
    expect(seen.userId).toBe(moderator.userId);
    expect(seen.staff).toHaveLength(1);
    expect(seen.assisting?.producerName).toBe("HTX A");
    expect(seen.producers).toEqual([
      expect.objectContaining({
        producerId: market.producerA.id,
        role: "member",
        permissions: ["listings", "orders"],
      }),
    ]);
    const started = db.select().from(auditLog).where(eq(auditLog.action, "assist.started")).get();
    expect(started?.actorUserId).toBe(moderator.userId);
    expect(started?.assistedProducerId).toBe(market.producerA.id);
  });

  it("ends with the banner's button, and after 30 minutes without a request", () => {
    startAssisting(db, moderator, market.producerA.id, null);
    expect(endAssisting(db, moderator, null)).toBe(true);
    expect(contextRows()).toHaveLength(0);
    expect(endAssisting(db, moderator, null)).toBe(false);

    const start = new Date("2026-12-05T01:00:00Z");
    startAssisting(db, moderator, market.producerA.id, null, start);
    // A request 10 minutes later keeps it alive and moves its clock.
    const tenLater = new Date(start.getTime() + 10 * 60 * 1000);
    expect(withAssistContext(db, moderator, tenLater).assisting).toBeTruthy();
    expect(contextRows()[0]?.lastActiveAt.getTime()).toBe(tenLater.getTime());
    // 30 minutes after that one, it is over.
    const idle = new Date(tenLater.getTime() + ASSIST_IDLE_MS);
    const after = withAssistContext(db, moderator, idle);
    expect(after.assisting).toBeUndefined();
    expect(after.producers).toEqual([]);
    expect(contextRows()).toHaveLength(0);
    const ended = db.select().from(auditLog).where(eq(auditLog.action, "assist.ended")).all();
    expect(ended.map((e) => e.after)).toEqual([{ reason: "ended" }, { reason: "idle" }]);
  });

  it("is only for producers of her subtree, checked again on every request", () => {
    expectDomainError(() => startAssisting(db, moderator, producerC.id, null), 403);
    expectDomainError(() => startAssisting(db, moderator, 9999, null), 404);
    // A buyer, or a producer's owner, holds no producer:assist anywhere.
    const owner = { ...market.actors.memberA, sessionId: moderator.sessionId };
    expectDomainError(() => startAssisting(db, owner, market.producerB.id, null), 403);
    expect(contextRows()).toHaveLength(0);

    startAssisting(db, moderator, market.producerA.id, null);
    // She is moved to another commune: her next request finds the context gone.
    db.update(staffMemberships)
      .set({ orgUnitId: 3 })
      .where(eq(staffMemberships.userId, moderator.userId))
      .run();
    const actor = loadActor(db, requestWith(cookie));
    if (actor.kind !== "user") throw new Error("signed in");
    expect(withAssistContext(db, actor).assisting).toBeUndefined();
    expect(contextRows()).toHaveLength(0);
  });

  it("refuses bank account changes, refunds and payouts while assisting", () => {
    startAssisting(db, moderator, market.producerA.id, null);
    const assisted = withAssistContext(db, moderator);
    // Even were she an owner, the guard refuses first.
    const asOwner: SignedInActor = {
      ...assisted,
      producers: assisted.producers.map((p) => ({ ...p, role: "owner" as const })),
    };
    const key = "assist.error.refusedInAssist";
    expectDomainError(
      () =>
        updateProducerBank(db, asOwner, market.producerA.id, {
          bankBin: "970436",
          bankAccountNumber: "999999999",
          bankAccountName: "KHAC",
        }),
      403,
      key,
    );
    expectDomainError(() => markRefundSent(db, assisted, 1), 403, key);
    const admin = { ...market.actors.admin, assisting: assisted.assisting };
    expectDomainError(
      () =>
        recordPayout(
          db,
          admin,
          {
            producerId: market.producerA.id,
            amountVnd: 1000,
            reference: "CK1",
            paidOn: "2026-12-01",
          },
          null,
        ),
      403,
      key,
    );
    expectDomainError(() => refuseInAssistedMode(assisted), 403, key);
    // Nothing changed.
    const producer = db.select().from(producers).where(eq(producers.id, market.producerA.id)).get();
    expect(producer?.bankAccountNumber).toBe("0123456789");
    // Herself again, she is not refused by the guard.
    expect(() => refuseInAssistedMode(moderator)).not.toThrow();
  });

  it("writes the staff member as actor and the producer on what she does for it, and shows both names", async () => {
    startAssisting(db, moderator, market.producerA.id, null);
    // A workspace request: an entry its module writes names the producer without being told.
    await runInAuditScope(async () => {
      const actor = await getActor(requestWith(cookie, "/ban-hang/ho-so", "POST"));
      if (actor.kind !== "user") throw new Error("signed in");
      writeAudit(db, {
        actorUserId: actor.userId,
        action: "listing.updated",
        entityType: "listing",
        entityId: market.pepper.id,
        orgUnitId: market.commune.id,
      });
      // Someone else's entry in the same request (a system job) is not hers.
      writeAudit(db, {
        actorUserId: null,
        action: "system.thing",
        entityType: "x",
        entityId: 1,
        orgUnitId: null,
      });
      auditAssistedRequest(requestWith(cookie, "/ban-hang/ho-so", "POST"));
    });
    // A workspace post whose module writes nothing gets one entry for the page.
    await runInAuditScope(async () => {
      const request = requestWith(cookie, "/ban-hang/san-pham/moi", "POST");
      await getActor(request);
      auditAssistedRequest(request);
    });
    // A staff page is her own work, not the producer's.
    await runInAuditScope(async () => {
      const request = requestWith(cookie, "/quan-ly/nha-san-xuat", "POST");
      const actor = await getActor(request);
      if (actor.kind !== "user") throw new Error("signed in");
      writeAudit(db, {
        actorUserId: actor.userId,
        action: "staff.thing",
        entityType: "x",
        entityId: 2,
        orgUnitId: market.commune.id,
      });
      auditAssistedRequest(request);
    });
    const rows = db.select().from(auditLog).all();
    const byAction = Object.fromEntries(rows.map((row) => [row.action, row]));
    expect(byAction["listing.updated"]?.assistedProducerId).toBe(market.producerA.id);
    expect(byAction["listing.updated"]?.actorUserId).toBe(moderator.userId);
    expect(byAction["system.thing"]?.assistedProducerId).toBeNull();
    expect(byAction["staff.thing"]?.assistedProducerId).toBeNull();
    expect(
      rows.filter((row) => row.action === "assist.request").map((row) => row.entityId),
    ).toEqual(["/ban-hang/san-pham/moi"]);

    // The staff log: both names (her own name is no secret to her, though she is no admin).
    const log = auditLogPage(db, moderator);
    const updated = log.items.find((item) => item.action === "listing.updated");
    expect(updated?.assistedProducerName).toBe("HTX A");
    expect(updated?.actorName).toBe("Kiểm duyệt");
    // The producer's history: her producer's entries with the staff member's name.
    const history = assistHistory(db, market.actors.memberA, market.producerA.id);
    expect(history.items.map((item) => item.action)).toEqual([
      "assist.request",
      "listing.updated",
      "assist.started",
    ]);
    expect(new Set(history.items.map((item) => item.staffName))).toEqual(new Set(["Kiểm duyệt"]));
    // Another producer's member cannot read it.
    expectDomainError(() => assistHistory(db, market.actors.memberB, market.producerA.id), 404);
    expect(assistHistory(db, market.actors.memberB, market.producerB.id).items).toEqual([]);
  });
});

describe("creating a producer and its first member", () => {
  let db: Db;
  let market: ReturnType<typeof makeMarket>;

  beforeEach(() => {
    db = freshDb();
    market = makeMarket(db);
    db.$client
      .prepare(
        "INSERT INTO org_units (id, code, name, level, parent_id, path) VALUES (3, 'T-Y', 'Hội LHPN xã Khác', 'commune', 1, '/1/3/')",
      )
      .run();
  });

  const form = (overrides: Record<string, string> = {}) =>
    NewAssistedProducerSchema.parse({
      producerName: "Tổ hợp tác Mới",
      producerKind: "tho",
      orgUnitId: "2",
      address: "thôn 5, xã Test",
      membersTotal: "7",
      memberName: "Chị Mới",
      memberPhone: "0912 000 111",
      ...overrides,
    });

  it("makes a verified producer in her subtree, its owner with the phone and no password, audited", () => {
    const created = createAssistedProducer(db, market.actors.moderator, form(), "127.0.0.1");
    const producer = db.select().from(producers).where(eq(producers.id, created.producerId)).get();
    expect(producer).toMatchObject({
      name: "Tổ hợp tác Mới",
      orgUnitId: 2,
      commune: "xã Test",
      verificationStatus: "verified",
    });
    const user = db.select().from(users).where(eq(users.id, created.userId)).get();
    expect(user).toMatchObject({ phone: "+84912000111", displayName: "Chị Mới", passwordHash: "" });
    expect(user?.phoneConfirmedAt).toBeInstanceOf(Date);
    const membership = db
      .select()
      .from(producerMemberships)
      .where(eq(producerMemberships.userId, created.userId))
      .get();
    expect(membership).toMatchObject({ producerId: created.producerId, role: "owner" });
    const entry = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "producer.created_by_staff"))
      .get();
    expect(entry).toMatchObject({
      actorUserId: market.actors.moderator.userId,
      assistedProducerId: created.producerId,
    });
  });

  it("refuses a unit outside her subtree, a taken phone or name, and writes nothing then", () => {
    const countRows = () => ({
      producers: db.select().from(producers).all().length,
      users: db.select().from(users).all().length,
    });
    const before = countRows();
    expectDomainError(
      () => createAssistedProducer(db, market.actors.moderator, form({ orgUnitId: "3" }), null),
      403,
    );
    expectDomainError(
      () => createAssistedProducer(db, market.actors.moderator, form({ orgUnitId: "1" }), null),
      400,
    );
    createAssistedProducer(db, market.actors.moderator, form(), null);
    expectDomainError(
      () =>
        createAssistedProducer(
          db,
          market.actors.moderator,
          form({ producerName: "Tổ khác hẳn" }),
          null,
        ),
      409,
      "assist.error.phoneTaken",
    );
    expectDomainError(
      () =>
        createAssistedProducer(
          db,
          market.actors.moderator,
          form({ memberPhone: "0912000222" }),
          null,
        ),
      409,
      "assist.error.nameTaken",
    );
    expect(countRows()).toEqual({ producers: before.producers + 1, users: before.users + 1 });
    // The province admin may place one in any commune.
    expect(
      createAssistedProducer(
        db,
        market.actors.admin,
        form({ orgUnitId: "3", producerName: "Tổ xa", memberPhone: "0912000333" }),
        null,
      ).producerCode,
    ).toMatch(/^SX\d{3}$/);
  });

  it("refuses a form with a wrong phone, a missing name or a decimal member count", () => {
    const result = NewAssistedProducerSchema.safeParse({
      producerName: "",
      producerKind: "tho",
      orgUnitId: "2",
      address: "thôn 5",
      membersTotal: "1,5",
      memberName: "Chị Mới",
      memberPhone: "12345",
    });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["producerName", "membersTotal", "memberPhone"]));
  });
});
