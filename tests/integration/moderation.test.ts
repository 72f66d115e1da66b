import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { NotFound } from "~/lib/errors";
import { createListing, updateListing } from "~/modules/listings/lifecycle.server";
import { bulkApprove, decideListing, decideProducer } from "~/modules/moderation/decisions.server";
import { moderationQueue } from "~/modules/moderation/queue.server";
import { listingReview, revisionReview } from "~/modules/moderation/review.server";
import type { Db } from "~db/client.server";
import { auditLog, listings, notifications, producers } from "~db/schema";
import { freshDb } from "../helpers/db";
import { buildSupplyWorld, listingInput, type SupplyWorld } from "../helpers/supply";

let db: Db;
let w: SupplyWorld;
beforeEach(() => {
  db = freshDb();
  w = buildSupplyWorld(db);
});

function pending(actor: SupplyWorld["producer"], producerId: number, title: string, at: number) {
  const created = createListing(db, actor, producerId, listingInput(w.categoryId, { title }), {
    submit: true,
  });
  db.update(listings)
    .set({ updatedAt: new Date(at) })
    .where(eq(listings.id, created.id))
    .run();
  return created;
}

describe("moderation queue", () => {
  it("lists pending listings, revisions and applications of the actor's subtree, oldest first", async () => {
    const a2 = pending(w.producer, w.producerA.id, "Tiêu A mới hơn", 2_000_000);
    const a1 = pending(w.producer, w.producerA.id, "Tiêu A cũ hơn", 1_000_000);
    const b1 = pending(w.otherProducer, w.producerB.id, "Tiêu B", 500_000);
    // A published listing of A with an edit under review.
    const published = pending(w.producer, w.producerA.id, "Tiêu A đã duyệt", 100);
    decideListing(db, w.communeStaff, published.id, { intent: "approve", reason: null });
    await updateListing(
      db,
      w.producer,
      published.sku,
      listingInput(w.otherCategoryId, { title: "Tiêu A đã duyệt" }),
    );
    // A producer application in commune A.
    db.update(producers)
      .set({ verificationStatus: "pending" })
      .where(eq(producers.id, w.producerA.id))
      .run();

    const commune = moderationQueue(db, w.communeStaff);
    expect(commune.counts).toEqual({ listing: 2, revision: 1, producer: 1 });
    const listingRefs = commune.items.filter((i) => i.kind === "listing").map((i) => i.ref);
    expect(listingRefs).toEqual([`listing:${a1.id}`, `listing:${a2.id}`]);
    expect(commune.items.some((i) => i.ref === `listing:${b1.id}`)).toBe(false);
    const revision = commune.items.find((i) => i.kind === "revision");
    expect(revision?.fields).toEqual(["categoryId"]);

    const province = moderationQueue(db, w.provinceModerator);
    expect(province.counts).toEqual({ listing: 3, revision: 1, producer: 1 });
    expect(province.items[0]?.ref).toBe(`listing:${b1.id}`); // the oldest of all
    expect(
      moderationQueue(db, w.provinceModerator, {
        kind: "listing",
        orgUnitId: w.communeB.id,
      }).items.map((i) => i.ref),
    ).toEqual([`listing:${b1.id}`]);
    expect(
      moderationQueue(db, w.provinceModerator, { q: "cũ hơn" }).items.map((i) => i.ref),
    ).toEqual([`listing:${a1.id}`]);

    expect(moderationQueue(db, w.otherCommuneStaff).counts).toEqual({
      listing: 1,
      revision: 0,
      producer: 0,
    });
    expect(() => moderationQueue(db, w.reporter)).toThrow(/quyền/);
    expect(() => moderationQueue(db, w.producer)).toThrow(/quyền/);
    expect(() => moderationQueue(db, w.anonymous)).toThrow(/đăng nhập/);
  });

  it("shows a revision field by field against the published version", async () => {
    const created = pending(w.producer, w.producerA.id, "Cà phê rang xay", 1);
    decideListing(db, w.communeStaff, created.id, { intent: "approve", reason: null });
    await updateListing(
      db,
      w.producer,
      created.sku,
      listingInput(w.categoryId, {
        title: "Cà phê rang xay Khe Sanh",
        description: "Tiêu đen hạt chắc, phơi khô tự nhiên.",
      }),
    );
    const queue = moderationQueue(db, w.communeStaff, { kind: "revision" });
    const revisionId = queue.items[0]!.id;
    const review = revisionReview(db, w.communeStaff, revisionId);
    const byField = Object.fromEntries(review.rows.map((r) => [r.field, r]));
    expect(byField.title).toMatchObject({
      before: "Cà phê rang xay",
      after: "Cà phê rang xay Khe Sanh",
      changed: true,
    });
    expect(byField.title?.parts).toEqual([
      { kind: "same", text: "Cà phê rang xay" },
      { kind: "added", text: " Khe Sanh" },
    ]);
    expect(byField.description?.changed).toBe(true);
    expect(byField.category?.changed).toBe(false);
    expect(() => revisionReview(db, w.otherCommuneStaff, revisionId)).toThrow(NotFound);
    expect(() => listingReview(db, w.otherCommuneStaff, created.id)).toThrow(NotFound);
  });

  it("bulk-approves what is in scope and reports the rest", () => {
    const a = pending(w.producer, w.producerA.id, "Một", 1);
    const b = pending(w.producer, w.producerA.id, "Hai", 2);
    const other = pending(w.otherProducer, w.producerB.id, "Ba", 3);
    return bulkApprove(db, w.communeStaff, [
      { kind: "listing", id: a.id },
      { kind: "listing", id: b.id },
      { kind: "listing", id: other.id },
    ]).then(async (result) => {
      expect(result.approved).toBe(2);
      expect(result.failed).toEqual([
        {
          ref: `listing:${other.id}`,
          message: expect.stringContaining("phạm vi"),
          key: "moderation.error.listingNotFound",
        },
      ]);
      expect(db.select().from(listings).where(eq(listings.id, other.id)).get()?.status).toBe(
        "pending",
      );
      expect(db.select().from(auditLog).all()).toHaveLength(2);
      // Only out-of-scope items: refused like a single decision.
      await expect(
        bulkApprove(db, w.communeStaff, [{ kind: "listing", id: other.id }]),
      ).rejects.toThrow(NotFound);
    });
  });

  it("verifies or rejects a producer application with audit and notification", () => {
    db.update(producers)
      .set({ verificationStatus: "pending" })
      .where(eq(producers.id, w.producerA.id))
      .run();
    expect(() =>
      decideProducer(db, w.otherCommuneStaff, w.producerA.id, { intent: "approve", reason: null }),
    ).toThrow(NotFound);
    decideProducer(db, w.communeStaff, w.producerA.id, { intent: "approve", reason: null });
    expect(
      db.select().from(producers).where(eq(producers.id, w.producerA.id)).get()?.verificationStatus,
    ).toBe("verified");
    const audit = db.select().from(auditLog).get();
    expect(audit).toMatchObject({
      action: "producer.verify",
      before: { verificationStatus: "pending" },
      after: { verificationStatus: "verified" },
    });
    expect(
      db.select().from(notifications).where(eq(notifications.userId, w.producer.userId)).all(),
    ).toHaveLength(1);
    expect(() =>
      decideProducer(db, w.communeStaff, w.producerA.id, { intent: "approve", reason: null }),
    ).toThrow(/không còn chờ/);
  });
});
