import { setStock } from "~/modules/stock/movements.server";
import type { Db } from "~db/client.server";

/**
 * Sets a listing's stock for a test's starting point, through the stock ledger like a
 * producer's edit: `listings.stock` cannot be written directly (docs/decisions/015).
 */
export function setTestStock(db: Db, listingId: number, stock: number): void {
  setStock(db, { listingId, stock, cause: "producer_edit", actorUserId: null });
}

/** Listings whose stock is not the sum of their movements (empty when the ledger holds). */
export function ledgerMismatches(db: Db) {
  return db.$client
    .prepare(
      `SELECT l.id, l.stock, coalesce(sum(m.delta), 0) AS ledger FROM listings l
       LEFT JOIN stock_movements m ON m.listing_id = l.id
       GROUP BY l.id HAVING l.stock <> coalesce(sum(m.delta), 0)`,
    )
    .all() as { id: number; stock: number; ledger: number }[];
}
