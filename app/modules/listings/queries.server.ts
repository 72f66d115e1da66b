import { and, asc, desc, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import type { Actor } from "~/modules/auth/actor";
import { stripControls } from "~/lib/text";
import type { Db } from "~db/client.server";
import {
  categories,
  listingImages,
  listingRevisions,
  listings,
  producers,
  type ListingStatus,
} from "~db/schema";
import { workspaceImages } from "./images.server";
import { openRevision, publishedFields } from "./revisions.server";
import { findOwnedListing, immediateFields, producerIdsOf } from "./shared.server";

/** Categories for a form's select, parents followed by their children. */
export function categoryOptions(db: Db) {
  const rows = db
    .select({
      id: categories.id,
      code: categories.code,
      nameVi: categories.nameVi,
      nameEn: categories.nameEn,
      parentId: categories.parentId,
      position: categories.position,
    })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
  const parents = rows.filter((row) => row.parentId === null);
  return parents.flatMap((parent) => [
    { ...parent, depth: 0 },
    ...rows.filter((row) => row.parentId === parent.id).map((row) => ({ ...row, depth: 1 })),
  ]);
}

/**
 * The columns of a listing in a list of one producer's listings (her workspace, the staff
 * page of a producer): what it is, where it stands, its price and its stock.
 */
export const listingLineColumns = {
  id: listings.id,
  sku: listings.sku,
  slug: listings.slug,
  title: listings.title,
  status: listings.status,
  priceVnd: listings.priceVnd,
  unit: listings.unit,
  stock: listings.stock,
};

/** The listings of the actor's producers (optionally one producer), newest first. */
export function listWorkspaceListings(
  db: Db,
  actor: Actor,
  filters: { producerId?: number; status?: ListingStatus; q?: string } = {},
) {
  const ids = producerIdsOf(actor).filter(
    (id) => filters.producerId === undefined || id === filters.producerId,
  );
  if (ids.length === 0) return [];
  const q = filters.q && stripControls(filters.q);
  const cover = db
    .select({
      listingId: listingImages.listingId,
      storageKey: listingImages.storageKey,
      width: listingImages.width,
      placeholder: listingImages.placeholder,
    })
    .from(listingImages)
    .where(and(isNull(listingImages.revisionId), eq(listingImages.position, 0)))
    .as("cover");
  return db
    .select({
      ...listingLineColumns,
      moderationNote: listings.moderationNote,
      updatedAt: listings.updatedAt,
      producerName: producers.name,
      coverKey: cover.storageKey,
      coverWidth: cover.width,
      coverPlaceholder: cover.placeholder,
      openRevisionStatus: sql<
        string | null
      >`(select ${listingRevisions.status} from ${listingRevisions} where ${listingRevisions.listingId} = ${listings.id} and ${listingRevisions.status} in ('pending', 'changes_requested') order by ${listingRevisions.id} desc limit 1)`,
    })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .leftJoin(cover, eq(cover.listingId, listings.id))
    .where(
      and(
        inArray(listings.producerId, ids),
        filters.status ? eq(listings.status, filters.status) : undefined,
        q ? or(like(listings.title, `%${q}%`), like(listings.sku, `%${q}%`)) : undefined,
      ),
    )
    .orderBy(desc(listings.updatedAt), desc(listings.id))
    .all();
}

/**
 * Everything the edit page of one listing needs: the values to put in the form (the open
 * revision's proposal over the published version), photos, and the moderation state.
 */
export function getWorkspaceListing(db: Db, actor: Actor, sku: string) {
  const listing = findOwnedListing(db, actor, sku);
  const producer = db
    .select({ id: producers.id, code: producers.code, name: producers.name })
    .from(producers)
    .where(eq(producers.id, listing.producerId))
    .get();
  const published = publishedFields(db, listing);
  const revision = listing.status === "published" ? openRevision(db, listing.id) : undefined;
  const changes = revision?.changes ?? {};
  const ocop = changes.ocop ?? published.ocop;
  const form = {
    title: changes.title ?? published.title,
    description: changes.description ?? published.description,
    categoryId: changes.categoryId ?? published.categoryId,
    ...immediateFields(listing),
    stock: listing.stock,
    ocopStars: ocop.stars,
    ocopCertificateNo: ocop.certificateNo,
    ocopIssuedOn: ocop.issuedOn,
    ocopExpiresOn: ocop.expiresOn,
    certifications: changes.certifications ?? published.certifications,
  };
  return {
    listing,
    producer,
    form,
    images: workspaceImages(db, listing),
    revision: revision
      ? {
          id: revision.id,
          status: revision.status,
          note: revision.note,
          fields: Object.keys(changes),
        }
      : null,
  };
}
