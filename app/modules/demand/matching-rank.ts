import type { MessageKey, MessageParams } from "~/lib/i18n";
import type { Place } from "./matching-places";

/**
 * The rank of one relevant listing for a request: text relevance first (it decides
 * whether the listing is a match at all and weighs most), then points for what makes it
 * a better supplier — the request's category, enough stock, being near, OCOP stars,
 * certifications — and points off for what the buyer would have to work around: too
 * little stock, a minimum order above her quantity, another unit. Every adjustment is
 * named in a reason (a catalog key with its words as params), so the buyer sees why.
 */

export interface MatchReason {
  key: MessageKey;
  params: MessageParams;
}

export interface CategoryNode {
  id: number;
  code: string;
  parentId: number | null;
  name: string;
}

export interface CandidateListing {
  id: number;
  sku: string;
  title: string;
  unit: string;
  stock: number;
  min_order_qty: number;
  category_id: number;
  /** Stars of a valid OCOP certificate, 0 without. */
  ocop_stars: number;
  producer_id: number;
  /** Valid certification kinds. */
  certifications: string[];
}

/** Points on a 0–100 scale; relevance alone gives up to RELEVANCE_POINTS. */
const RELEVANCE_POINTS = 60;
const POINTS = {
  sameCategory: 15,
  relatedCategory: 6,
  stockEnough: 6,
  stockShort: -6,
  outOfStock: -12,
  minimumAbove: -8,
  otherUnit: -8,
  sameCommune: 6,
  sameProvince: 3,
  perOcopStar: 1,
  perCertification: 1.5,
} as const;
const MAX_CERTIFICATION_POINTS = 4.5;

export interface RankInput {
  relevance: number;
  listing: CandidateListing;
  request: { categoryId: number | null; quantity: number; unit: string };
  categories: Map<number, CategoryNode>;
  today: string;
  requestPlace: Place;
  producerPlace: Place;
}

/** The score (0–100, one decimal) and the reasons of one match. */
export function rankMatch(input: RankInput): { score: number; reasons: MatchReason[] } {
  const { listing, request } = input;
  const reasons: MatchReason[] = [];
  let points = input.relevance * RELEVANCE_POINTS;
  const add = (value: number, key: MessageKey, params: MessageParams = {}) => {
    points += value;
    reasons.push({ key, params });
  };

  const category = categoryRelation(input.categories, request.categoryId, listing.category_id);
  if (category?.relation === "same") {
    add(POINTS.sameCategory, "demand.match.sameCategory", { category: category.name });
  } else if (category?.relation === "related") {
    add(POINTS.relatedCategory, "demand.match.relatedCategory", { category: category.name });
  }

  const quantity = request.quantity;
  if (listing.stock === 0) {
    add(POINTS.outOfStock, "demand.match.outOfStock", { quantity, unit: request.unit });
  } else if (listing.unit === request.unit) {
    const params = { stock: listing.stock, quantity, unit: listing.unit };
    if (listing.stock >= quantity) add(POINTS.stockEnough, "demand.match.stockEnough", params);
    else add(POINTS.stockShort, "demand.match.stockShort", params);
  }
  if (listing.unit !== request.unit) {
    add(POINTS.otherUnit, "demand.match.otherUnit", { unit: listing.unit, wanted: request.unit });
  } else if (listing.min_order_qty > quantity) {
    add(POINTS.minimumAbove, "demand.match.minimumOrder", {
      minimum: listing.min_order_qty,
      unit: listing.unit,
    });
  }

  const there = input.requestPlace;
  const here = input.producerPlace;
  if (there.commune && here.commune && there.commune.code === here.commune.code) {
    add(POINTS.sameCommune, "demand.match.sameCommune");
  } else if (there.province && here.province && there.province.code === here.province.code) {
    add(POINTS.sameProvince, "demand.match.sameProvince", { province: there.province.name });
  }

  if (listing.ocop_stars > 0) {
    add(listing.ocop_stars * POINTS.perOcopStar, "demand.match.ocop", {
      stars: listing.ocop_stars,
    });
  }
  let certificationPoints = 0;
  for (const certification of listing.certifications) {
    const value = Math.min(POINTS.perCertification, MAX_CERTIFICATION_POINTS - certificationPoints);
    certificationPoints += value;
    add(value, "demand.match.certification", { certification });
  }

  return { score: Math.max(0, Math.round(points * 10) / 10), reasons };
}

/**
 * How the listing's category stands to the request's: the same or one under it ("same"),
 * or sharing a parent with it ("related", named by that parent); null otherwise.
 */
function categoryRelation(
  categories: Map<number, CategoryNode>,
  wanted: number | null,
  actual: number,
): { relation: "same" | "related"; name: string } | null {
  if (wanted === null) return null;
  const wantedNode = categories.get(wanted);
  if (!wantedNode) return null;
  const ancestors = ancestorsOf(categories, actual);
  if (ancestors.includes(wanted)) return { relation: "same", name: wantedNode.name };
  const parent = wantedNode.parentId;
  if (parent !== null && ancestors.includes(parent)) {
    return { relation: "related", name: categories.get(parent)?.name ?? wantedNode.name };
  }
  return null;
}

/** A category and its parents, nearest first. */
function ancestorsOf(categories: Map<number, CategoryNode>, id: number): number[] {
  const ancestors: number[] = [];
  for (let at: number | null = id; at !== null; at = categories.get(at)?.parentId ?? null) {
    if (ancestors.includes(at)) break;
    ancestors.push(at);
  }
  return ancestors;
}

/** Whether a category is `parent` or one of its descendants. */
export function isUnder(
  categories: Map<number, CategoryNode>,
  id: number,
  parent: number,
): boolean {
  return ancestorsOf(categories, id).includes(parent);
}
