import { eq, sql, type SQL } from "drizzle-orm";
import { listings, producers } from "~db/schema";

/**
 * The visible-listing rule, defined once: a listing is shown on the storefront, found by
 * search (documents and hits), served by the product API and by its product page only
 * while it is published and its producer is verified. A lapsed certificate hides a badge,
 * never the listing. The drizzle condition, the SQL fragment and the predicate below are
 * all built from these two values, so the three forms cannot drift apart.
 */
const VISIBLE_LISTING_STATUS = "published";
const VISIBLE_PRODUCER_STATUS = "verified";

/** For drizzle queries on `producers`: whose public page and listings may be shown. */
export const isVisibleProducer: SQL = eq(producers.verificationStatus, VISIBLE_PRODUCER_STATUS);

/** For drizzle queries that join `listings` and `producers`. */
export const isVisibleListing: SQL = sql`(${eq(listings.status, VISIBLE_LISTING_STATUS)} and ${isVisibleProducer})`;

/** For raw SQL over `listings l JOIN producers p` (the search module's statements). */
export const VISIBLE_LISTING_SQL = `l.status = '${VISIBLE_LISTING_STATUS}' AND p.verification_status = '${VISIBLE_PRODUCER_STATUS}'`;

/** For a row already read: its listing status and its producer's verification status. */
export function isListingVisible(listingStatus: string, producerStatus: string): boolean {
  return listingStatus === VISIBLE_LISTING_STATUS && producerStatus === VISIBLE_PRODUCER_STATUS;
}
