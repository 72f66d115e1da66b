import { prepared, type Db } from "~db/client.server";
import type { StockCause } from "~db/schema";

/**
 * The one writer of `listings.stock` (docs/decisions/015-stock-ledger.md). Every change is a
 * signed row of `stock_movements` first (with the listing's balance after it), then the same
 * delta on the listing; triggers refuse a balance that does not follow the previous one and any
 * stock other than the latest balance, so no code can move stock around the ledger.
 * Each function writes before it reads, so the write lock is held when the stock is looked at.
 */

/** Runs `fn` atomically: in a savepoint inside the caller's transaction, else in BEGIN IMMEDIATE. */
function atomically<T>(db: Db, fn: () => T): T {
  const run = db.$client.transaction(fn);
  return db.$client.inTransaction ? run() : run.immediate();
}

function applyDelta(db: Db, listingId: number, delta: number): void {
  prepared(db, "UPDATE listings SET stock = stock + ? WHERE id = ?").run(delta, listingId);
}

/**
 * Takes `qty` from a listing for an order, only if that much is there: the movement is
 * inserted by an INSERT … SELECT that carries the condition, so stock never goes below zero
 * whatever runs at the same time. Returns false (and moves nothing) when short.
 */
export function reserveStock(
  db: Db,
  input: { listingId: number; qty: number; orderId: number },
): boolean {
  if (input.qty <= 0) return true;
  return atomically(db, () => {
    const taken = prepared(
      db,
      `INSERT INTO stock_movements (listing_id, delta, cause, order_id, balance)
       SELECT id, -?, 'reservation', ?, stock - ? FROM listings WHERE id = ? AND stock >= ?`,
    ).run(input.qty, input.orderId, input.qty, input.listingId, input.qty);
    if (taken.changes !== 1) return false;
    applyDelta(db, input.listingId, -input.qty);
    return true;
  });
}

interface ReservedLine {
  listingId: number;
  reservedQty: number;
}

function reservedLinesOf(db: Db, orderId: number): ReservedLine[] {
  return prepared<ReservedLine>(
    db,
    `SELECT listing_id AS listingId, reserved_qty AS reservedQty FROM order_lines
     WHERE order_id = ? AND reserved_qty > 0 ORDER BY id`,
  ).all(orderId);
}

/**
 * Gives back what an order's lines reserved (each line's `reserved_qty`, never its `qty`),
 * once: the order is marked released by a conditional UPDATE first, so a second call, however
 * it is reached (a cancellation then a late payment event, two processes), moves nothing.
 * Returns whether this call released.
 */
export function releaseOrderStock(
  db: Db,
  orderId: number,
  actorUserId: number | null,
  now = new Date(),
): boolean {
  return atomically(db, () => {
    const marked = prepared(
      db,
      "UPDATE orders SET stock_released_at = ? WHERE id = ? AND stock_released_at IS NULL",
    ).run(now.getTime(), orderId);
    if (marked.changes !== 1) return false;
    const record = prepared(
      db,
      `INSERT INTO stock_movements (listing_id, delta, cause, order_id, actor_user_id, balance)
       SELECT id, ?, 'release', ?, ?, stock + ? FROM listings WHERE id = ?`,
    );
    for (const line of reservedLinesOf(db, orderId)) {
      record.run(line.reservedQty, orderId, actorUserId, line.reservedQty, line.listingId);
      applyDelta(db, line.listingId, line.reservedQty);
    }
    return true;
  });
}

class ShortOfStock extends Error {}

/**
 * Takes a released order's reservations again (a paid card order revived after its session
 * expired): every line or none, in a savepoint. Returns false, moving nothing, when a line is
 * short or the order was not released.
 */
export function reserveOrderAgain(db: Db, orderId: number): boolean {
  try {
    return atomically(db, () => {
      const unmarked = prepared(
        db,
        "UPDATE orders SET stock_released_at = NULL WHERE id = ? AND stock_released_at IS NOT NULL",
      ).run(orderId);
      if (unmarked.changes !== 1) return false;
      for (const line of reservedLinesOf(db, orderId)) {
        const ok = reserveStock(db, { listingId: line.listingId, qty: line.reservedQty, orderId });
        if (!ok) throw new ShortOfStock();
      }
      return true;
    });
  } catch (error) {
    if (error instanceof ShortOfStock) return false;
    throw error;
  }
}

/**
 * Sets a listing's stock to what a producer typed or an import row says: the movement is the
 * difference from the stock at this moment (so an order placed meanwhile is not given back),
 * recorded with its cause and who did it. No movement when nothing changes.
 */
export function setStock(
  db: Db,
  input: {
    listingId: number;
    stock: number;
    cause: Extract<StockCause, "producer_edit" | "import">;
    actorUserId: number | null;
  },
): void {
  atomically(db, () => {
    const moved = prepared(
      db,
      `INSERT INTO stock_movements (listing_id, delta, cause, actor_user_id, balance)
       SELECT id, ? - stock, ?, ?, ? FROM listings WHERE id = ? AND stock <> ?`,
    ).run(input.stock, input.cause, input.actorUserId, input.stock, input.listingId, input.stock);
    if (moved.changes === 1) {
      prepared(db, "UPDATE listings SET stock = ? WHERE id = ?").run(input.stock, input.listingId);
    }
  });
}
