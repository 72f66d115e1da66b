import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "~db/client.server";
import { listings, producers, users } from "~db/schema";
import { createApiToken } from "~/modules/auth/api-tokens.server";
import { setTestStock } from "./stock";

/**
 * Prepares a running server's database (opened beside it: WAL lets both work) for API order
 * tests and the `orders` benchmark: a business buyer with a token, and the listing to buy.
 */
export function prepareApiBuyer(databasePath: string, options: { sku?: string; stock: number }) {
  const db = openDatabase(databasePath);
  const suffix = randomUUID().slice(0, 8);
  const user = db
    .insert(users)
    .values({
      email: `api-${suffix}@test.local`,
      passwordHash: "not-a-login-account",
      displayName: `Bếp ăn ${suffix}`,
    })
    .returning()
    .get();
  const { token } = createApiToken(db, user.id, "test");
  const sku = options.sku ?? "SP0001";
  const listing = db.select().from(listings).where(eq(listings.sku, sku)).get();
  if (!listing) throw new Error(`no listing ${sku} in the demo catalog`);
  db.update(producers)
    .set({ verificationStatus: "verified" })
    .where(eq(producers.id, listing.producerId))
    .run();
  db.update(listings)
    .set({ status: "published", minOrderQty: 1 })
    .where(eq(listings.id, listing.id))
    .run();
  setTestStock(db, listing.id, options.stock);
  return { db, token, userId: user.id, sku, listingId: listing.id };
}

export function stockOf(db: Db, listingId: number): number {
  return (
    db.select({ stock: listings.stock }).from(listings).where(eq(listings.id, listingId)).get()
      ?.stock ?? Number.NaN
  );
}

/** One API order of `qty` of `sku`, with a fresh Idempotency-Key unless one is given. */
export function postOrder(
  baseUrl: string,
  token: string,
  sku: string,
  options: { qty?: number; key?: string; paymentMethod?: "cod" | "bank_transfer" } = {},
): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/orders`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      "Idempotency-Key": options.key ?? randomUUID(),
    },
    body: JSON.stringify({
      items: [{ sku, qty: options.qty ?? 1 }],
      shipping: {
        name: "Bếp ăn trường Tiểu học Đông Hà",
        phone: "0900000218",
        province: "Quảng Trị",
        commune: "phường Đông Hà",
        address: "12 Lê Lợi, khu phố 1",
      },
      payment_method: options.paymentMethod ?? "cod",
    }),
  });
}
