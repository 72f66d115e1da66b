import { indexListing, indexProducerListings } from "~/modules/search/sync.server";
import type { Db } from "~db/client.server";

/**
 * The one place the supply side tells search that a listing changed. Call it inside the
 * transaction that changed the listing: the search module refreshes the embedded index and
 * writes the search_outbox row in that same transaction, so they never disagree.
 */
export function syncSearch(db: Db, listingId: number): void {
  indexListing(db, listingId);
}

/** After a producer's verification status (hence the visibility of its goods) changed. */
export function syncProducerSearch(db: Db, producerId: number): void {
  indexProducerListings(db, producerId);
}
