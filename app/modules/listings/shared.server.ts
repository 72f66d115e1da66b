import { and, eq, inArray } from "drizzle-orm";
import { slugify } from "~/lib/text";
import { NotFound, Unauthorized } from "~/lib/errors";
import type { Actor } from "~/modules/auth/actor";
import type { Db } from "~db/client.server";
import { listings, listingSlugHistory, producers, type Unit } from "~db/schema";

/** Ids of the producers the actor acts for; empty for anyone else. */
export function producerIdsOf(actor: Actor): number[] {
  return actor.kind === "user" ? actor.producers.map((p) => p.producerId) : [];
}

/** The signed-in user's id, or a 401 for an anonymous actor. */
export function userIdOf(actor: Actor): number {
  if (actor.kind !== "user") throw new Unauthorized();
  return actor.userId;
}

/** Whether the OCOP badge must be hidden: stars with a certificate that expired before today. */
export function isOcopExpired(
  listing: { ocopStars: number; ocopExpiresOn: string | null },
  today: string,
): boolean {
  return listing.ocopStars > 0 && listing.ocopExpiresOn !== null && listing.ocopExpiresOn < today;
}

/**
 * The fields a producer changes at once, even on a published listing (no review): price,
 * unit, minimum order, season and tags. Picked from any listing-shaped value. Stock changes
 * at once too, but only through the stock module (a movement), never with these.
 */
export function immediateFields<
  T extends {
    priceVnd: number;
    unit: Unit;
    minOrderQty: number;
    season: string;
    tags: string[];
  },
>(value: T) {
  return {
    priceVnd: value.priceVnd,
    unit: value.unit,
    minOrderQty: value.minOrderQty,
    season: value.season,
    tags: value.tags,
  };
}

/** A listing's slug: the folded title plus its sku, so it is unique without a lookup. */
export function listingSlug(title: string, sku: string): string {
  const base = slugify(title, 70);
  return base ? `${base}-${sku.toLowerCase()}` : sku.toLowerCase();
}

/**
 * Moves a listing to the slug of its (new) title. A slug that was ever public is kept in
 * listing_slug_history so old links and printed codes keep working.
 */
export function updateSlug(
  db: Db,
  listing: { id: number; sku: string; slug: string; publishedAt: Date | null },
  title: string,
): string {
  const slug = listingSlug(title, listing.sku);
  if (slug === listing.slug) return slug;
  db.delete(listingSlugHistory).where(eq(listingSlugHistory.slug, slug)).run();
  if (listing.publishedAt !== null) {
    db.insert(listingSlugHistory)
      .values({ slug: listing.slug, listingId: listing.id })
      .onConflictDoNothing()
      .run();
  }
  db.update(listings).set({ slug }).where(eq(listings.id, listing.id)).run();
  return slug;
}

/**
 * One listing of the actor's producers, by sku. Ownership is part of the query: a listing
 * of any other producer is simply not found (404), never "forbidden".
 */
export function findOwnedListing(db: Db, actor: Actor, sku: string) {
  const producerIds = producerIdsOf(actor);
  if (producerIds.length === 0) throw new NotFound("listing.error.notFound");
  const listing = db
    .select()
    .from(listings)
    .where(and(eq(listings.sku, sku), inArray(listings.producerId, producerIds)))
    .get();
  if (!listing) throw new NotFound("listing.error.notFound");
  return listing;
}

export type ListingRow = ReturnType<typeof findOwnedListing>;

/** The producer row of one of the actor's producers (404 for any other). */
export function findOwnedProducer(db: Db, actor: Actor, producerId: number) {
  if (!producerIdsOf(actor).includes(producerId)) {
    throw new NotFound("listing.error.producerNotFound");
  }
  const producer = db.select().from(producers).where(eq(producers.id, producerId)).get();
  if (!producer) throw new NotFound();
  return producer;
}

/**
 * The producer a workspace page works on: `?nsx=<code>` when the actor acts for several,
 * else their first. A code of someone else's producer is simply not found.
 */
export function selectedProducer(actor: Actor, code: string | null) {
  if (actor.kind !== "user" || actor.producers.length === 0) throw new NotFound();
  const found = code ? actor.producers.find((p) => p.producerCode === code) : actor.producers[0];
  if (!found) throw new NotFound("listing.error.producerNotFound");
  return found;
}
