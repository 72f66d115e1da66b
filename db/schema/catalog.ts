import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import { createdAt, moment, sqlList, UNITS, updatedAt } from "./columns";
import { producers } from "./producers";
import { users } from "./accounts";

/** Product categories, a tree (the demo uses two levels). */
export const categories = sqliteTable(
  "categories",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en").notNull(),
    parentId: integer("parent_id").references((): AnySQLiteColumn => categories.id, {
      onDelete: "restrict",
    }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("categories_parent_idx").on(t.parentId),
    check("categories_code_check", sql`${t.code} not glob '*[^a-z0-9-]*'`),
  ],
);

export const LISTING_STATUSES = [
  "draft",
  "pending",
  "changes_requested",
  "published",
  "rejected",
  "archived",
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** A product a producer offers. Prices are whole đồng per `unit`. */
export const listings = sqliteTable(
  "listings",
  {
    id: integer("id").primaryKey(),
    sku: text("sku").notNull().unique(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    slug: text("slug").notNull().unique(),
    description: text("description").notNull().default(""),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    priceVnd: integer("price_vnd").notNull(),
    unit: text("unit", { enum: UNITS }).notNull(),
    minOrderQty: integer("min_order_qty").notNull().default(1),
    stock: integer("stock").notNull().default(0),
    season: text("season").notNull().default("quanh năm"),
    /** JSON array of lower-case keywords. */
    tags: text("tags", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    ocopStars: integer("ocop_stars").notNull().default(0),
    ocopCertificateNo: text("ocop_certificate_no"),
    ocopIssuedOn: text("ocop_issued_on"),
    ocopExpiresOn: text("ocop_expires_on"),
    /** Set by the daily expiry job once the OCOP certificate has lapsed. */
    ocopBadgeHidden: integer("ocop_badge_hidden", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: LISTING_STATUSES }).notNull().default("draft"),
    moderationNote: text("moderation_note"),
    /** When the note was written, so a page can mark a note of the previous review round. */
    moderationNoteAt: moment("moderation_note_at"),
    publishedAt: moment("published_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("listings_producer_idx").on(t.producerId, t.status),
    index("listings_category_idx").on(t.categoryId),
    index("listings_status_published_idx").on(t.status, t.publishedAt),
    // The home page's OCOP section walks the visible listings in its order and stops at the
    // few it shows, instead of sorting all of them.
    index("listings_status_ocop_idx").on(t.status, t.ocopStars, t.publishedAt),
    // The category counts of the menu and the search filters read only this index.
    index("listings_status_category_idx").on(t.status, t.categoryId, t.producerId),
    uniqueIndex("listings_producer_title_idx").on(t.producerId, t.title),
    check("listings_status_check", sql`${t.status} in ${sqlList(LISTING_STATUSES)}`),
    check("listings_unit_check", sql`${t.unit} in ${sqlList(UNITS)}`),
    check("listings_price_check", sql`${t.priceVnd} > 0`),
    check("listings_min_order_check", sql`${t.minOrderQty} >= 1`),
    check("listings_stock_check", sql`${t.stock} >= 0`),
    check("listings_ocop_stars_check", sql`${t.ocopStars} in (0, 3, 4, 5)`),
    check(
      "listings_ocop_certificate_check",
      sql`(${t.ocopStars} = 0) or (${t.ocopCertificateNo} is not null and ${t.ocopIssuedOn} is not null and ${t.ocopExpiresOn} is not null and ${t.ocopIssuedOn} < ${t.ocopExpiresOn})`,
    ),
    check("listings_slug_check", sql`${t.slug} not glob '*[^a-z0-9-]*'`),
  ],
);

/** Earlier slugs of a listing, so old links redirect to the current one. */
export const listingSlugHistory = sqliteTable(
  "listing_slug_history",
  {
    slug: text("slug").primaryKey(),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("listing_slug_history_listing_idx").on(t.listingId)],
);

export const CERTIFICATION_KINDS = ["VietGAP", "hữu cơ", "HACCP", "chỉ dẫn địa lý"] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

/** Certifications other than OCOP (which lives on the listing with its stars). */
export const listingCertifications = sqliteTable(
  "listing_certifications",
  {
    id: integer("id").primaryKey(),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CERTIFICATION_KINDS }).notNull(),
    certificateNo: text("certificate_no"),
    issuedOn: text("issued_on"),
    expiresOn: text("expires_on"),
  },
  (t) => [
    uniqueIndex("listing_certifications_kind_idx").on(t.listingId, t.kind),
    check("listing_certifications_kind_check", sql`${t.kind} in ${sqlList(CERTIFICATION_KINDS)}`),
    check(
      "listing_certifications_dates_check",
      sql`${t.issuedOn} is null or ${t.expiresOn} is null or ${t.issuedOn} < ${t.expiresOn}`,
    ),
  ],
);

/** Photos of a listing; up to 8, one cover. Variants are files named by `storage_key`. */
export const listingImages = sqliteTable(
  "listing_images",
  {
    id: integer("id").primaryKey(),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull().unique(),
    position: integer("position").notNull().default(0),
    isCover: integer("is_cover", { mode: "boolean" }).notNull().default(false),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** A tiny blurred WebP as a data: URI, shown while the real image loads. */
    placeholder: text("placeholder").notNull(),
    alt: text("alt").notNull().default(""),
    /** Set while the image belongs only to a revision under review. */
    revisionId: integer("revision_id").references(() => listingRevisions.id, {
      onDelete: "cascade",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    index("listing_images_listing_idx").on(t.listingId, t.position),
    check("listing_images_size_check", sql`${t.width} > 0 and ${t.height} > 0`),
  ],
);

export const REVISION_STATUSES = ["pending", "approved", "rejected", "changes_requested"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

/** Fields a revision may change; price and stock change at once and never need review. */
export type ListingRevisionChanges = {
  title?: string;
  description?: string;
  categoryId?: number;
  imageIds?: number[];
  ocop?: {
    stars: number;
    certificateNo: string | null;
    issuedOn: string | null;
    expiresOn: string | null;
  };
  certifications?: {
    kind: CertificationKind;
    certificateNo: string | null;
    issuedOn: string | null;
    expiresOn: string | null;
  }[];
};

/** An edit of a published listing under review; the published version stays visible. */
export const listingRevisions = sqliteTable(
  "listing_revisions",
  {
    id: integer("id").primaryKey(),
    listingId: integer("listing_id")
      .notNull()
      .references((): AnySQLiteColumn => listings.id, { onDelete: "cascade" }),
    changes: text("changes", { mode: "json" }).$type<ListingRevisionChanges>().notNull(),
    status: text("status", { enum: REVISION_STATUSES }).notNull().default("pending"),
    note: text("note"),
    submittedByUserId: integer("submitted_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    decidedByUserId: integer("decided_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    decidedAt: moment("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("listing_revisions_listing_idx").on(t.listingId),
    uniqueIndex("listing_revisions_one_pending_idx")
      .on(t.listingId)
      .where(sql`status = 'pending'`),
    check("listing_revisions_status_check", sql`${t.status} in ${sqlList(REVISION_STATUSES)}`),
  ],
);
