import { asc, inArray } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { orderLines } from "~db/schema";

/**
 * The product titles of each order (as ordered: the title stored on the line), in one
 * query for a whole list. Callers pass only orders they already may see (the buyer's own
 * list), so the scope is theirs.
 */
export function getOrderLineTitles(db: Db, orderIds: number[]): Map<number, string[]> {
  const titles = new Map<number, string[]>();
  if (orderIds.length === 0) return titles;
  const rows = db
    .select({ orderId: orderLines.orderId, title: orderLines.title })
    .from(orderLines)
    .where(inArray(orderLines.orderId, orderIds))
    .orderBy(asc(orderLines.orderId), asc(orderLines.id))
    .all();
  for (const row of rows) {
    const list = titles.get(row.orderId) ?? [];
    list.push(row.title);
    titles.set(row.orderId, list);
  }
  return titles;
}
