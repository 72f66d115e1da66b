import { and, eq, inArray } from "drizzle-orm";
import { Conflict, Invalid, NotFound } from "~/lib/errors";
import { MAX_LISTING_IMAGES } from "~/lib/schemas/listing";
import { stripControls } from "~/lib/text";
import type { Actor } from "~/modules/auth/actor";
import { copyStoredImage, deleteStoredImage, storeImage } from "~/modules/images/store.server";
import type { Db } from "~db/client.server";
import { listingImages } from "~db/schema";
import { openRevision, publicImageIds, saveRevision } from "./revisions.server";
import { findOwnedListing, userIdOf, type ListingRow } from "./shared.server";

/**
 * A listing's photos: up to 8, ordered, the first is the cover. On a published listing
 * every change (new photo, order, cover, removal) is proposed in its revision; the public
 * keeps seeing the approved photos until a moderator approves.
 */

/** The photo order the producer is working on (the revision's, for a published listing). */
export function workingImageIds(db: Db, listing: ListingRow): number[] {
  if (listing.status === "published") {
    const open = openRevision(db, listing.id);
    if (open?.changes.imageIds) return open.changes.imageIds;
  }
  return publicImageIds(db, listing.id);
}

function setWorkingImageIds(
  db: Db,
  listing: ListingRow,
  ids: number[],
  userId: number,
  published: number[] = publicImageIds(db, listing.id),
): string[] {
  if (listing.status === "published") {
    const open = openRevision(db, listing.id);
    const changes = { ...(open?.changes ?? {}) };
    if (JSON.stringify(ids) === JSON.stringify(published)) delete changes.imageIds;
    else changes.imageIds = ids;
    return saveRevision(db, listing, changes, userId).removedKeys;
  }
  ids.forEach((id, position) => {
    db.update(listingImages)
      .set({ position, isCover: position === 0 })
      .where(and(eq(listingImages.id, id), eq(listingImages.listingId, listing.id)))
      .run();
  });
  return [];
}

/** The photos to show in the workspace: the working order, plus those about to be removed. */
export function workspaceImages(db: Db, listing: ListingRow) {
  const rows = db.select().from(listingImages).where(eq(listingImages.listingId, listing.id)).all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ids = workingImageIds(db, listing);
  const working = ids.flatMap((id, index) => {
    const row = byId.get(id);
    return row ? [{ ...row, isCover: index === 0, isProposed: row.revisionId !== null }] : [];
  });
  const kept = new Set(ids);
  const removing = rows.filter((row) => !kept.has(row.id) && row.revisionId === null);
  return { working, removing };
}

function mutableListing(db: Db, actor: Actor, sku: string): ListingRow {
  const listing = findOwnedListing(db, actor, sku);
  if (listing.status === "archived") {
    throw new Conflict("listing.error.archivedImages");
  }
  return listing;
}

function tooMany(): Invalid {
  return new Invalid("images.error.tooMany", { max: MAX_LISTING_IMAGES }, { field: "image" });
}

/**
 * Adds a photo: checked and converted by the image pipeline before anything is written;
 * if the database step fails, the files just written are removed again.
 */
export async function addListingImage(
  db: Db,
  actor: Actor,
  sku: string,
  bytes: Uint8Array,
  alt?: string,
): Promise<{ imageId: number; storageKey: string }> {
  const userId = userIdOf(actor);
  const listing = mutableListing(db, actor, sku);
  if (workingImageIds(db, listing).length >= MAX_LISTING_IMAGES) {
    throw tooMany();
  }
  const stored = await storeImage(bytes);
  try {
    const imageId = db.transaction(() => {
      const current = mutableListing(db, actor, sku);
      const ids = workingImageIds(db, current);
      const published = publicImageIds(db, current.id);
      if (ids.length >= MAX_LISTING_IMAGES) throw tooMany();
      const image = db
        .insert(listingImages)
        .values({
          listingId: current.id,
          storageKey: stored.storageKey,
          width: stored.width,
          height: stored.height,
          placeholder: stored.placeholder,
          alt: stripControls(alt ?? "").slice(0, 200) || current.title,
          position: ids.length,
          isCover: ids.length === 0,
        })
        .returning({ id: listingImages.id })
        .get();
      if (current.status === "published") {
        setWorkingImageIds(db, current, [...ids, image.id], userId, published);
        const revision = openRevision(db, current.id);
        db.update(listingImages)
          .set({ revisionId: revision?.id ?? null, isCover: false })
          .where(eq(listingImages.id, image.id))
          .run();
      }
      return image.id;
    });
    return { imageId, storageKey: stored.storageKey };
  } catch (error) {
    await deleteStoredImage(stored.storageKey);
    throw error;
  }
}

