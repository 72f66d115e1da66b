import { and, eq, ne, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { Conflict, Invalid } from "~/lib/errors";
import type { ListingInput } from "~/lib/schemas/listing";
import type { Actor } from "~/modules/auth/actor";
import { deleteStoredImage } from "~/modules/images/store.server";
import { setStock } from "~/modules/stock/movements.server";
import { inTransaction, type Db } from "~db/client.server";
import { categories, listingRevisions, listings, type ListingStatus } from "~db/schema";
import { copyListingImages } from "./images.server";
import {
  discardRevisionImages,
  openRevision,
  proposeRevision,
  publishedFields,
  replaceCertifications,
} from "./revisions.server";
import { syncSearch } from "./search-sync.server";
import {
  findOwnedListing,
  findOwnedProducer,
  immediateFields,
  isOcopExpired,
  listingSlug,
  updateSlug,
  userIdOf,
  type ListingRow,
} from "./shared.server";

/**
 * The listing lifecycle, from the producer's side:
 * draft → pending → published | rejected | changes_requested; any → archived → draft.
 * Every function finds the listing among the actor's own producers (404 otherwise).
 */

const SUBMITTABLE: ListingStatus[] = ["draft", "changes_requested", "rejected"];

/** Removes image files once the rows that used them are gone (after the transaction). */
export async function removeFiles(keys: string[]): Promise<void> {
  await Promise.all(keys.map((key) => deleteStoredImage(key)));
}

/** The next free sku of the form SP0001. */
function nextSku(db: Db): string {
  const row = db
    .select({
      max: sql<number | null>`max(cast(substr(${listings.sku}, 3) as integer))`,
    })
    .from(listings)
    .where(sql`${listings.sku} glob 'SP[0-9]*'`)
    .get();
  return `SP${String((row?.max ?? 0) + 1).padStart(4, "0")}`;
}

function assertCategoryExists(db: Db, categoryId: number): void {
  const found = db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.id, categoryId))
    .get();
  if (!found) throw new Invalid("listing.error.categoryMissing", {}, { field: "categoryId" });
}

/** Refuses a title another listing of the same producer already has. */
function assertTitleFree(db: Db, producerId: number, title: string, exceptId?: number): void {
  const clash = db
    .select({ sku: listings.sku })
    .from(listings)
    .where(
      and(
        eq(listings.producerId, producerId),
        eq(listings.title, title),
        exceptId === undefined ? undefined : ne(listings.id, exceptId),
      ),
    )
    .get();
  if (clash) {
    throw new Conflict("listing.error.titleTaken", { sku: clash.sku }, { field: "title" });
  }
}

function ocopColumns(input: ListingInput, today: string) {
  return {
    ocopStars: input.ocopStars,
    ocopCertificateNo: input.ocopCertificateNo,
    ocopIssuedOn: input.ocopIssuedOn,
    ocopExpiresOn: input.ocopExpiresOn,
    ocopBadgeHidden: isOcopExpired(
      { ocopStars: input.ocopStars, ocopExpiresOn: input.ocopExpiresOn },
      today,
    ),
  };
}

/** Creates a listing for one of the actor's producers, as a draft or straight to review. */
export function createListing(
  db: Db,
  actor: Actor,
  producerId: number,
  input: ListingInput,
  options: { submit?: boolean; sku?: string } = {},
): { id: number; sku: string; slug: string } {
  findOwnedProducer(db, actor, producerId);
  return db.transaction(() => {
    assertCategoryExists(db, input.categoryId);
    assertTitleFree(db, producerId, input.title);
    const sku = options.sku ?? nextSku(db);
    const slug = listingSlug(input.title, sku);
    const row = db
      .insert(listings)
      .values({
        sku,
        slug,
        producerId,
        title: input.title,
        description: input.description,
        categoryId: input.categoryId,
        ...immediateFields(input),
        // Its opening stock movement is recorded by the listings insert trigger.
        stock: input.stock,
        ...ocopColumns(input, vietnamToday()),
        status: options.submit ? "pending" : "draft",
      })
      .returning({ id: listings.id })
      .get();
    replaceCertifications(db, row.id, input.certifications);
    syncSearch(db, row.id);
    return { id: row.id, sku, slug };
  });
}

/**
 * Saves the form of one listing. Unpublished listings change at once. For a published one,
 * price, unit, minimum order, stock, season and tags change at once while title,
 * description, category and certificates go into a revision for review.
 */
