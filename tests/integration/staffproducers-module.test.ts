import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { Conflict, Forbidden, NotFound } from "~/lib/errors";
import { directoryFiltersOf } from "~/lib/schemas/staffproducers";
import { createListing } from "~/modules/listings/lifecycle.server";
import { decideListing, decideProducer } from "~/modules/moderation/decisions.server";
import { moderationQueue } from "~/modules/moderation/queue.server";
import { unpublishListing } from "~/modules/moderation/unpublish.server";
import { addToCart, getCart } from "~/modules/orders/cart.server";
import { listProducers, producerPage } from "~/modules/producers/directory.server";
import { resubmitApplication } from "~/modules/producers/resubmission.server";
import { reinstateProducer, suspendProducer } from "~/modules/producers/suspension.server";
import type { Db } from "~db/client.server";
import {
  auditLog,
  listings,
  notifications,
  offers,
  producers,
  purchaseRequests,
  users,
} from "~db/schema";
import { freshDb } from "../helpers/db";
import { skusFor } from "../helpers/search-demo";
import { buildSupplyWorld, listingInput, type SupplyWorld } from "../helpers/supply";

/**
 * Staff's producer tools on a real SQLite database: the directory (subtree, search,
 * filters, pages), suspension with its effects on offers and carts, unpublishing a listing,
 * and the verification round trip (ask for changes → the producer corrects and resends →
 * pending again, the note kept with its date).
 */

let db: Db;
let w: SupplyWorld;
beforeEach(() => {
  db = freshDb();
  w = buildSupplyWorld(db);
});

const filters = (query: string) => directoryFiltersOf(new URLSearchParams(query));
const producerRow = (id: number) => db.select().from(producers).where(eq(producers.id, id)).get();

function publishedListing(title: string): { id: number; sku: string } {
  const created = createListing(
    db,
    w.producer,
    w.producerA.id,
    listingInput(w.categoryId, { title }),
    {
      submit: true,
    },
  );
  decideListing(db, w.communeStaff, created.id, { intent: "approve", reason: null });
  const row = db.select().from(listings).where(eq(listings.id, created.id)).get();
  if (!row) throw new Error("unreachable");
  return { id: row.id, sku: row.sku };
}

function buyer(): number {
  return db
    .insert(users)
    .values({ phone: "+84908880001", passwordHash: "x", displayName: "Người mua" })
    .returning({ id: users.id })
    .get().id;
}

describe("producer directory", () => {
  it("lists the actor's subtree only, searched and filtered, a page at a time", () => {
    for (let i = 0; i < 30; i += 1) {
      db.insert(producers)
        .values({
          code: `SX9${String(i).padStart(2, "0")}`,
          name: `Tổ sản xuất Bến ${String(i).padStart(2, "0")}`,
          kind: i % 2 === 0 ? "tho" : "hkd",
          orgUnitId: w.communeA.id,
          commune: i < 10 ? "xã Bến Quan" : "xã Thử",
          address: "thôn 3",
          membersTotal: 5,
          verificationStatus: i === 0 ? "suspended" : "verified",
        })
        .run();
    }
    const all = listProducers(db, w.communeStaff, filters(""));
    expect(all.total).toBe(31);
    expect(all.items).toHaveLength(25);
    expect(listProducers(db, w.communeStaff, filters("trang=2")).items).toHaveLength(6);
    expect(all.items.map((p) => p.code)).not.toContain(w.producerB.code);
    expect(listProducers(db, w.provinceModerator, filters("")).total).toBe(32);
    expect(listProducers(db, w.reporter, filters("q=SX802")).items.map((p) => p.code)).toEqual([
      "SX802",
    ]);
    expect(listProducers(db, w.communeStaff, filters("q=bến 0")).total).toBe(10);
    expect(listProducers(db, w.communeStaff, filters("trang-thai=suspended")).items).toEqual([
      expect.objectContaining({ code: "SX900", verificationStatus: "suspended" }),
    ]);
    expect(listProducers(db, w.communeStaff, filters("xa=xã Bến Quan&loai=tho")).total).toBe(5);
    // A wrong filter value is no filter, never an error; "%" is a character, not a wildcard.
    expect(listProducers(db, w.communeStaff, filters("trang-thai=khac&loai=x")).total).toBe(31);
    expect(listProducers(db, w.communeStaff, filters("q=%")).total).toBe(0);
    expect(() => listProducers(db, w.producer, filters(""))).toThrow(Forbidden);
  });

  it("shows one producer of the subtree with every declared count, 404 elsewhere", () => {
    const page = producerPage(db, w.communeStaff, w.producerA.code);
    expect(page.producer).toMatchObject({
      membersTotal: 10,
      membersWomen: 8,
      membersEthnicMinority: 0,
      membersPoorHousehold: 0,
    });
    expect(page).toMatchObject({ canSuspend: true, canModerate: true, openOrders: [] });
    expect(producerPage(db, w.reporter, w.producerA.code).canSuspend).toBe(false);
    expect(() => producerPage(db, w.otherCommuneStaff, w.producerA.code)).toThrow(NotFound);
  });
});

