import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { NotFound } from "~/lib/errors";
import {
  addListingImage,
  deleteListingImage,
  moveListingImage,
  setListingCover,
  workingImageIds,
} from "~/modules/listings/images.server";
import {
  archiveListing,
  createListing,
  duplicateListing,
  restoreListing,
  submitListing,
  updateListing,
} from "~/modules/listings/lifecycle.server";
import { getWorkspaceListing, listWorkspaceListings } from "~/modules/listings/queries.server";
import { decideListing, decideRevision } from "~/modules/moderation/decisions.server";
import { readVariant } from "~/modules/images/store.server";
import { renderNotice } from "~/modules/notifications/messages";
import type { Db } from "~db/client.server";
import {
  auditLog,
  listingCertifications,
  listingImages,
  listingRevisions,
  listings,
  listingSlugHistory,
  notifications,
  searchOutbox,
} from "~db/schema";
import { freshDb } from "../helpers/db";
import { phoneJpeg, plainPng } from "../helpers/images";
import { buildSupplyWorld, listingInput, type SupplyWorld } from "../helpers/supply";

const root = mkdtempSync(join(tmpdir(), "cung-cau-listings-"));
process.env.UPLOADS_DIR = root;
afterAll(() => rmSync(root, { recursive: true, force: true }));

let db: Db;
let w: SupplyWorld;
beforeEach(() => {
  db = freshDb();
  w = buildSupplyWorld(db);
});

const approve = { intent: "approve", reason: null } as const;

function listingBySku(sku: string) {
  const row = db.select().from(listings).where(eq(listings.sku, sku)).get();
  if (!row) throw new Error(`no listing ${sku}`);
  return row;
}

function publishNew(overrides = {}) {
  const created = createListing(
    db,
    w.producer,
    w.producerA.id,
    listingInput(w.categoryId, overrides),
    {
      submit: true,
    },
  );
  decideListing(db, w.communeStaff, created.id, approve);
  return created;
}

