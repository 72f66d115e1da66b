import { isListingVisible } from "~/modules/catalog/visibility.server";
import { prepared, type Db } from "~db/client.server";
import { runningCampaignSlugs } from "./campaign-filter.server";
import type { SearchDocument } from "./types";

/**
 * Reads listings from the catalog as search documents. Only a visible listing
 * (catalog/visibility.server.ts) is searchable; every other listing comes back as "hidden"
 * so the engines remove it. Raw prepared SQL: a rebuild reads the whole catalog.
 */

interface ListingRow {
  id: number;
  sku: string;
  slug: string;
  title: string;
  description: string;
  tags: string;
  category_id: number;
  price_vnd: number;
  unit: string;
  stock: number;
  ocop_stars: number;
  ocop_expires_on: string | null;
  ocop_badge_hidden: number;
  status: string;
  published_at: number | null;
  created_at: number;
  producer_code: string;
  producer_name: string;
  commune: string;
  verification_status: string;
}

interface CategoryRow {
  id: number;
  code: string;
  name_vi: string;
  name_en: string;
  parent_id: number | null;
}

const SELECT_LISTINGS = `
  SELECT l.id, l.sku, l.slug, l.title, l.description, l.tags, l.category_id, l.price_vnd,
         l.unit, l.stock, l.ocop_stars, l.ocop_expires_on, l.ocop_badge_hidden, l.status,
         l.published_at, l.created_at, p.code AS producer_code, p.name AS producer_name,
         p.commune, p.verification_status
  FROM listings l JOIN producers p ON p.id = l.producer_id`;

export interface DocumentBatch {
  docs: SearchDocument[];
  /** Listings that exist but must not be found (not visible). */
  hiddenIds: number[];
}

/** The documents of these listings; ids of missing listings count as hidden. */
export function loadSearchDocuments(db: Db, ids: readonly number[]): DocumentBatch {
  if (ids.length === 0) return { docs: [], hiddenIds: [] };
  const rows = prepared<ListingRow>(
    db,
    `${SELECT_LISTINGS} WHERE l.id IN (SELECT value FROM json_each(?)) ORDER BY l.id`,
  ).all(JSON.stringify(ids));
  const batch = toDocuments(db, rows);
  const seen = new Set(rows.map((row) => row.id));
  for (const id of ids) if (!seen.has(id)) batch.hiddenIds.push(id);
  return batch;
}

/** Up to `limit` listings with ids above `afterId`, for a rebuild in batches. */
export function loadSearchDocumentsAfter(
  db: Db,
  afterId: number,
  limit: number,
): DocumentBatch & { lastId: number | null } {
  const rows = prepared<ListingRow>(
    db,
    `${SELECT_LISTINGS} WHERE l.id > ? ORDER BY l.id LIMIT ?`,
  ).all(afterId, limit);
  return { ...toDocuments(db, rows), lastId: rows[rows.length - 1]?.id ?? null };
}

/** How many listings the catalog holds, visible or not (a rebuild's progress total). */
export function countListings(db: Db): number {
  return prepared<number>(db, "SELECT count(*) FROM listings").pluck().get() ?? 0;
}

/** Ids of every listing of a producer (its verification decides whether they are found). */
export function listingIdsOfProducer(db: Db, producerId: number): number[] {
  return prepared<number>(db, "SELECT id FROM listings WHERE producer_id = ? ORDER BY id")
    .pluck()
    .all(producerId);
}

function toDocuments(db: Db, rows: ListingRow[]): DocumentBatch {
  const docs: SearchDocument[] = [];
  const hiddenIds: number[] = [];
  const visible = rows.filter((row) => {
    const isVisible = isListingVisible(row.status, row.verification_status);
    if (!isVisible) hiddenIds.push(row.id);
    return isVisible;
  });
  if (visible.length === 0) return { docs, hiddenIds };

  const categories = new Map(
    prepared<CategoryRow>(db, "SELECT id, code, name_vi, name_en, parent_id FROM categories")
      .all()
      .map((c) => [c.id, c]),
  );
  const certifications = new Map<number, { kind: string; expiresOn: string | null }[]>();
  const certRows = prepared<{ listing_id: number; kind: string; expires_on: string | null }>(
    db,
    `SELECT listing_id, kind, expires_on FROM listing_certifications
     WHERE listing_id IN (SELECT value FROM json_each(?)) ORDER BY listing_id, kind`,
  ).all(JSON.stringify(visible.map((row) => row.id)));
  for (const cert of certRows) {
    const list = certifications.get(cert.listing_id) ?? [];
    list.push({ kind: cert.kind, expiresOn: cert.expires_on });
    certifications.set(cert.listing_id, list);
  }

  const campaigns = runningCampaignSlugs(
    db,
    visible.map((row) => row.id),
  );
  for (const row of visible) {
    const chain = categoryChain(categories, row.category_id);
    const hasOcop = row.ocop_stars > 0 && row.ocop_badge_hidden === 0;
    docs.push({
      id: row.id,
      sku: row.sku,
      slug: row.slug,
      title: row.title,
      description: row.description,
      tags: parseTags(row.tags),
      categoryId: row.category_id,
      categoryCodes: chain.map((c) => c.code),
      categoryNames: chain.flatMap((c) => [c.name_vi, c.name_en]),
      producerCode: row.producer_code,
      producerName: row.producer_name,
      commune: row.commune,
      priceVnd: row.price_vnd,
      unit: row.unit,
      stock: row.stock,
      ocopStars: hasOcop ? row.ocop_stars : 0,
      ocopExpiresOn: hasOcop ? row.ocop_expires_on : null,
      certifications: certifications.get(row.id) ?? [],
      publishedAt: row.published_at ?? row.created_at,
      campaigns: campaigns.get(row.id) ?? [],
    });
  }
  return { docs, hiddenIds };
}

/** The category and its parents, top-level first. */
function categoryChain(categories: Map<number, CategoryRow>, id: number): CategoryRow[] {
  const chain: CategoryRow[] = [];
  let current = categories.get(id);
  while (current && chain.length < 10) {
    chain.unshift(current);
    current = current.parent_id === null ? undefined : categories.get(current.parent_id);
  }
  return chain;
}

/** A listing's stored tags (a JSON array); anything malformed counts as no tags. */
export function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter((tag): tag is string => typeof tag === "string")
      : [];
  } catch {
    return [];
  }
}
