import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { diffWords, type DiffPart } from "~/lib/diff";
import { formatDate, t } from "~/lib/i18n";
import type { Actor } from "~/modules/auth/actor";
import { producerPhotoRows } from "~/modules/listings/producer-profile.server";
import { publishedFields, type ReviewedFields } from "~/modules/listings/revisions.server";
import type { Db } from "~db/client.server";
import { categories, listingCertifications, listingImages, type Locale } from "~db/schema";
import { scopedListing, scopedProducer, scopedRevision } from "./scope.server";

/** What a moderator looks at before deciding; every read is limited to their subtree. */

export type DiffField = "title" | "description" | "category" | "ocop" | "certifications";

export interface DiffRow {
  field: DiffField;
  before: string;
  after: string;
  changed: boolean;
  /** Word-level changes, for the free-text fields. */
  parts: DiffPart[] | null;
}

const imageColumns = {
  id: listingImages.id,
  storageKey: listingImages.storageKey,
  width: listingImages.width,
  height: listingImages.height,
  placeholder: listingImages.placeholder,
  alt: listingImages.alt,
};

function categoryName(db: Db, id: number, locale: Locale): string {
  const row = db.select().from(categories).where(eq(categories.id, id)).get();
  if (!row) return String(id);
  return locale === "en" ? row.nameEn : row.nameVi;
}

/** A calendar day as the moderator reads dates ("04/01/2027"), or "?" when missing. */
function dayText(day: string | null, locale: Locale): string {
  return day ? formatDate(day, locale) : "?";
}

function ocopText(ocop: ReviewedFields["ocop"], locale: Locale): string {
  if (ocop.stars === 0) return "—";
  return `${ocop.stars}★ · ${ocop.certificateNo ?? "?"} · ${dayText(ocop.issuedOn, locale)} → ${dayText(ocop.expiresOn, locale)}`;
}

function certificationsText(list: ReviewedFields["certifications"], locale: Locale): string {
  if (list.length === 0) return "—";
  return list
    .map((c) =>
      [
        t(locale, `certification.${c.kind}`),
        c.certificateNo,
        c.issuedOn && c.expiresOn
          ? `${dayText(c.issuedOn, locale)} → ${dayText(c.expiresOn, locale)}`
          : c.expiresOn && dayText(c.expiresOn, locale),
      ]
        .filter(Boolean)
        .join(" · "),
    )
    .join("\n");
}

/** A revision next to the published version, field by field, with both sets of photos. */
export function revisionReview(db: Db, actor: Actor, revisionId: number, locale: Locale = "vi") {
  const row = scopedRevision(db, actor, revisionId);
  const { revision, listing } = row;
  const before = publishedFields(db, listing);
  const changes = revision.changes;
  const after: ReviewedFields = {
    title: changes.title ?? before.title,
    description: changes.description ?? before.description,
    categoryId: changes.categoryId ?? before.categoryId,
    ocop: changes.ocop ?? before.ocop,
    certifications: changes.certifications ?? before.certifications,
  };
  const text = (field: DiffField, a: string, b: string, words: boolean): DiffRow => ({
    field,
    before: a,
    after: b,
    changed: a !== b,
    parts: words && a !== b ? diffWords(a, b) : null,
  });
  const rows: DiffRow[] = [
    text("title", before.title, after.title, true),
    text("description", before.description, after.description, true),
    text(
      "category",
      categoryName(db, before.categoryId, locale),
      categoryName(db, after.categoryId, locale),
      false,
    ),
    text("ocop", ocopText(before.ocop, locale), ocopText(after.ocop, locale), false),
    text(
      "certifications",
      certificationsText(before.certifications, locale),
      certificationsText(after.certifications, locale),
      false,
    ),
  ];

  const publicImages = db
    .select(imageColumns)
    .from(listingImages)
    .where(and(eq(listingImages.listingId, listing.id), isNull(listingImages.revisionId)))
    .orderBy(asc(listingImages.position), asc(listingImages.id))
    .all();
  const proposedIds = changes.imageIds ?? publicImages.map((image) => image.id);
  const proposedRows = proposedIds.length
    ? db
        .select(imageColumns)
        .from(listingImages)
        .where(and(eq(listingImages.listingId, listing.id), inArray(listingImages.id, proposedIds)))
        .all()
    : [];
  const proposed = proposedIds.flatMap((id) => proposedRows.filter((image) => image.id === id));
  const publicIds = new Set(publicImages.map((image) => image.id));
  const proposedSet = new Set(proposedIds);
  return {
    revision: {
      id: revision.id,
      status: revision.status,
      note: revision.note,
      createdAt: revision.createdAt,
    },
    listing: { id: listing.id, sku: listing.sku, slug: listing.slug, title: listing.title },
    producer: { name: row.producerName, code: row.producerCode },
    orgUnitName: row.orgUnitName,
    rows,
    images: {
      changed: changes.imageIds !== undefined,
      before: publicImages.map((image) => ({ ...image, removed: !proposedSet.has(image.id) })),
      after: proposed.map((image) => ({ ...image, added: !publicIds.has(image.id) })),
    },
  };
}

/** A listing waiting for its first review, as the public would see it. */
export function listingReview(db: Db, actor: Actor, listingId: number, locale: Locale = "vi") {
  const row = scopedListing(db, actor, listingId);
  const images = db
    .select(imageColumns)
    .from(listingImages)
    .where(and(eq(listingImages.listingId, listingId), isNull(listingImages.revisionId)))
    .orderBy(asc(listingImages.position), asc(listingImages.id))
    .all();
  const certifications = db
    .select()
    .from(listingCertifications)
    .where(eq(listingCertifications.listingId, listingId))
    .all();
  return {
    listing: row.listing,
    category: categoryName(db, row.listing.categoryId, locale),
    producer: { name: row.producerName, code: row.producerCode },
    orgUnitName: row.orgUnitName,
    images,
    certifications,
  };
}

/** A producer's application. */
export function producerReview(db: Db, actor: Actor, producerId: number) {
  const row = scopedProducer(db, actor, producerId);
  return {
    producer: row.producer,
    orgUnitName: row.orgUnitName,
    images: producerPhotoRows(db, producerId),
  };
}
