import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { isPreviousRoundNote } from "~/lib/moderation-rounds";
import { auditFields } from "~/modules/audit/masking.server";
import { auditFilterChoices, auditLogPage } from "~/modules/audit/log.server";
import type { SignedInActor } from "~/modules/auth/actor";
import { heldPermissions } from "~/modules/auth/permissions.server";
import { createListing, submitListing, updateListing } from "~/modules/listings/lifecycle.server";
import { bulkOutcomePath, readBulkOutcome } from "~/modules/moderation/bulk-outcome.server";
import { decideListing } from "~/modules/moderation/decisions.server";
import { ESCALATE_AFTER_MS, runWorkAlerts } from "~/modules/moderation/work-alerts.server";
import { writeAudit } from "~/modules/platform/audit.server";
import type { Db } from "~db/client.server";
import {
  listings,
  notifications,
  producers,
  staffMemberships,
  staffWorkAlerts,
  users,
} from "~db/schema";
import { freshDb } from "../helpers/db";
import { buildSupplyWorld, listingInput, type SupplyWorld } from "../helpers/supply";

/**
 * The oversight rules of issue 13 on a real SQLite database: the audit log's scope and
 * masking, the staff work alerts (nearest unit, once per round, escalated after 3 days),
 * the moderation note's round and the bulk approval's outcome carried through a redirect.
 */

let db: Db;
let w: SupplyWorld;

/** A staff actor with a role at a unit, the way the session would build it. */
function staff(unit: { id: number; path: string }, role: "admin" | "moderator" | "reporter") {
  const userId = db
    .insert(users)
    .values({
      email: `${role}-${unit.id}-${Math.random()}@example.vn`,
      passwordHash: "x",
      displayName: `Cán bộ ${role}`,
    })
    .returning({ id: users.id })
    .get().id;
  db.insert(staffMemberships).values({ userId, orgUnitId: unit.id, role }).run();
  const actor: SignedInActor = {
    kind: "user",
    userId,
    sessionId: null,
    displayName: `Cán bộ ${role}`,
    locale: "vi",
    isBuyer: false,
    producers: [],
    staff: [{ orgUnitId: unit.id, orgUnitCode: `U${unit.id}`, orgUnitPath: unit.path, role }],
  };
  return actor;
}

function unreadOf(userId: number) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).all();
}

beforeEach(() => {
  db = freshDb();
  w = buildSupplyWorld(db);
});