function assertImageOf(ids: number[], imageId: number): number {
  const index = ids.indexOf(imageId);
  if (index < 0) throw new NotFound("images.error.notFound");
  return index;
}

/** Makes a photo the cover (first). */
export async function setListingCover(db: Db, actor: Actor, sku: string, imageId: number) {
  const userId = userIdOf(actor);
  const listing = mutableListing(db, actor, sku);
  const removed = db.transaction(() => {
    const ids = workingImageIds(db, listing);
    assertImageOf(ids, imageId);
    return setWorkingImageIds(
      db,
      listing,
      [imageId, ...ids.filter((id) => id !== imageId)],
      userId,
    );
  });
  await Promise.all(removed.map((key) => deleteStoredImage(key)));
}

/** Moves a photo one place up or down. */
export async function moveListingImage(
  db: Db,
  actor: Actor,
  sku: string,
  imageId: number,
  direction: "up" | "down",
) {
  const userId = userIdOf(actor);
  const listing = mutableListing(db, actor, sku);
  const removed = db.transaction(() => {
    const ids = [...workingImageIds(db, listing)];
    const index = assertImageOf(ids, imageId);
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= ids.length) return [];
    [ids[index], ids[target]] = [ids[target] ?? imageId, imageId];
    return setWorkingImageIds(db, listing, ids, userId);
  });
  await Promise.all(removed.map((key) => deleteStoredImage(key)));
}

/**
 * Removes a photo. A photo the public sees stays until the revision is approved; a photo
 * nobody has seen yet is deleted at once, files included.
 */
export async function deleteListingImage(db: Db, actor: Actor, sku: string, imageId: number) {
  const userId = userIdOf(actor);
  const listing = mutableListing(db, actor, sku);
  const removed = db.transaction(() => {
    const ids = workingImageIds(db, listing);
    assertImageOf(ids, imageId);
    const image = db
      .select()
      .from(listingImages)
      .where(and(eq(listingImages.id, imageId), eq(listingImages.listingId, listing.id)))
      .get();
    if (!image) throw new NotFound("images.error.notFound");
    const keys: string[] = [];
    const deleteNow = listing.status !== "published" || image.revisionId !== null;
    if (deleteNow) {
      db.delete(listingImages).where(eq(listingImages.id, imageId)).run();
      keys.push(image.storageKey);
    }
    keys.push(
      ...setWorkingImageIds(
        db,
        listing,
        ids.filter((id) => id !== imageId),
        userId,
      ),
    );
    return keys;
  });
  await Promise.all(removed.map((key) => deleteStoredImage(key)));
}

/**
 * Copies a listing's public photos under new storage keys (for "duplicate"). `insert`
 * attaches them to the new listing inside the caller's transaction; `discard` undoes the
 * file copies when that transaction fails.
 */
export async function copyListingImages(db: Db, listingId: number) {
  const ids = publicImageIds(db, listingId);
  const rows = ids.length
    ? db.select().from(listingImages).where(inArray(listingImages.id, ids)).all()
    : [];
  const copies: { storageKey: string; row: (typeof rows)[number] }[] = [];
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row) continue;
    const storageKey = await copyStoredImage(row.storageKey);
    copies.push({ storageKey, row });
  }
  return {
    insert(newListingId: number) {
      copies.forEach(({ storageKey, row }, position) => {
        db.insert(listingImages)
          .values({
            listingId: newListingId,
            storageKey,
            width: row.width,
            height: row.height,
            placeholder: row.placeholder,
            alt: row.alt,
            position,
            isCover: position === 0,
          })
          .run();
      });
    },
    async discard() {
      await Promise.all(copies.map(({ storageKey }) => deleteStoredImage(storageKey)));
    },
  };
}
