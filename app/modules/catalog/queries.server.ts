import { and, asc, desc, eq, isNull, sql, type Placeholder } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { preparedQuery, type Db } from "~db/client.server";
import {
  categories,
  listingCertifications,
  listingImages,
  listings,
  listingSlugHistory,
  producers,
} from "~db/schema";
import { isVisibleListing, isVisibleProducer } from "./visibility.server";

/**
 * What the storefront reads from the catalog. Only visible listings (visibility.server.ts)
 * are ever shown; every query here says so in its WHERE clause.
 */

/**
 * OCOP stars a visitor may see: 0 when the badge is hidden or the certificate has lapsed.
 * `today` is a date or, in a prepared query, the placeholder that will carry it.
 */
export function validOcopStars(today: string | Placeholder) {
  return sql<number>`case when ${listings.ocopStars} > 0 and ${listings.ocopBadgeHidden} = 0 and ${listings.ocopExpiresOn} >= ${today} then ${listings.ocopStars} else 0 end`;
}

/** The cover photo of a listing's public version: the cover, else the first one. */
const coverKey = sql<string | null>`(select ${listingImages.storageKey} from ${listingImages}
  where ${listingImages.listingId} = ${listings.id} and ${listingImages.revisionId} is null
  order by ${listingImages.isCover} desc, ${listingImages.position} asc limit 1)`;
const coverWidth = sql<number | null>`(select ${listingImages.width} from ${listingImages}
  where ${listingImages.listingId} = ${listings.id} and ${listingImages.revisionId} is null
  order by ${listingImages.isCover} desc, ${listingImages.position} asc limit 1)`;

function cardColumns(today: string | Placeholder) {
  return {
    id: listings.id,
    sku: listings.sku,
    slug: listings.slug,
    title: listings.title,
    priceVnd: listings.priceVnd,
    unit: listings.unit,
    stock: listings.stock,
    ocopStars: validOcopStars(today),
    producerCode: producers.code,
    producerName: producers.name,
    commune: producers.commune,
    categoryCode: categories.code,
    categoryNameVi: categories.nameVi,
    categoryNameEn: categories.nameEn,
    coverKey,
    coverWidth,
  };
}

/** A listing as a product card shows it. */
export type ProductCard = {
  id: number;
  sku: string;
  slug: string;
  title: string;
  priceVnd: number;
  unit: (typeof listings.unit.enumValues)[number];
  stock: number;
  ocopStars: number;
  producerCode: string;
  producerName: string;
  commune: string;
  categoryCode: string;
  categoryNameVi: string;
  categoryNameEn: string;
  coverKey: string | null;
  coverWidth: number | null;
};

/** The product-card select (listing, producer, category), to be narrowed by a WHERE. */
export function cardQuery(db: Db, today: string | Placeholder) {
  return db
    .select(cardColumns(today))
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .innerJoin(categories, eq(categories.id, listings.categoryId));
}

export interface CategorySummary {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
}

const categorySummaryColumns = {
  id: categories.id,
  code: categories.code,
  nameVi: categories.nameVi,
  nameEn: categories.nameEn,
};

// The menu of every page: prepared once per connection.
const topCategories = (db: Db) =>
  db
    .select(categorySummaryColumns)
    .from(categories)
    .where(isNull(categories.parentId))
    .orderBy(asc(categories.position), asc(categories.id))
    .prepare();

/** Top-level categories in menu order. */
export function listTopCategories(db: Db): CategorySummary[] {
  return preparedQuery(db, topCategories).all();
}

export interface CategoryWithCount extends CategorySummary {
  parentId: number | null;
  /** Visible listings in this category and every category below it. */
  listingCount: number;
}

// The search page's category filter reads both on every visit: prepared once per connection.
const allCategories = (db: Db) =>
  db
    .select({ ...categorySummaryColumns, parentId: categories.parentId })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .prepare();

const visibleCountByCategory = (db: Db) =>
  db
    .select({ categoryId: listings.categoryId, n: sql<number>`count(*)` })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(isVisibleListing)
    .groupBy(listings.categoryId)
    .prepare();