describe("listing lifecycle", () => {
  it("creates a draft with a generated sku, slug and certifications, and tells search", () => {
    const created = createListing(
      db,
      w.producer,
      w.producerA.id,
      listingInput(w.categoryId, {
        ocopStars: 4,
        ocopCertificateNo: "QT-OCOP-2025-001",
        ocopIssuedOn: "2025-01-02",
        ocopExpiresOn: "2028-01-02",
        certifications: [
          { kind: "VietGAP", certificateNo: "VG-1", issuedOn: null, expiresOn: null },
        ],
      }),
    );
    expect(created.sku).toBe("SP0001");
    expect(created.slug).toBe("ho-tieu-den-con-tien-500g-sp0001");
    const row = listingBySku("SP0001");
    expect(row.status).toBe("draft");
    expect(row.ocopStars).toBe(4);
    expect(db.select().from(listingCertifications).all()).toHaveLength(1);
    expect(
      db.select().from(searchOutbox).where(eq(searchOutbox.listingId, row.id)).all().length,
    ).toBeGreaterThan(0);
    expect(listWorkspaceListings(db, w.producer).map((l) => l.sku)).toEqual(["SP0001"]);
    expect(listWorkspaceListings(db, w.otherProducer)).toEqual([]);
  });

  it("keeps other producers out: every action on another producer's listing is not found", async () => {
    const { sku } = createListing(db, w.producer, w.producerA.id, listingInput(w.categoryId));
    const input = listingInput(w.categoryId, { title: "Chiếm quyền" });
    const png = await plainPng(100, 100);
    for (const actor of [w.otherProducer, w.communeStaff, w.anonymous]) {
      expect(() => getWorkspaceListing(db, actor, sku)).toThrow(NotFound);
      expect(() => submitListing(db, actor, sku)).toThrow(NotFound);
      await expect(updateListing(db, actor, sku, input)).rejects.toThrow();
      await expect(archiveListing(db, actor, sku)).rejects.toThrow();
      await expect(duplicateListing(db, actor, sku)).rejects.toThrow();
      await expect(addListingImage(db, actor, sku, png)).rejects.toThrow();
    }
    expect(() => createListing(db, w.otherProducer, w.producerA.id, input)).toThrow(NotFound);
    expect(listingBySku(sku).title).toBe("Hồ tiêu đen Cồn Tiên 500g");
    expect(db.select().from(listingImages).all()).toHaveLength(0);
  });

  it("refuses a second listing with the same title for the same producer", () => {
    createListing(db, w.producer, w.producerA.id, listingInput(w.categoryId));
    expect(() => createListing(db, w.producer, w.producerA.id, listingInput(w.categoryId))).toThrow(
      /đã có sản phẩm tên này/,
    );
    // Another producer may use the same title.
    expect(createListing(db, w.otherProducer, w.producerB.id, listingInput(w.categoryId)).sku).toBe(
      "SP0002",
    );
  });

  it("goes draft → pending → published, with audit log and a notification", () => {
    const { id, sku } = createListing(db, w.producer, w.producerA.id, listingInput(w.categoryId));
    expect(() => decideListing(db, w.communeStaff, id, approve)).toThrow(/không còn chờ duyệt/);
    submitListing(db, w.producer, sku);
    expect(listingBySku(sku).status).toBe("pending");
    expect(() => decideListing(db, w.otherCommuneStaff, id, approve)).toThrow(NotFound);
    expect(() => decideListing(db, w.reporter, id, approve)).toThrow(/quyền/);
    decideListing(db, w.communeStaff, id, approve);
    const row = listingBySku(sku);
    expect(row.status).toBe("published");
    expect(row.publishedAt).not.toBeNull();
    const audit = db.select().from(auditLog).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: w.communeStaff.userId,
      action: "listing.approve",
      entityType: "listing",
      entityId: String(id),
      orgUnitId: w.communeA.id,
      before: { status: "pending", moderationNote: null },
      after: { status: "published", moderationNote: null },
    });
    const notes = db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, w.producer.userId))
      .all()
      .map((n) => ({ ...n, ...renderNotice("vi", n.messageKey, n.params) }));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.title).toContain("đã được duyệt");
    expect(notes[0]?.link).toBe(`/ban-hang/san-pham/${sku}`);
  });

  it("records rejection and change requests with their reason", () => {
    const first = createListing(db, w.producer, w.producerA.id, listingInput(w.categoryId), {
      submit: true,
    });
    decideListing(db, w.provinceModerator, first.id, {
      intent: "reject",
      reason: "Ảnh không đúng sản phẩm",
    });
    expect(listingBySku(first.sku)).toMatchObject({
      status: "rejected",
      moderationNote: "Ảnh không đúng sản phẩm",
    });
    const second = createListing(
      db,
      w.producer,
      w.producerA.id,
      listingInput(w.categoryId, { title: "Tiêu sọ 200g" }),
      { submit: true },
    );
    decideListing(db, w.communeStaff, second.id, {
      intent: "request_changes",
      reason: "Thêm mô tả cách bảo quản",
    });
    expect(listingBySku(second.sku).status).toBe("changes_requested");
    // The producer edits and sends it again.
    submitListing(db, w.producer, second.sku);
    expect(listingBySku(second.sku).status).toBe("pending");
    const actions = db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(["listing.reject", "listing.request_changes"]);
  });

  it("applies price and stock at once but puts a published title change under review", async () => {
    const { id, sku, slug } = publishNew();
    await updateListing(
      db,
      w.producer,
      sku,
      listingInput(w.categoryId, { priceVnd: 99_000, stock: 7 }),
    );
    let row = listingBySku(sku);
    expect({ price: row.priceVnd, stock: row.stock, status: row.status }).toEqual({
      price: 99_000,
      stock: 7,
      status: "published",
    });
    expect(db.select().from(listingRevisions).all()).toHaveLength(0);

    const edited = listingInput(w.categoryId, {
      priceVnd: 99_000,
      stock: 7,
      title: "Hồ tiêu đen loại 1",
      description: "Mô tả mới",
    });
    expect(await updateListing(db, w.producer, sku, edited)).toEqual({ revisionPending: true });
    // Editing again replaces the same pending revision: one per listing.
    await updateListing(db, w.producer, sku, { ...edited, title: "Hồ tiêu đen loại đặc biệt" });
    const revisions = db.select().from(listingRevisions).all();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]?.changes).toEqual({
      title: "Hồ tiêu đen loại đặc biệt",
      description: "Mô tả mới",
    });
    row = listingBySku(sku);
    expect(row.title).toBe("Hồ tiêu đen Cồn Tiên 500g"); // the published version stays visible
    expect(getWorkspaceListing(db, w.producer, sku).form.title).toBe("Hồ tiêu đen loại đặc biệt");

    await expect(
      decideRevision(db, w.otherCommuneStaff, revisions[0]!.id, approve),
    ).rejects.toThrow(NotFound);
    await decideRevision(db, w.communeStaff, revisions[0]!.id, approve);
    row = listingBySku(sku);
    expect(row.title).toBe("Hồ tiêu đen loại đặc biệt");
    expect(row.description).toBe("Mô tả mới");
    expect(row.slug).toBe("ho-tieu-den-loai-dac-biet-sp0001");
    const history = db
      .select()
      .from(listingSlugHistory)
      .where(eq(listingSlugHistory.listingId, id))
      .all();
    expect(history.map((h) => h.slug)).toEqual([slug]);
    const audit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "listing_revision.approve"))
      .get();
    expect(audit?.before).toMatchObject({ published: { title: "Hồ tiêu đen Cồn Tiên 500g" } });
    expect(audit?.after).toMatchObject({ changes: { title: "Hồ tiêu đen loại đặc biệt" } });
  });

  it("removes the revision when an edit goes back to the published values", async () => {
    const { sku } = publishNew();
    await updateListing(db, w.producer, sku, listingInput(w.categoryId, { title: "Tên mới" }));
    expect(db.select().from(listingRevisions).all()).toHaveLength(1);
    await updateListing(db, w.producer, sku, listingInput(w.categoryId));
    expect(db.select().from(listingRevisions).all()).toHaveLength(0);
  });

  it("proposes photos of a published listing in its revision until approved", async () => {
    const { id, sku } = createListing(db, w.producer, w.producerA.id, listingInput(w.categoryId));
    const first = await addListingImage(db, w.producer, sku, await phoneJpeg(400, 300));
    const second = await addListingImage(db, w.producer, sku, await plainPng(300, 300));
    expect(workingImageIds(db, listingBySku(sku))).toEqual([first.imageId, second.imageId]);
    await setListingCover(db, w.producer, sku, second.imageId);
    expect(workingImageIds(db, listingBySku(sku))).toEqual([second.imageId, first.imageId]);
    await moveListingImage(db, w.producer, sku, second.imageId, "down");
    expect(workingImageIds(db, listingBySku(sku))).toEqual([first.imageId, second.imageId]);
    submitListing(db, w.producer, sku);
    decideListing(db, w.communeStaff, id, approve);

    const third = await addListingImage(db, w.producer, sku, await plainPng(200, 200));
    await deleteListingImage(db, w.producer, sku, first.imageId);
    const publicRows = db
      .select()
      .from(listingImages)
      .where(and(eq(listingImages.listingId, id)))
      .all();
    expect(
      publicRows
        .filter((r) => r.revisionId === null)
        .map((r) => r.id)
        .sort(),
    ).toEqual([first.imageId, second.imageId].sort());
    const revision = db.select().from(listingRevisions).get();
    expect(revision?.changes.imageIds).toEqual([second.imageId, third.imageId]);

    await decideRevision(db, w.communeStaff, revision!.id, approve);
    const after = db.select().from(listingImages).where(eq(listingImages.listingId, id)).all();
    expect(
      after
        .map((r) => ({
          id: r.id,
          position: r.position,
          isCover: r.isCover,
          revisionId: r.revisionId,
        }))
        .sort((a, b) => a.position - b.position),
    ).toEqual([
      { id: second.imageId, position: 0, isCover: true, revisionId: null },
      { id: third.imageId, position: 1, isCover: false, revisionId: null },
    ]);
    expect(await readVariant(first.storageKey, 320)).toBeNull(); // files of the removed photo are gone
    expect(await readVariant(third.storageKey, 320)).not.toBeNull();
  });

  it("drops a rejected revision's new photos and keeps the published ones", async () => {
    const { sku } = publishNew();
    const added = await addListingImage(db, w.producer, sku, await plainPng(200, 200));
    const revision = db.select().from(listingRevisions).get();
    await decideRevision(db, w.communeStaff, revision!.id, {
      intent: "reject",
      reason: "Ảnh mờ quá",
    });
    expect(db.select().from(listingImages).all()).toHaveLength(0);
    expect(await readVariant(added.storageKey, 320)).toBeNull();
    expect(db.select().from(listingRevisions).get()?.status).toBe("rejected");
  });

  it("refuses a ninth photo", async () => {
    const { sku } = createListing(db, w.producer, w.producerA.id, listingInput(w.categoryId));
    const png = await plainPng(64, 64);
    for (let i = 0; i < 8; i += 1) await addListingImage(db, w.producer, sku, png);
    await expect(addListingImage(db, w.producer, sku, png)).rejects.toThrow(/tối đa 8 ảnh/);
    expect(db.select().from(listingImages).all()).toHaveLength(8);
  });

  it("duplicates a listing with its photos into a new draft, archives and restores", async () => {
    const { sku } = publishNew({
      certifications: [{ kind: "HACCP", certificateNo: null, issuedOn: null, expiresOn: null }],
    });
    const original = await addListingImage(db, w.producer, sku, await plainPng(300, 200));
    const revision = db.select().from(listingRevisions).get();
    await decideRevision(db, w.communeStaff, revision!.id, approve);

    const copy = await duplicateListing(db, w.producer, sku);
    const row = listingBySku(copy.sku);
    expect(row).toMatchObject({ status: "draft", title: "Hồ tiêu đen Cồn Tiên 500g (bản sao)" });
    const images = db.select().from(listingImages).where(eq(listingImages.listingId, row.id)).all();
    expect(images).toHaveLength(1);
    expect(images[0]?.storageKey).not.toBe(original.storageKey);
    expect(await readVariant(images[0]!.storageKey, 320)).not.toBeNull();
    expect(
      db
        .select()
        .from(listingCertifications)
        .where(eq(listingCertifications.listingId, row.id))
        .all(),
    ).toHaveLength(1);

    await archiveListing(db, w.producer, sku);
    expect(listingBySku(sku).status).toBe("archived");
    await expect(updateListing(db, w.producer, sku, listingInput(w.categoryId))).rejects.toThrow(
      /lưu trữ/,
    );
    restoreListing(db, w.producer, sku);
    expect(listingBySku(sku).status).toBe("draft");
  });
});