describe("the audit log", () => {
  const memberEntry = (orgUnitId: number | null) =>
    writeAudit(db, {
      actorUserId: w.producer.userId,
      action: "member.update",
      entityType: "union_member",
      entityId: 7,
      orgUnitId,
      before: { fullName: "Nguyễn Thị Lan", phone: "+84912345678" },
      after: { fields: ["phone"] },
      ipAddress: "203.0.113.9",
    });
  const bankEntry = (orgUnitId: number) =>
    writeAudit(db, {
      actorUserId: null,
      action: "producer.bank.update",
      entityType: "producer",
      entityId: w.producerA.id,
      orgUnitId,
      before: { bankBin: "970436", accountNumber: "0123456789", accountHolder: "NGUYEN THI A" },
      after: { status: "verified", address: "thôn 2", contact: { email: "a@example.vn" } },
    });

  it("shows an admin every entry of her subtree in full, newest first", () => {
    memberEntry(w.communeA.id);
    bankEntry(w.communeB.id);
    const admin = staff(w.province, "admin");
    const page = auditLogPage(db, admin);
    expect(page.total).toBe(2);
    expect(page.items.map((e) => e.action)).toEqual(["producer.bank.update", "member.update"]);
    const member = page.items[1];
    expect(member?.masked).toBe(false);
    expect(member?.before).toContainEqual({ path: "phone", value: "+84912345678", masked: false });
    expect(member?.ipAddress).toBe("203.0.113.9");
    expect(member?.actorName).toMatch(/Thành viên/);
  });

  it("masks personal fields, member records, who acted and the address for staff who are not admins", () => {
    memberEntry(w.communeA.id);
    bankEntry(w.communeA.id);
    for (const reader of [w.provinceModerator, w.reporter, w.communeStaff]) {
      const page = auditLogPage(db, reader);
      expect(page.total).toBe(2);
      const [bank, member] = page.items;
      expect(bank?.masked).toBe(true);
      expect(bank?.before).toEqual([
        { path: "bankBin", value: "970436", masked: false },
        { path: "accountNumber", value: null, masked: true },
        { path: "accountHolder", value: null, masked: true },
      ]);
      expect(bank?.after).toEqual([
        { path: "status", value: "verified", masked: false },
        { path: "address", value: null, masked: true },
        { path: "contact.email", value: null, masked: true },
      ]);
      // A member record: every field, even the list of changed field names.
      expect(member?.before.every((field) => field.masked && field.value === null)).toBe(true);
      expect(member?.after).toEqual([{ path: "fields", value: null, masked: true }]);
      expect(member?.actorName).toBeNull();
      expect(member?.actorUserId).not.toBeNull();
      expect(member?.ipAddress).toBeNull();
    }
  });

  it("keeps each reader to her subtree; unit-less entries belong to the root", () => {
    memberEntry(w.communeA.id);
    bankEntry(w.communeB.id);
    memberEntry(null);
    const communeAdmin = staff(w.communeB, "admin");
    const own = auditLogPage(db, communeAdmin);
    expect(own.items.map((e) => e.action)).toEqual(["producer.bank.update"]);
    expect(own.items[0]?.masked).toBe(false);
    expect(auditLogPage(db, w.communeStaff).items.map((e) => e.entityId)).toEqual(["7"]);
    const provinceAdmin = staff(w.province, "admin");
    expect(auditLogPage(db, provinceAdmin).total).toBe(3);
    expect(auditFilterChoices(db, communeAdmin)).toEqual({
      actions: ["producer.bank.update"],
      entityTypes: ["producer"],
    });
    // Producers and buyers have no audit:view at all.
    expect(() => auditLogPage(db, w.producer)).toThrow(/quyền/i);
  });

  it("filters by action, object and Việt Nam days, a page at a time", () => {
    const admin = staff(w.province, "admin");
    for (let i = 0; i < 55; i += 1) bankEntry(w.communeA.id);
    memberEntry(w.communeA.id);
    // 23:30 on 1 March in Việt Nam is still 1 March there (16:30 UTC).
    db.$client
      .prepare("UPDATE audit_log SET created_at = ? WHERE action = 'member.update'")
      .run(Date.parse("2026-03-01T16:30:00Z"));
    expect(auditLogPage(db, admin, { action: "member.update" }).total).toBe(1);
    expect(auditLogPage(db, admin, { entityType: "producer" }).total).toBe(55);
    expect(auditLogPage(db, admin, { from: "2026-03-01", to: "2026-03-01" }).total).toBe(1);
    expect(auditLogPage(db, admin, { from: "2026-03-02", to: "2026-03-02" }).total).toBe(0);
    const second = auditLogPage(db, admin, { page: 2 });
    expect(second).toMatchObject({ total: 56, page: 2, pageCount: 2 });
    expect(second.items).toHaveLength(6);
  });

  it("flattens nested states and shortens long values", () => {
    const fields = auditFields({ a: { b: "x".repeat(400) }, list: [1, 2] }, "listing", false);
    expect(fields[0]?.path).toBe("a.b");
    expect(fields[0]?.value).toHaveLength(301);
    expect(fields[1]).toEqual({ path: "list", value: "[1,2]", masked: false });
  });
});

