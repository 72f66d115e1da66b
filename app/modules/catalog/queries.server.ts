import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { foldVietnamese } from "~/lib/text";
import { vietnamToday } from "~/modules/search/dates";
import type { Db } from "~db/client.server";
import {
  categories,
  listingCertifications,
  listingImages,
  listings,
  listingSlugHistory,
  producers,
} from "~db/schema";
import { pageOf, type Page } from "./paging.server";

/**
 * What the storefront reads from the catalog. Only published listings of verified producers
 * are ever visible; every query here says so in its WHERE clause.
 */

const isVisible = and(
  eq(listings.status, "published"),
  eq(producers.verificationStatus, "verified"),
) as SQL;

/** OCOP stars a visitor may see: 0 when the badge is hidden or the certificate has lapsed. */
function validOcopStars(today: string) {
  return sql<number>`case when ${listings.ocopStars} > 0 and ${listings.ocopBadgeHidden} = 0 and ${listings.ocopExpiresOn} >= ${today} then ${listings.ocopStars} else 0 end`;
}

/** The cover photo of a listing's public version: the cover, else the first one. */
const coverKey = sql<string | null>`(select ${listingImages.storageKey} from ${listingImages}
  where ${listingImages.listingId} = ${listings.id} and ${listingImages.revisionId} is null
  order by ${listingImages.isCover} desc, ${listingImages.position} asc limit 1)`;
const coverWidth = sql<number | null>`(select ${listingImages.width} from ${listingImages}
  where ${listingImages.listingId} = ${listings.id} and ${listingImages.revisionId} is null
  order by ${listingImages.isCover} desc, ${listingImages.position} asc limit 1)`;

