import { dayNumber, vietnamToday } from "~/lib/dates";
import { imageUrlFor } from "~/lib/images";
import { VISIBLE_LISTING_SQL } from "~/modules/catalog/visibility.server";
import { inIdOrder, prepared, type Db } from "~db/client.server";
import type { SearchHit } from "./types";

/**
 * Reads the listings of one result page from the catalog, in the engine's order. Both
 * engines return ids only, so prices, stock and names are always the current ones. A
 * listing that stopped being searchable since it was indexed is left out.
 */

export interface HitRow {
  id: number;
  sku: string;
  slug: string;
  title: string;
  price_vnd: number;
  unit: string;
  stock: number;
  ocop_stars: number;
  ocop_expires_on: string | null;
  ocop_badge_hidden: number;
  category_code: string;
  category_name: string;
  producer_code: string;
  producer_name: string;
  commune: string;
  cover_key: string | null;
  cover_width: number | null;
}

export const HIT_COLUMNS = `
  l.id, l.sku, l.slug, l.title, l.price_vnd, l.unit, l.stock, l.ocop_stars, l.ocop_expires_on,
  l.ocop_badge_hidden, c.code AS category_code, c.name_vi AS category_name,
  p.code AS producer_code, p.name AS producer_name, p.commune,
  i.storage_key AS cover_key, i.width AS cover_width`;

/** Joins for HIT_COLUMNS after `listings l`; `i` is the cover (or first) photo of the published version. */
export const HIT_JOINS = `
  JOIN producers p ON p.id = l.producer_id
  JOIN categories c ON c.id = l.category_id
  LEFT JOIN listing_images i ON i.id = (
    SELECT id FROM listing_images
    WHERE listing_id = l.id AND revision_id IS NULL
    ORDER BY is_cover DESC, position, id LIMIT 1
  )`;

/** The hits for these listing ids, in the same order. */
export function loadHits(db: Db, ids: readonly number[], today = vietnamToday()): SearchHit[] {
  if (ids.length === 0) return [];
  const rows = prepared<HitRow>(
    db,
    // CROSS JOIN keeps this order: the page's ids first, then one lookup each (the planner
    // would otherwise walk every published listing and test it against the list).
    `SELECT ${HIT_COLUMNS} FROM json_each(?) AS page CROSS JOIN listings l ON l.id = page.value
     ${HIT_JOINS} WHERE ${VISIBLE_LISTING_SQL}`,
  ).all(JSON.stringify(ids));
  const todayNumber = dayNumber(today);
  return inIdOrder(ids, rows).map((row) => toHit(row, todayNumber));
}

/** A catalog row as a hit; OCOP stars only while the certificate is valid and shown. */
export function toHit(row: HitRow, today: number): SearchHit {
  const ocopValid =
    row.ocop_stars > 0 &&
    row.ocop_badge_hidden === 0 &&
    row.ocop_expires_on !== null &&
    dayNumber(row.ocop_expires_on) >= today;
  return {
    id: row.id,
    sku: row.sku,
    slug: row.slug,
    title: row.title,
    priceVnd: row.price_vnd,
    unit: row.unit,
    stock: row.stock,
    ocopStars: ocopValid ? row.ocop_stars : 0,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    commune: row.commune,
    producer: { code: row.producer_code, name: row.producer_name },
    imagePath:
      row.cover_key !== null && row.cover_width !== null
        ? imageUrlFor(row.cover_key, row.cover_width, 640)
        : null,
    image:
      row.cover_key !== null && row.cover_width !== null
        ? { key: row.cover_key, width: row.cover_width }
        : null,
    path: `/san-pham/${row.slug}`,
  };
}
