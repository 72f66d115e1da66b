import { getEnv } from "~/modules/platform/env.server";
import type { PublicProduct } from "./product.server";
import type { SearchHit, SearchResult } from "./types";

/**
 * The public JSON API's shapes (snake_case, absolute URLs), built from the module's
 * results. The OpenAPI document (openapi.ts) describes exactly these; the routes turn
 * them into responses (platform/http.server.ts).
 */

/** The site's public origin: PUBLIC_URL when set, else the origin the request came to. */
export function publicOrigin(request: Request): string {
  const configured = getEnv().PUBLIC_URL;
  return (configured ?? new URL(request.url).origin).replace(/\/+$/, "");
}

/** One search hit as the API returns it. */
export function toApiHit(hit: SearchHit, origin: string) {
  return {
    sku: hit.sku,
    slug: hit.slug,
    title: hit.title,
    price_vnd: hit.priceVnd,
    unit: hit.unit,
    stock: hit.stock,
    ocop_stars: hit.ocopStars,
    category: hit.categoryCode,
    commune: hit.commune,
    producer: { code: hit.producer.code, name: hit.producer.name },
    image_url: hit.imagePath === null ? null : `${origin}${hit.imagePath}`,
    url: `${origin}${hit.path}`,
  };
}

/** A page of search results as the API returns it. */
export function toApiSearchResult(result: SearchResult, origin: string) {
  return {
    total: result.total,
    page: result.page,
    per_page: result.perPage,
    hits: result.hits.map((hit) => toApiHit(hit, origin)),
    facets: result.facets,
    engine: result.engine,
    took_ms: result.tookMs,
  };
}

/** One product with its details as the API returns it. */
export function toApiProduct(product: PublicProduct, origin: string) {
  return {
    ...toApiHit(product, origin),
    description: product.description,
    season: product.season,
    min_order_qty: product.minOrderQty,
    tags: product.tags,
    category_path: product.categoryPath,
    images: product.images.map((image) => ({
      url: `${origin}${image.url}`,
      width: image.width,
      height: image.height,
      alt: image.alt,
      variants: image.srcset.map((v) => ({ url: `${origin}${v.url}`, width: v.width })),
    })),
    ocop:
      product.ocop === null
        ? null
        : {
            stars: product.ocop.stars,
            certificate_no: product.ocop.certificateNo,
            issued_on: product.ocop.issuedOn,
            expires_on: product.ocop.expiresOn,
          },
    certifications: product.certifications.map((c) => ({
      kind: c.kind,
      certificate_no: c.certificateNo,
      issued_on: c.issuedOn,
      expires_on: c.expiresOn,
    })),
  };
}