function cardColumns(today: string) {
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

function cardQuery(db: Db, today: string) {
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

/** Top-level categories in menu order. */
export function listTopCategories(db: Db): CategorySummary[] {
  return db
    .select({
      id: categories.id,
      code: categories.code,
      nameVi: categories.nameVi,
      nameEn: categories.nameEn,
    })
    .from(categories)
    .where(isNull(categories.parentId))
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
}

export interface CategoryWithCount extends CategorySummary {
  parentId: number | null;
  /** Visible listings in this category and every category below it. */
  listingCount: number;
}

/** Every category with its count of visible listings, subcategories included. */
export function listCategoriesWithCounts(db: Db): CategoryWithCount[] {
  const rows = db
    .select({
      id: categories.id,
      code: categories.code,
      nameVi: categories.nameVi,
      nameEn: categories.nameEn,
      parentId: categories.parentId,
    })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
  const direct = db
    .select({ categoryId: listings.categoryId, n: sql<number>`count(*)` })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(isVisible)
    .groupBy(listings.categoryId)
    .all();
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

/** Ids of a category and all its descendants; empty when the code is unknown. */
export function categorySubtreeIds(db: Db, code: string): number[] {
  const rows = db
    .select({ id: categories.id, code: categories.code, parentId: categories.parentId })
    .from(categories)
    .all();
  const root = rows.find((row) => row.code === code);
  if (!root) return [];
  const ids = [root.id];
  for (let i = 0; i < ids.length; i += 1) {
    for (const row of rows) if (row.parentId === ids[i] && !ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}

/** A category by its code, for page headings and filters. */
export function getCategoryByCode(db: Db, code: string): CategorySummary | null {
  return (
    db
      .select({
        id: categories.id,
        code: categories.code,
        nameVi: categories.nameVi,
        nameEn: categories.nameEn,
      })
      .from(categories)
      .where(eq(categories.code, code))
      .get() ?? null
  );
}

/** The newest visible listings, for the home page. */
export function listNewestProducts(
  db: Db,
  { limit = 12, today = vietnamToday() }: { limit?: number; today?: string } = {},
): ProductCard[] {
  return cardQuery(db, today)
    .where(isVisible)
    .orderBy(desc(listings.publishedAt), desc(listings.id))
    .limit(limit)
    .all();
}

export interface ProductDetail extends ProductCard {
  description: string;
  minOrderQty: number;
  season: string;
  tags: string[];
  ocop: { stars: number; certificateNo: string; expiresOn: string } | null;
  certifications: { kind: string; certificateNo: string | null; expiresOn: string | null }[];
  producerKind: (typeof producers.kind.enumValues)[number];
  images: { storageKey: string; width: number; height: number; alt: string }[];
}

export type ListingBySlug =
  | { kind: "found"; listing: ProductDetail }
  /** An old slug: answer with a permanent redirect to the current one. */
  | { kind: "moved"; slug: string };

/**
 * A visible listing by its slug, or by a slug it had before (then `moved` with the current
 * slug). Null when nothing visible answers to it.
 */
export function getPublishedListingBySlug(
  db: Db,
  slug: string,
  today: string = vietnamToday(),
): ListingBySlug | null {
  const row = db
    .select({
      ...cardColumns(today),
      description: listings.description,
      minOrderQty: listings.minOrderQty,
      season: listings.season,
      tags: listings.tags,
      ocopCertificateNo: listings.ocopCertificateNo,
      ocopExpiresOn: listings.ocopExpiresOn,
      producerKind: producers.kind,
    })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .innerJoin(categories, eq(categories.id, listings.categoryId))
    .where(and(isVisible, eq(listings.slug, slug)))
    .get();
  if (!row) {
    const moved = db
      .select({ slug: listings.slug })
      .from(listingSlugHistory)
      .innerJoin(listings, eq(listings.id, listingSlugHistory.listingId))
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .where(and(isVisible, eq(listingSlugHistory.slug, slug)))
      .get();
    return moved && moved.slug !== slug ? { kind: "moved", slug: moved.slug } : null;
  }
  const { ocopCertificateNo, ocopExpiresOn, ...listing } = row;
  const certifications = db
    .select({
      kind: listingCertifications.kind,
      certificateNo: listingCertifications.certificateNo,
      expiresOn: listingCertifications.expiresOn,
    })
    .from(listingCertifications)
    .where(eq(listingCertifications.listingId, row.id))
    .orderBy(asc(listingCertifications.kind))
    .all()
    // A lapsed certificate is no longer a claim the page may make.
    .filter((cert) => cert.expiresOn === null || cert.expiresOn >= today);
  const images = db
    .select({
      storageKey: listingImages.storageKey,
      width: listingImages.width,
      height: listingImages.height,
      alt: listingImages.alt,
    })
    .from(listingImages)
    .where(and(eq(listingImages.listingId, row.id), isNull(listingImages.revisionId)))
    .orderBy(desc(listingImages.isCover), asc(listingImages.position))
    .all();
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
    .where(and(isVisible, eq(listings.sku, sku.trim().toUpperCase())))
    .get();
  return row?.slug ?? null;
}

export interface ProducerPage {
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
  };
  listings: ProductCard[];
}

/** A verified producer's public page with its visible listings; null for anyone else. */
export function getProducerByCode(
  db: Db,
  code: string,
  today: string = vietnamToday(),
): ProducerPage | null {
  const producer = db
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
    })
    .from(producers)
    .where(
      and(
        eq(producers.code, code.trim().toUpperCase()),
        eq(producers.verificationStatus, "verified"),
      ),
    )
    .get();
  if (!producer) return null;
  const items = cardQuery(db, today)
    .where(and(isVisible, eq(listings.producerId, producer.id)))
    .orderBy(asc(listings.title))
    .all();
  return { producer, listings: items };
}

const registeredClients = new WeakSet<object>();

/** Makes `fold_vi(text)` (foldVietnamese) callable from SQL on this connection. */
function ensureFoldFunction(db: Db): void {
  const client = db.$client;
  if (registeredClients.has(client)) return;
  client.function("fold_vi", { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? foldVietnamese(value) : null,
  );
  registeredClients.add(client);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface BasicSearchInput {
  q?: string;
  categoryCode?: string;
  page?: number;
  perPage?: number;
  today?: string;
}

/**
 * The storefront search until the search module takes over (issue 4): every word of `q`,
 * folded ("dau den" finds "Đậu đen"), must appear in the folded title; `categoryCode`
 * includes its subcategories. Newest first.
 */
export function basicSearch(
  db: Db,
  { q = "", categoryCode, page = 1, perPage = 24, today = vietnamToday() }: BasicSearchInput,
): Page<ProductCard> & { category: CategorySummary | null } {
  ensureFoldFunction(db);
  const words = foldVietnamese(q).split(/\s+/).filter(Boolean).slice(0, 10);
  const category = categoryCode ? getCategoryByCode(db, categoryCode) : null;
  const conditions: (SQL | undefined)[] = [
    isVisible,
    ...words.map(
      (word) => sql`fold_vi(${listings.title}) like ${`%${escapeLike(word)}%`} escape '\\'`,
    ),
  ];
  if (categoryCode) {
    const ids = category ? categorySubtreeIds(db, category.code) : [];
    conditions.push(ids.length > 0 ? inArray(listings.categoryId, ids) : sql`0`);
  }
  const where = and(...conditions);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(listings)
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .where(where)
      .get()?.n ?? 0;
  const paging = pageOf(total, page, perPage);
  const items =
    total === 0
      ? []
      : cardQuery(db, today)
          .where(where)
          .orderBy(desc(listings.publishedAt), desc(listings.id))
          .limit(perPage)
          .offset(paging.offset)
          .all();
  return { ...paging, items, category };
}