describe("staff work alerts", () => {
  const now = Date.parse("2026-06-10T03:00:00Z");
  const newListing = (title: string) => {
    const created = createListing(
      db,
      w.producer,
      w.producerA.id,
      listingInput(w.categoryId, { title }),
      {
        submit: true,
      },
    );
    db.update(listings)
      .set({ updatedAt: new Date(now) })
      .where(eq(listings.id, created.id))
      .run();
    return created;
  };

  it("tells the moderators of the nearest unit with such staff, once, and the unit above after 3 days", () => {
    // Commune A has a moderator (communeStaff) and a reporter, who cannot moderate.
    const communeReporter = staff(w.communeA, "reporter");
    const listing = newListing("Tiêu xanh");
    const first = runWorkAlerts(db, new Date(now + 60_000));
    expect(first).toMatchObject({ announced: 1, escalated: 0 });
    const told = unreadOf(w.communeStaff.userId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: "work.listing.nearest",
      messageKey: "oversight.notice.listing",
      link: `/quan-ly/kiem-duyet/san-pham/${listing.id}`,
    });
    expect(told[0]?.params).toMatchObject({ title: "Tiêu xanh", producer: "HTX SX801" });
    expect(unreadOf(communeReporter.userId)).toHaveLength(0);
    expect(unreadOf(w.provinceModerator.userId)).toHaveLength(0);

    // Running again, even twice, tells nobody again.
    expect(runWorkAlerts(db, new Date(now + 120_000))).toMatchObject({
      announced: 0,
      escalated: 0,
    });
    expect(unreadOf(w.communeStaff.userId)).toHaveLength(1);

    // Just under 3 days: still the commune's.
    runWorkAlerts(db, new Date(now + ESCALATE_AFTER_MS - 1));
    expect(unreadOf(w.provinceModerator.userId)).toHaveLength(0);
    // 3 days after it was sent: the province's moderators hear of it, once.
    expect(runWorkAlerts(db, new Date(now + ESCALATE_AFTER_MS))).toMatchObject({ escalated: 1 });
    runWorkAlerts(db, new Date(now + ESCALATE_AFTER_MS + 60_000));
    const escalated = unreadOf(w.provinceModerator.userId);
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({
      kind: "work.listing.escalated",
      messageKey: "oversight.notice.listingEscalated",
    });
    expect(escalated[0]?.params).toMatchObject({ days: 3, waitingUnit: "Hội LHPN TQ-A" });
    expect(unreadOf(w.communeStaff.userId)).toHaveLength(1);
    expect(
      db
        .select()
        .from(staffWorkAlerts)
        .all()
        .map((a) => [a.level, a.orgUnitId]),
    ).toEqual([
      ["nearest", w.communeA.id],
      ["escalated", w.province.id],
    ]);
  });

  it("goes up to the first unit with staff who may decide, and skips work already decided", () => {
    // Commune B's moderator is removed: the province is nearest for producer B's work.
    db.delete(staffMemberships).where(eq(staffMemberships.orgUnitId, w.communeB.id)).run();
    const other = createListing(
      db,
      w.otherProducer,
      w.producerB.id,
      listingInput(w.categoryId, { title: "Cà phê" }),
      { submit: true },
    );
    const decided = newListing("Đã duyệt");
    decideListing(db, w.communeStaff, decided.id, { intent: "approve", reason: null });
    runWorkAlerts(db, new Date(now));
    expect(unreadOf(w.provinceModerator.userId).map((n) => n.link)).toEqual([
      `/quan-ly/kiem-duyet/san-pham/${other.id}`,
    ]);
    expect(unreadOf(w.communeStaff.userId)).toHaveLength(0);
    // The province is the root: nothing above to escalate to, recorded so it is not retried.
    const later = runWorkAlerts(db, new Date(Date.now() + ESCALATE_AFTER_MS + 1));
    expect(later.escalated).toBe(1);
    expect(later.notified).toBe(0);
  });

  it("announces producer applications and edits, and a resubmission as a new round", async () => {
    db.update(producers)
      .set({ verificationStatus: "pending" })
      .where(eq(producers.id, w.producerA.id))
      .run();
    const listing = newListing("Tiêu đỏ");
    decideListing(db, w.communeStaff, listing.id, {
      intent: "request_changes",
      reason: "Thêm ảnh bao bì.",
    });
    const published = newListing("Tiêu đen");
    decideListing(db, w.communeStaff, published.id, { intent: "approve", reason: null });
    await updateListing(
      db,
      w.producer,
      db.select().from(listings).where(eq(listings.id, published.id)).get()?.sku ?? "",
      listingInput(w.categoryId, { title: "Tiêu đen", description: "Mô tả mới hơn." }),
    );
    const result = runWorkAlerts(db);
    // The application and the edit; the listing sent back waits for the producer, not staff.
    expect(result.announced).toBe(2);
    expect(
      unreadOf(w.communeStaff.userId)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(["work.producer.nearest", "work.revision.nearest"]);
    // She sends the listing again: a new round, announced again.
    const sku = db.select().from(listings).where(eq(listings.id, listing.id)).get()?.sku ?? "";
    submitListing(db, w.producer, sku);
    expect(runWorkAlerts(db).announced).toBe(1);
    expect(
      unreadOf(w.communeStaff.userId).filter((n) => n.kind === "work.listing.nearest"),
    ).toHaveLength(1);
  });
});