export async function updateListing(
  db: Db,
  actor: Actor,
  sku: string,
  input: ListingInput,
): Promise<{ revisionPending: boolean }> {
  const userId = userIdOf(actor);
  const listing = findOwnedListing(db, actor, sku);
  if (listing.status === "archived") {
    throw new Conflict("listing.error.archived");
  }
  const removedKeys: string[] = [];
  // Immediate (inTransaction): the stock movement reads the stock under the write lock; a
  // deferred transaction that read first fails ("database is locked") if another process wrote.
  const result = inTransaction(db, () => {
    assertCategoryExists(db, input.categoryId);
    assertTitleFree(db, listing.producerId, input.title, listing.id);
    const now = new Date();
    const immediate = { ...immediateFields(input), updatedAt: now };
    setStock(db, {
      listingId: listing.id,
      stock: input.stock,
      cause: "producer_edit",
      actorUserId: userId,
    });
    if (listing.status !== "published") {
      updateSlug(db, listing, input.title);
      db.update(listings)
        .set({
          ...immediate,
          title: input.title,
          description: input.description,
          categoryId: input.categoryId,
          ...ocopColumns(input, vietnamToday(now)),
        })
        .where(eq(listings.id, listing.id))
        .run();
      replaceCertifications(db, listing.id, input.certifications);
      syncSearch(db, listing.id);
      return { revisionPending: false };
    }
    db.update(listings).set(immediate).where(eq(listings.id, listing.id)).run();
    const saved = proposeRevision(db, listing, input, userId);
    removedKeys.push(...saved.removedKeys);
    syncSearch(db, listing.id);
    return { revisionPending: saved.revisionId !== null };
  });
  await removeFiles(removedKeys);
  return result;
}

/** Sends a draft (or a reworked listing) to moderation. */
export function submitListing(db: Db, actor: Actor, sku: string): void {
  const listing = findOwnedListing(db, actor, sku);
  if (!SUBMITTABLE.includes(listing.status)) {
    throw new Conflict("listing.error.notSubmittable");
  }
  db.update(listings)
    .set({ status: "pending", updatedAt: new Date() })
    .where(eq(listings.id, listing.id))
    .run();
}

/** Hides a listing from buyers for good (until restored); drops any open revision. */
export async function archiveListing(db: Db, actor: Actor, sku: string): Promise<void> {
  const listing = findOwnedListing(db, actor, sku);
  if (listing.status === "archived") return;
  const removedKeys = db.transaction(() => {
    const open = openRevision(db, listing.id);
    const keys = open ? discardRevisionImages(db, open.id) : [];
    if (open) db.delete(listingRevisions).where(eq(listingRevisions.id, open.id)).run();
    db.update(listings)
      .set({ status: "archived", updatedAt: new Date() })
      .where(eq(listings.id, listing.id))
      .run();
    syncSearch(db, listing.id);
    return keys;
  });
  await removeFiles(removedKeys);
}

/** Brings an archived listing back as a draft, to be edited and submitted again. */
export function restoreListing(db: Db, actor: Actor, sku: string): void {
  const listing = findOwnedListing(db, actor, sku);
  if (listing.status !== "archived") throw new Conflict("listing.error.notArchived");
  db.update(listings)
    .set({ status: "draft", updatedAt: new Date() })
    .where(eq(listings.id, listing.id))
    .run();
}

function copyTitle(db: Db, listing: ListingRow): string {
  for (let n = 1; n < 100; n += 1) {
    const title = n === 1 ? `${listing.title} (bản sao)` : `${listing.title} (bản sao ${n})`;
    const taken = db
      .select({ id: listings.id })
      .from(listings)
      .where(and(eq(listings.producerId, listing.producerId), eq(listings.title, title)))
      .get();
    if (!taken) return title;
  }
  throw new Conflict("listing.error.tooManyCopies");
}

/** Copies a listing (fields, certifications, public images) into a new draft. */
export async function duplicateListing(
  db: Db,
  actor: Actor,
  sku: string,
): Promise<{ sku: string }> {
  const listing = findOwnedListing(db, actor, sku);
  const published = publishedFields(db, listing);
  const copies = await copyListingImages(db, listing.id);
  try {
    return db.transaction(() => {
      const newSku = nextSku(db);
      const title = copyTitle(db, listing);
      const row = db
        .insert(listings)
        .values({
          sku: newSku,
          slug: listingSlug(title, newSku),
          producerId: listing.producerId,
          title,
          description: listing.description,
          categoryId: listing.categoryId,
          ...immediateFields(listing),
          stock: listing.stock,
          ocopStars: listing.ocopStars,
          ocopCertificateNo: listing.ocopCertificateNo,
          ocopIssuedOn: listing.ocopIssuedOn,
          ocopExpiresOn: listing.ocopExpiresOn,
          ocopBadgeHidden: listing.ocopBadgeHidden,
          status: "draft",
        })
        .returning({ id: listings.id })
        .get();
      replaceCertifications(db, row.id, published.certifications);
      copies.insert(row.id);
      return { sku: newSku };
    });
  } catch (error) {
    await copies.discard();
    throw error;
  }
}
