import { eq } from "drizzle-orm";
import { prepared, type Db } from "~db/client.server";
import { orderLines } from "~db/schema";

/**
 * Takes `qty` from a listing's stock only if that much is there. The condition is in the
 * UPDATE itself, so stock can never go below zero, whatever else runs at the same time
 * (the CHECK on listings.stock is the last line of defence). Returns false when short.
 */
export function reserveStock(db: Db, listingId: number, qty: number): boolean {
  const result = prepared(
    db,
    "UPDATE listings SET stock = stock - ? WHERE id = ? AND stock >= ?",
  ).run(qty, listingId, qty);
  return result.changes === 1;
}

/** Puts the quantities of an order's lines back into stock (when it is cancelled). */
export function releaseOrderStock(db: Db, orderId: number): void {
  const lines = db
    .select({ listingId: orderLines.listingId, qty: orderLines.qty })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .all();
  const release = prepared(db, "UPDATE listings SET stock = stock + ? WHERE id = ?");
  for (const line of lines) release.run(line.qty, line.listingId);
}

class ShortOfStock extends Error {}

/**
 * Takes an order's quantities again (a paid order revived after its session expired):
 * all lines or none, in a savepoint. Returns false when one of them is short.
 */
export function reserveOrderStock(db: Db, orderId: number): boolean {
  const lines = db
    .select({ listingId: orderLines.listingId, qty: orderLines.qty })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .all();
  try {
    db.$client.transaction(() => {
      for (const line of lines) {
        if (!reserveStock(db, line.listingId, line.qty)) throw new ShortOfStock();
      }
    })();
    return true;
  } catch (error) {
    if (error instanceof ShortOfStock) return false;
    throw error;
  }
}