describe("suspension", () => {
  it("hides her listings, withdraws her offers, explains the cart line; reinstating restores", () => {
    const listing = publishedListing("Hồ tiêu đỏ Vĩnh Linh");
    const buyerId = buyer();
    addToCart(db, { userId: buyerId }, listing.id, 1);
    const requestId = db
      .insert(purchaseRequests)
      .values({
        code: "YC-SP-0001",
        buyerUserId: buyerId,
        title: "Cần mua hồ tiêu",
        quantity: 50,
        unit: "kg",
        deliveryLocation: "phường Đông Hà",
        neededBy: "2099-12-31",
      })
      .returning({ id: purchaseRequests.id })
      .get().id;
    const offerId = db
      .insert(offers)
      .values({
        purchaseRequestId: requestId,
        producerId: w.producerA.id,
        goods: "Hồ tiêu",
        priceVnd: 100_000,
        quantity: 50,
      })
      .returning({ id: offers.id })
      .get().id;
    expect(skusFor(db, { q: "hồ tiêu đỏ" })).toContain(listing.sku);

    const reason = { reason: "Phản ánh sai nguồn gốc" };
    expect(() => suspendProducer(db, w.reporter, w.producerA.code, reason)).toThrow(Forbidden);
    expect(() => suspendProducer(db, w.otherCommuneStaff, w.producerA.code, reason)).toThrow(
      NotFound,
    );
    suspendProducer(db, w.communeStaff, w.producerA.code, reason);

    expect(producerRow(w.producerA.id)).toMatchObject({
      verificationStatus: "suspended",
      suspensionReason: "Phản ánh sai nguồn gốc",
    });
    expect(skusFor(db, { q: "hồ tiêu đỏ" })).not.toContain(listing.sku);
    expect(db.select().from(offers).where(eq(offers.id, offerId)).get()?.status).toBe("withdrawn");
    const cart = getCart(db, { userId: buyerId });
    expect(cart.hasProblems).toBe(true);
    expect(cart.groups[0]?.lines[0]?.problem?.key).toBe("staffproducers.cart.producerSuspended");
    expect(
      db
        .select({ key: notifications.messageKey })
        .from(notifications)
        .where(eq(notifications.userId, buyerId))
        .all(),
    ).toEqual([{ key: "staffproducers.notice.offerWithdrawn" }]);
    expect(
      db.select().from(notifications).where(eq(notifications.userId, w.producer.userId)).all(),
    ).toContainEqual(expect.objectContaining({ messageKey: "staffproducers.notice.suspended" }));
    expect(() => suspendProducer(db, w.communeStaff, w.producerA.code, reason)).toThrow(Conflict);

    reinstateProducer(db, w.communeStaff, w.producerA.code, { reason: "Đã kiểm tra lại" });
    expect(producerRow(w.producerA.id)).toMatchObject({
      verificationStatus: "verified",
      suspensionReason: null,
      suspendedAt: null,
    });
    expect(skusFor(db, { q: "hồ tiêu đỏ" })).toContain(listing.sku);
    expect(getCart(db, { userId: buyerId }).hasProblems).toBe(false);
    // A withdrawn offer stays withdrawn.
    expect(db.select().from(offers).where(eq(offers.id, offerId)).get()?.status).toBe("withdrawn");
    expect(
      db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityType, "producer"))
        .all()
        .map((row) => row.action),
    ).toEqual(["producer.suspend", "producer.reinstate"]);
    expect(() => reinstateProducer(db, w.communeStaff, w.producerA.code, reason)).toThrow(Conflict);
  });
});

