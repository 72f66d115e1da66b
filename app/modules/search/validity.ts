import { CERT_KINDS } from "./certifications";
import { PRICE_RANGES } from "./price-ranges";

/**
 * What filters and facets read of a listing's certificates on a given day, computed from
 * the doc values' expiry dates once per day and change (doc-values.server.ts keeps it):
 * one byte per match instead of comparing dates, and the facet values packed in one number.
 */

/** Stored for a certificate without an expiry date. */
export const NEVER = 0x7fffffff;
/** Stored when the listing has no such certificate. */
export const ABSENT = -1;

/** The doc values' arrays that validity is computed from, by listing id. */
export interface CertificateColumns {
  visible: Uint8Array;
  price: Float64Array;
  communeIndex: Int32Array;
  ocopStars: Uint8Array;
  /** Day number of the OCOP expiry. */
  ocopExpires: Int32Array;
  /** Per certification kind (CERT_KINDS order): day number of expiry, NEVER or ABSENT. */
  certExpires: readonly Int32Array[];
}

/** Per listing id, valid stars, certifications and the facet code on `today`. */
export interface Validity {
  today: number;
  stars: Uint8Array;
  certs: Uint8Array;
  facets: Int32Array;
}

/** Validity arrays for `capacity` listings, every entry yet to compute. */
export function emptyValidity(today: number, capacity: number): Validity {
  return {
    today,
    stars: new Uint8Array(capacity),
    certs: new Uint8Array(capacity),
    facets: new Int32Array(capacity),
  };
}

/** Computes listing `id`'s entries of `validity` (all zero when it is hidden). */
export function computeValidity(columns: CertificateColumns, validity: Validity, id: number): void {
  const { today, stars, certs, facets } = validity;
  if (!columns.visible[id]) {
    stars[id] = 0;
    certs[id] = 0;
    facets[id] = 0;
    return;
  }
  stars[id] = validOcopStars(columns, id, today);
  let bits = 0;
  for (let k = 0; k < CERT_KINDS.length; k++) {
    if (hasValidCert(columns, k, id, today)) bits |= 1 << k;
  }
  certs[id] = bits;
  facets[id] = facetCode(
    priceRangeOf(columns.price[id] ?? 0),
    stars[id] ?? 0,
    bits,
    columns.communeIndex[id] ?? 0,
  );
}

/**
 * A listing's facet values in one number: its price range (PRICE_RANGES index) in bits
 * 0–3, valid OCOP stars in 4–7, valid certifications (bits) in 8–15, commune index from 16.
 */
function facetCode(range: number, stars: number, certs: number, commune: number): number {
  // (countFacets in fts-filters.server.ts reads it back.)
  return range | (stars << 4) | (certs << 8) | (commune << 16);
}

/** The PRICE_RANGES index of a price: the first range whose top it does not pass. */
function priceRangeOf(price: number): number {
  let r = 0;
  while (r < PRICE_RANGES.length - 1 && price > (PRICE_RANGES[r]?.max ?? Infinity)) r++;
  return r;
}

/** Whether certificate kind `k` of listing `id` is valid on `today` (a day number). */
function hasValidCert(columns: CertificateColumns, k: number, id: number, today: number): boolean {
  const expires = columns.certExpires[k]?.[id] ?? ABSENT;
  return expires !== ABSENT && expires >= today;
}

/** OCOP stars of listing `id` if its certificate is valid on `today`, else 0. */
function validOcopStars(columns: CertificateColumns, id: number, today: number): number {
  const stars = columns.ocopStars[id] ?? 0;
  return stars > 0 && (columns.ocopExpires[id] ?? 0) >= today ? stars : 0;
}