/** Every category with its count of visible listings, subcategories included. */
export function listCategoriesWithCounts(db: Db): CategoryWithCount[] {
  const rows = preparedQuery(db, allCategories).all();
  const direct = preparedQuery(db, visibleCountByCategory).all();
  const counts = new Map<number, number>();
  const parentOf = new Map(rows.map((row) => [row.id, row.parentId]));
  for (const { categoryId, n } of direct) {
    // Add each listing to its category and every ancestor (the tree may be any depth).
    const seen = new Set<number>();
    for (let id: number | null | undefined = categoryId; id != null && !seen.has(id);) {
      seen.add(id);
      counts.set(id, (counts.get(id) ?? 0) + n);
      id = parentOf.get(id);
    }
  }
  return rows.map((row) => ({ ...row, listingCount: counts.get(row.id) ?? 0 }));
}

/** The newest visible listings, for the home page. */
export function listNewestProducts(
  db: Db,
  { limit = 12, today = vietnamToday() }: { limit?: number; today?: string } = {},
): ProductCard[] {
  return cardQuery(db, today)
    .where(isVisibleListing)
    .orderBy(desc(listings.publishedAt), desc(listings.id))
    .limit(limit)
    .all();
}

/** A producer's phone where she chose to show it in public (profile, `show_phone`). */
const publicPhone = sql<
  string | null
>`CASE WHEN ${producers.showPhone} = 1 THEN ${producers.phone} END`;

export interface ProductDetail extends ProductCard {
  description: string;
  minOrderQty: number;
  season: string;
  tags: string[];
  ocop: { stars: number; certificateNo: string; expiresOn: string } | null;
  certifications: { kind: string; certificateNo: string | null; expiresOn: string | null }[];
  producerKind: (typeof producers.kind.enumValues)[number];
  /** The producer's phone when she chose to show it in public (her profile), else null. */
  producerPhone: string | null;
  /** The public photos, cover first: what the gallery shows, with its blurred placeholders. */
  images: {
    storageKey: string;
    width: number;
    height: number;
    placeholder: string;
    alt: string;
  }[];
}

export type ListingBySlug =
  | { kind: "found"; listing: ProductDetail }
  /** An old slug: answer with a permanent redirect to the current one. */
  | { kind: "moved"; slug: string };

// The product page's reads, prepared once per connection (docs/decisions/034-speed-pages.md).
const listingBySlug = (db: Db) =>
  db
    .select({
      ...cardColumns(sql.placeholder("today")),
      description: listings.description,
      minOrderQty: listings.minOrderQty,
      season: listings.season,
      tags: listings.tags,
      ocopCertificateNo: listings.ocopCertificateNo,
      ocopExpiresOn: listings.ocopExpiresOn,
      producerKind: producers.kind,
      producerPhone: publicPhone,
    })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .innerJoin(categories, eq(categories.id, listings.categoryId))
    .where(and(isVisibleListing, eq(listings.slug, sql.placeholder("slug"))))
    .prepare();

const listingByOldSlug = (db: Db) =>
  db
    .select({ slug: listings.slug })
    .from(listingSlugHistory)
    .innerJoin(listings, eq(listings.id, listingSlugHistory.listingId))
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(and(isVisibleListing, eq(listingSlugHistory.slug, sql.placeholder("slug"))))
    .prepare();

const listingCertificationsOf = (db: Db) =>
  db
    .select({
      kind: listingCertifications.kind,
      certificateNo: listingCertifications.certificateNo,
      expiresOn: listingCertifications.expiresOn,
    })
    .from(listingCertifications)
    .where(eq(listingCertifications.listingId, sql.placeholder("listingId")))
    .orderBy(asc(listingCertifications.kind))
    .prepare();

