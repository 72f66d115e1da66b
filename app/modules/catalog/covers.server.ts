import { asc, desc, inArray, isNull, and } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { listingImages } from "~db/schema";

/** A listing's cover photo: its storage key and the width of the original. */
export interface ListingCover {
  key: string;
  width: number;
}

/**
 * The cover photo of each listing's public version (the cover, else the first photo) in one
 * query, for thumbnails in lists such as the cart; listings without photos are absent.
 */
export function getListingCovers(db: Db, listingIds: number[]): Map<number, ListingCover> {
  const covers = new Map<number, ListingCover>();
  const ids = [...new Set(listingIds)];
  if (ids.length === 0) return covers;
  const rows = db
    .select({
      listingId: listingImages.listingId,
      key: listingImages.storageKey,
      width: listingImages.width,
    })
    .from(listingImages)
    .where(and(inArray(listingImages.listingId, ids), isNull(listingImages.revisionId)))
    .orderBy(desc(listingImages.isCover), asc(listingImages.position), asc(listingImages.id))
    .all();
  for (const row of rows) {
    if (!covers.has(row.listingId)) covers.set(row.listingId, { key: row.key, width: row.width });
  }
  return covers;
}
