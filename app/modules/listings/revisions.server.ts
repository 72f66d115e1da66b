import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "~db/client.server";
import {
  listingCertifications,
  listingImages,
  listingRevisions,
  listings,
  type ListingRevisionChanges,
} from "~db/schema";
import { vietnamToday } from "~/lib/dates";
import { isOcopExpired, updateSlug, type ListingRow } from "./shared.server";

/**
 * Revisions: an edit of a published listing's reviewed fields (title, description,
 * category, images, certificates) waits here while the published version stays visible.
 * A listing has at most one open revision (pending, or changes_requested and being
 * reworked); saving again replaces its changes and sends it back to pending.
 */

export type ReviewedFields = Required<Omit<ListingRevisionChanges, "imageIds">>;
type Certification = ReviewedFields["certifications"][number];

const OPEN = ["pending", "changes_requested"] as const;

/** The open revision of a listing, if any. */
export function openRevision(db: Db, listingId: number) {
  return db
    .select()
    .from(listingRevisions)
    .where(and(eq(listingRevisions.listingId, listingId), inArray(listingRevisions.status, OPEN)))
    .orderBy(desc(listingRevisions.id))
    .get();
}

export type RevisionRow = NonNullable<ReturnType<typeof openRevision>>;

function sortCertifications(certifications: Certification[]): Certification[] {
  return [...certifications]
    .map((c) => ({
      kind: c.kind,
      certificateNo: c.certificateNo ?? null,
      issuedOn: c.issuedOn ?? null,
      expiresOn: c.expiresOn ?? null,
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
}

/** The reviewed fields as they are published now. */
export function publishedFields(db: Db, listing: ListingRow): ReviewedFields {
  const certifications = db
    .select({
      kind: listingCertifications.kind,
      certificateNo: listingCertifications.certificateNo,
      issuedOn: listingCertifications.issuedOn,
      expiresOn: listingCertifications.expiresOn,
    })
    .from(listingCertifications)
    .where(eq(listingCertifications.listingId, listing.id))
    .all();
  return {
    title: listing.title,
    description: listing.description,
    categoryId: listing.categoryId,
    ocop: {
      stars: listing.ocopStars,
      certificateNo: listing.ocopCertificateNo,
      issuedOn: listing.ocopIssuedOn,
      expiresOn: listing.ocopExpiresOn,
    },
    certifications: sortCertifications(certifications),
  };
}

/** Ids of the images the public sees, cover first. */
export function publicImageIds(db: Db, listingId: number): number[] {
  return db
    .select({ id: listingImages.id })
    .from(listingImages)
    .where(and(eq(listingImages.listingId, listingId), isNull(listingImages.revisionId)))
    .orderBy(asc(listingImages.position), asc(listingImages.id))
    .all()
    .map((row) => row.id);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields of `proposed` that differ from `published`. */
function changedFields(
  published: ReviewedFields,
  proposed: ReviewedFields,
): ListingRevisionChanges {
  const changes: ListingRevisionChanges = {};
  if (proposed.title !== published.title) changes.title = proposed.title;
  if (proposed.description !== published.description) changes.description = proposed.description;
  if (proposed.categoryId !== published.categoryId) changes.categoryId = proposed.categoryId;
  if (!same(proposed.ocop, published.ocop)) changes.ocop = proposed.ocop;
  const certifications = sortCertifications(proposed.certifications);
  if (!same(certifications, published.certifications)) changes.certifications = certifications;
  return changes;
}

/**
 * Stores `changes` as the listing's open revision (back to pending), or removes the open
 * revision when nothing differs any more. Returns storage keys of images to delete.
 */
export function saveRevision(
  db: Db,
  listing: ListingRow,
  changes: ListingRevisionChanges,
  userId: number,
): { revisionId: number | null; removedKeys: string[] } {
  const open = openRevision(db, listing.id);
  if (Object.keys(changes).length === 0) {
    if (!open) return { revisionId: null, removedKeys: [] };
    const removedKeys = discardRevisionImages(db, open.id);
    db.delete(listingRevisions).where(eq(listingRevisions.id, open.id)).run();
    return { revisionId: null, removedKeys };
  }
  if (open) {
    // Saving the same proposal again must not push it to the back of the queue.
    if (open.status === "pending" && same(open.changes, changes)) {
      return { revisionId: open.id, removedKeys: [] };
    }
    db.update(listingRevisions)
      .set({
        changes,
        status: "pending",
        note: null,
        submittedByUserId: userId,
        createdAt: new Date(),
      })
      .where(eq(listingRevisions.id, open.id))
      .run();
    return { revisionId: open.id, removedKeys: [] };
  }
  const row = db
    .insert(listingRevisions)
    .values({ listingId: listing.id, changes, submittedByUserId: userId })
    .returning({ id: listingRevisions.id })
    .get();
  return { revisionId: row.id, removedKeys: [] };
}

/**
 * A producer's new version of a published listing's reviewed fields, from a form or an
 * import row: only what differs from the published version goes into the open revision,
 * which keeps the photo order already proposed. Returns what `saveRevision` returns.
 */
export function proposeRevision(
  db: Db,
  listing: ListingRow,
  proposed: {
    title: string;
    description: string;
    categoryId: number;
    ocopStars: number;
    ocopCertificateNo: string | null;
    ocopIssuedOn: string | null;
    ocopExpiresOn: string | null;
    certifications: Certification[];
  },
  userId: number,
): { revisionId: number | null; removedKeys: string[] } {
  const changes = changedFields(publishedFields(db, listing), {
    title: proposed.title,
    description: proposed.description,
    categoryId: proposed.categoryId,
    ocop: {
      stars: proposed.ocopStars,
      certificateNo: proposed.ocopCertificateNo,
      issuedOn: proposed.ocopIssuedOn,
      expiresOn: proposed.ocopExpiresOn,
    },
    certifications: proposed.certifications,
  });
  const open = openRevision(db, listing.id);
  if (open?.changes.imageIds) changes.imageIds = open.changes.imageIds;
  return saveRevision(db, listing, changes, userId);
}

/** Deletes the images uploaded only for a revision; returns their storage keys. */
export function discardRevisionImages(db: Db, revisionId: number): string[] {
  return db
    .delete(listingImages)
    .where(eq(listingImages.revisionId, revisionId))
    .returning({ storageKey: listingImages.storageKey })
    .all()
    .map((row) => row.storageKey);
}

/** Replaces a listing's certifications (other than OCOP) with `certifications`. */
export function replaceCertifications(
  db: Db,
  listingId: number,
  certifications: Certification[],
): void {
  db.delete(listingCertifications).where(eq(listingCertifications.listingId, listingId)).run();
  if (certifications.length === 0) return;
  db.insert(listingCertifications)
    .values(
      certifications.map((c) => ({
        listingId,
        kind: c.kind,
        certificateNo: c.certificateNo,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
      })),
    )
    .run();
}

/** Makes `imageIds` the listing's public images in that order (first = cover). */
function publishImages(db: Db, listingId: number, imageIds: number[]): string[] {
  const current = db
    .select({ id: listingImages.id, storageKey: listingImages.storageKey })
    .from(listingImages)
    .where(eq(listingImages.listingId, listingId))
    .all();
  const keep = new Set(imageIds);
  const removed = current.filter((image) => !keep.has(image.id));
  if (removed.length > 0) {
    db.delete(listingImages)
      .where(
        inArray(
          listingImages.id,
          removed.map((image) => image.id),
        ),
      )
      .run();
  }
  imageIds.forEach((id, position) => {
    db.update(listingImages)
      .set({ position, isCover: position === 0, revisionId: null })
      .where(and(eq(listingImages.id, id), eq(listingImages.listingId, listingId)))
      .run();
  });
  return removed.map((image) => image.storageKey);
}

/**
 * Applies an approved revision to the published listing (slug history kept when the
 * title changes). Returns storage keys of images no longer used.
 */
export function applyRevision(db: Db, listing: ListingRow, revision: RevisionRow): string[] {
  const { changes } = revision;
  const now = new Date();
  if (changes.title !== undefined) updateSlug(db, listing, changes.title);
  const ocop = changes.ocop;
  db.update(listings)
    .set({
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.categoryId !== undefined && { categoryId: changes.categoryId }),
      ...(ocop && {
        ocopStars: ocop.stars,
        ocopCertificateNo: ocop.certificateNo,
        ocopIssuedOn: ocop.issuedOn,
        ocopExpiresOn: ocop.expiresOn,
        ocopBadgeHidden: isOcopExpired(
          { ocopStars: ocop.stars, ocopExpiresOn: ocop.expiresOn },
          vietnamToday(now),
        ),
      }),
      updatedAt: now,
    })
    .where(eq(listings.id, listing.id))
    .run();
  if (changes.certifications) replaceCertifications(db, listing.id, changes.certifications);
  return changes.imageIds ? publishImages(db, listing.id, changes.imageIds) : [];
}