// The product page's gallery too (listings/public.server.ts): read once per view.
const publicImagesOf = (db: Db) =>
  db
    .select({
      storageKey: listingImages.storageKey,
      width: listingImages.width,
      height: listingImages.height,
      placeholder: listingImages.placeholder,
      alt: listingImages.alt,
    })
    .from(listingImages)
    .where(
      and(
        eq(listingImages.listingId, sql.placeholder("listingId")),
        isNull(listingImages.revisionId),
      ),
    )
    .orderBy(desc(listingImages.isCover), asc(listingImages.position), asc(listingImages.id))
    .prepare();

/**
 * A visible listing by its slug, or by a slug it had before (then `moved` with the current
 * slug). Null when nothing visible answers to it.
 */
export function getPublishedListingBySlug(
  db: Db,
  slug: string,
  today: string = vietnamToday(),
): ListingBySlug | null {
  const row = preparedQuery(db, listingBySlug).get({ slug, today });
  if (!row) {
    const moved = preparedQuery(db, listingByOldSlug).get({ slug });
    return moved && moved.slug !== slug ? { kind: "moved", slug: moved.slug } : null;
  }
  const { ocopCertificateNo, ocopExpiresOn, ...listing } = row;
  const certifications = preparedQuery(db, listingCertificationsOf)
    .all({ listingId: row.id })
    // A lapsed certificate is no longer a claim the page may make.
    .filter((cert) => cert.expiresOn === null || cert.expiresOn >= today);
  const images = preparedQuery(db, publicImagesOf).all({ listingId: row.id });
  return {
    kind: "found",
    listing: {
      ...listing,
      ocop:
        listing.ocopStars > 0 && ocopCertificateNo && ocopExpiresOn
          ? { stars: listing.ocopStars, certificateNo: ocopCertificateNo, expiresOn: ocopExpiresOn }
          : null,
      certifications,
      images,
    },
  };
}

/** The current slug of the visible listing with this SKU (printed QR codes use /p/<sku>). */
export function getListingSkuSlug(db: Db, sku: string): string | null {
  const row = db
    .select({ slug: listings.slug })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(and(isVisibleListing, eq(listings.sku, sku.trim().toUpperCase())))
    .get();
  return row?.slug ?? null;
}

export interface PublicProducerPage {
  producer: {
    id: number;
    code: string;
    name: string;
    kind: (typeof producers.kind.enumValues)[number];
    commune: string;
    address: string;
    membersTotal: number;
    membersWomen: number;
    membersEthnicMinority: number;
    membersPoorHousehold: number;
    foundedYear: number | null;
    story: string;
    /** Her phone when she chose to show it in public, else null. */
    phone: string | null;
  };
  listings: ProductCard[];
}

// The producer page's reads, prepared once per connection.
const visibleProducerByCode = (db: Db) =>
  db
    .select({
      id: producers.id,
      code: producers.code,
      name: producers.name,
      kind: producers.kind,
      commune: producers.commune,
      address: producers.address,
      membersTotal: producers.membersTotal,
      membersWomen: producers.membersWomen,
      membersEthnicMinority: producers.membersEthnicMinority,
      membersPoorHousehold: producers.membersPoorHousehold,
      foundedYear: producers.foundedYear,
      story: producers.story,
      phone: publicPhone,
    })
    .from(producers)
    .where(and(eq(producers.code, sql.placeholder("code")), isVisibleProducer))
    .prepare();

const producerCards = (db: Db) =>
  cardQuery(db, sql.placeholder("today"))
    .where(and(isVisibleListing, eq(listings.producerId, sql.placeholder("producerId"))))
    .orderBy(asc(listings.title))
    .prepare();

/** A verified producer's public page with its visible listings; null for anyone else. */
export function getProducerByCode(
  db: Db,
  code: string,
  today: string = vietnamToday(),
): PublicProducerPage | null {
  const producer = preparedQuery(db, visibleProducerByCode).get({
    code: code.trim().toUpperCase(),
  });
  if (!producer) return null;
  const items = preparedQuery(db, producerCards).all({ today, producerId: producer.id });
  return { producer, listings: items };
}
