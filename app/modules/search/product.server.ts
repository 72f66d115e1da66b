import { dayNumber, vietnamToday } from "~/lib/dates";
import { NotFound } from "~/lib/errors";
import { imageUrl, imageUrlFor, variantWidths } from "~/lib/images";
import { VISIBLE_LISTING_SQL } from "~/modules/catalog/visibility.server";
import { prepared, type Db } from "~db/client.server";
import { parseTags } from "./documents.server";
import { HIT_COLUMNS, HIT_JOINS, toHit, type HitRow } from "./hits.server";
import type { SearchHit } from "./types";

/** One searchable product with its description, photos and certificates (public API). */
export interface PublicProduct extends SearchHit {
  description: string;
  season: string;
  minOrderQty: number;
  tags: string[];
  categoryPath: { code: string; name: string }[];
  images: {
    url: string;
    srcset: { url: string; width: number }[];
    width: number;
    height: number;
    alt: string;
  }[];
  certifications: {
    kind: string;
    certificateNo: string | null;
    issuedOn: string | null;
    expiresOn: string | null;
  }[];
  /** The OCOP certificate while it is valid and shown, else null. */
  ocop: {
    stars: number;
    certificateNo: string | null;
    issuedOn: string | null;
    expiresOn: string | null;
  } | null;
}

interface DetailRow extends HitRow {
  description: string;
  season: string;
  min_order_qty: number;
  tags: string;
  category_id: number;
  ocop_certificate_no: string | null;
  ocop_issued_on: string | null;
}

/** A published listing of a verified producer by sku; NotFound otherwise. */
export function getPublicProduct(db: Db, sku: string, today = vietnamToday()): PublicProduct {
  const row = prepared<DetailRow>(
    db,
    `SELECT ${HIT_COLUMNS}, l.description, l.season, l.min_order_qty, l.tags, l.category_id,
            l.ocop_certificate_no, l.ocop_issued_on
     FROM listings l ${HIT_JOINS} WHERE l.sku = ? AND ${VISIBLE_LISTING_SQL}`,
  ).get(sku);
  if (!row) throw new NotFound("search.errors.productNotFound", {}, { sku });

  const hit = toHit(row, dayNumber(today));
  const images = prepared<{ storage_key: string; width: number; height: number; alt: string }>(
    db,
    `SELECT storage_key, width, height, alt FROM listing_images
     WHERE listing_id = ? AND revision_id IS NULL ORDER BY is_cover DESC, position, id`,
  ).all(row.id);
  const certifications = prepared<{
    kind: string;
    certificate_no: string | null;
    issued_on: string | null;
    expires_on: string | null;
  }>(
    db,
    `SELECT kind, certificate_no, issued_on, expires_on FROM listing_certifications
     WHERE listing_id = ? ORDER BY kind`,
  ).all(row.id);
  const categoryPath = prepared<{ code: string; name: string }>(
    db,
    `WITH RECURSIVE up(id, code, name, parent_id, depth) AS (
       SELECT id, code, name_vi, parent_id, 0 FROM categories WHERE id = ?
       UNION ALL
       SELECT c.id, c.code, c.name_vi, c.parent_id, up.depth + 1
       FROM categories c JOIN up ON c.id = up.parent_id WHERE up.depth < 10
     )
     SELECT code, name FROM up ORDER BY depth DESC`,
  )
    .all(row.category_id)
    .map(({ code, name }) => ({ code, name }));

  return {
    ...hit,
    description: row.description,
    season: row.season,
    minOrderQty: row.min_order_qty,
    tags: parseTags(row.tags),
    categoryPath,
    images: images.map((image) => ({
      url: imageUrlFor(image.storage_key, image.width, 1024),
      srcset: variantWidths(image.width).map(({ nominal, actual }) => ({
        url: imageUrl(image.storage_key, nominal),
        width: actual,
      })),
      width: image.width,
      height: image.height,
      alt: image.alt,
    })),
    certifications: certifications.map((c) => ({
      kind: c.kind,
      certificateNo: c.certificate_no,
      issuedOn: c.issued_on,
      expiresOn: c.expires_on,
    })),
    ocop:
      hit.ocopStars > 0
        ? {
            stars: hit.ocopStars,
            certificateNo: row.ocop_certificate_no,
            issuedOn: row.ocop_issued_on,
            expiresOn: row.ocop_expires_on,
          }
        : null,
  };
}