describe("the moderation note's round", () => {
  it("stamps every listing decision and marks the note once the listing is sent again", () => {
    const created = createListing(db, w.producer, w.producerA.id, listingInput(w.categoryId), {
      submit: true,
    });
    decideListing(db, w.communeStaff, created.id, {
      intent: "request_changes",
      reason: "Ảnh chưa rõ nhãn.",
    });
    const sentBack = db.select().from(listings).where(eq(listings.id, created.id)).get();
    expect(sentBack?.moderationNoteAt).toBeInstanceOf(Date);
    expect(sentBack && isPreviousRoundNote(sentBack)).toBe(false);
    submitListing(db, w.producer, created.sku);
    const resent = db.select().from(listings).where(eq(listings.id, created.id)).get();
    expect(resent && isPreviousRoundNote(resent)).toBe(true);
    decideListing(db, w.communeStaff, created.id, { intent: "approve", reason: null });
    const approved = db.select().from(listings).where(eq(listings.id, created.id)).get();
    expect(approved?.moderationNote).toBeNull();
    expect(approved?.moderationNoteAt?.getTime()).toBeGreaterThanOrEqual(
      resent?.updatedAt.getTime() ?? 0,
    );
  });
});

describe("the bulk approval's outcome", () => {
  it("goes to the queue page and back, showing only known reasons", () => {
    const path = bulkOutcomePath({
      approved: 2,
      failed: [
        { ref: "listing:5", message: "…", key: "moderation.error.listingNotPending" },
        { ref: "revision:9", message: "…", key: "moderation.error.titleTaken" },
        { ref: "producer:3", message: "…", key: "errors.notFound" },
      ],
    });
    expect(path.startsWith("/quan-ly/kiem-duyet?")).toBe(true);
    expect(path).not.toContain("index");
    const outcome = readBulkOutcome(new URL(path, "http://x").searchParams);
    expect(outcome).toEqual({
      approved: 2,
      failed: [
        { ref: "listing:5", key: "moderation.error.listingNotPending" },
        { ref: "revision:9", key: "oversight.bulk.titleTaken" },
        { ref: "producer:3", key: "oversight.bulk.failed" },
      ],
    });
    const crafted = new URLSearchParams("da-duyet=1&khong-duyet=<b>x</b>~evil");
    expect(readBulkOutcome(crafted)).toEqual({ approved: 1, failed: [] });
    expect(readBulkOutcome(new URLSearchParams("da-duyet=abc"))).toBeNull();
  });
});

describe("the staff menu's permissions", () => {
  it("lists what each role holds somewhere", () => {
    expect(heldPermissions(w.reporter)).toEqual(
      expect.arrayContaining(["report:view", "member:view", "producer:view", "audit:view"]),
    );
    expect(heldPermissions(w.reporter)).not.toContain("listing:moderate");
    expect(heldPermissions(w.communeStaff)).toContain("listing:moderate");
    expect(heldPermissions(w.communeStaff)).not.toContain("commission:manage");
    expect(heldPermissions(w.producer)).toEqual([]);
    expect(heldPermissions(staff(w.province, "admin"))).toContain("commission:manage");
  });
});