describe("unpublishing a listing", () => {
  it("sends a published listing back with the reason, out of search, audited and notified", () => {
    const listing = publishedListing("Tiêu sọ trắng");
    const target = { listingId: listing.id, producerCode: w.producerA.code };
    const change = { reason: "Ảnh không đúng sản phẩm", now: new Date("2026-12-03T08:00:00Z") };
    expect(() => unpublishListing(db, w.otherCommuneStaff, target, change)).toThrow(NotFound);
    expect(() =>
      unpublishListing(db, w.communeStaff, { ...target, producerCode: w.producerB.code }, change),
    ).toThrow(NotFound);
    unpublishListing(db, w.communeStaff, target, change);
    const row = db.select().from(listings).where(eq(listings.id, listing.id)).get();
    expect(row).toMatchObject({
      status: "changes_requested",
      moderationNote: "Ảnh không đúng sản phẩm",
      moderationNoteAt: new Date("2026-12-03T08:00:00Z"),
    });
    expect(skusFor(db, { q: "tiêu sọ trắng" })).not.toContain(listing.sku);
    expect(
      db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, "listing.unpublish"), eq(auditLog.entityId, String(listing.id))),
        )
        .all(),
    ).toHaveLength(1);
    expect(
      db.select().from(notifications).where(eq(notifications.userId, w.producer.userId)).all(),
    ).toContainEqual(expect.objectContaining({ messageKey: "staffproducers.notice.unpublished" }));
    expect(() => unpublishListing(db, w.communeStaff, target, change)).toThrow(Conflict);
  });
});

describe("verification", () => {
  it("keeps the note, asks for changes, and takes the corrected application back to pending", () => {
    db.update(producers)
      .set({ verificationStatus: "pending" })
      .where(eq(producers.id, w.producerA.id))
      .run();
    decideProducer(db, w.communeStaff, w.producerA.id, {
      intent: "request_changes",
      reason: "Số thành viên dân tộc thiểu số chưa khai",
    });
    const asked = producerRow(w.producerA.id);
    expect(asked).toMatchObject({
      verificationStatus: "changes_requested",
      verificationNote: "Số thành viên dân tộc thiểu số chưa khai",
    });
    expect(asked?.verificationNoteAt).toBeInstanceOf(Date);
    expect(
      db.select().from(notifications).where(eq(notifications.userId, w.producer.userId)).all(),
    ).toContainEqual(
      expect.objectContaining({
        messageKey: "staffproducers.notice.changesRequested",
        link: "/ban-hang/ho-so/gui-lai",
      }),
    );
    expect(moderationQueue(db, w.communeStaff).items.map((i) => i.kind)).not.toContain("producer");

    const corrected = {
      address: "thôn 2, xã Thử, Quảng Trị",
      membersTotal: 12,
      membersWomen: 10,
      membersEthnicMinority: 3,
      membersPoorHousehold: 2,
      foundedYear: 2018,
    };
    expect(() => resubmitApplication(db, w.otherProducer, w.producerA.id, corrected)).toThrow(
      NotFound,
    );
    resubmitApplication(db, w.producer, w.producerA.id, corrected);
    expect(producerRow(w.producerA.id)).toMatchObject({
      verificationStatus: "pending",
      membersEthnicMinority: 3,
      membersPoorHousehold: 2,
      // The note stays, dated, for the next reviewer.
      verificationNote: "Số thành viên dân tộc thiểu số chưa khai",
    });
    expect(() => resubmitApplication(db, w.producer, w.producerA.id, corrected)).toThrow(Conflict);

    decideProducer(db, w.communeStaff, w.producerA.id, {
      intent: "approve",
      reason: "Đã đối chiếu danh sách thành viên",
    });
    expect(producerRow(w.producerA.id)).toMatchObject({
      verificationStatus: "verified",
      verificationNote: "Đã đối chiếu danh sách thành viên",
    });
  });
});
