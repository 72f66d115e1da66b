import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { NotFound } from "~/lib/errors";
import { quantityProblem, type QuantityProblem } from "~/lib/orders";
import { isListingVisible } from "~/modules/catalog/visibility.server";
import { preparedQuery, type Db } from "~db/client.server";
import { cartLines, carts, listings, producers } from "~db/schema";
import { QuantityRefused } from "./errors.server";

/** Whose cart: a signed-in user's, or a guest's identified by the random cookie token. */
export type CartOwner = { userId: number } | { guestToken: string };

/** Name of the cookie that carries a guest's cart token. */
export const GUEST_CART_COOKIE = "cc_cart";

/** A new random guest cart token for the cookie; only its SHA-256 is stored. */
export function newGuestCartToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashGuestToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function ownerCondition(owner: CartOwner) {
  return "userId" in owner
    ? eq(carts.userId, owner.userId)
    : eq(carts.guestTokenHash, hashGuestToken(owner.guestToken));
}

function findCartId(db: Db, owner: CartOwner): number | undefined {
  return db.select({ id: carts.id }).from(carts).where(ownerCondition(owner)).get()?.id;
}

function ensureCartId(db: Db, owner: CartOwner): number {
  const existing = findCartId(db, owner);
  if (existing !== undefined) return existing;
  const values =
    "userId" in owner
      ? { userId: owner.userId }
      : { guestTokenHash: hashGuestToken(owner.guestToken) };
  return db.insert(carts).values(values).returning({ id: carts.id }).get().id;
}

export interface CartLineView {
  listingId: number;
  sku: string;
  title: string;
  slug: string;
  unit: string;
  qty: number;
  priceVnd: number;
  seenPriceVnd: number;
  lineTotalVnd: number;
  minOrderQty: number;
  stock: number;
  isOnSale: boolean;
  /** Why the line cannot be ordered as it is; null when it can. */
  problem: QuantityProblem | null;
}

export interface CartGroup {
  producer: { id: number; code: string; name: string; deliveryFeeVnd: number };
  lines: CartLineView[];
  subtotalVnd: number;
}

export interface CartView {
  cartId: number | null;
  groups: CartGroup[];
  itemCount: number;
  totalVnd: number;
  priceChanges: { sku: string; title: string; fromVnd: number; toVnd: number }[];
  hasProblems: boolean;
}

const EMPTY_CART: CartView = {
  cartId: null,
  groups: [],
  itemCount: 0,
  totalVnd: 0,
  priceChanges: [],
  hasProblems: false,
};

/** The cart grouped by producer with subtotals, current prices and any problem per line. */
export function getCart(db: Db, owner: CartOwner): CartView {
  const cartId = findCartId(db, owner);
  if (cartId === undefined) return EMPTY_CART;
  const rows = db
    .select({
      listingId: listings.id,
      sku: listings.sku,
      title: listings.title,
      slug: listings.slug,
      unit: listings.unit,
      qty: cartLines.qty,
      priceVnd: listings.priceVnd,
      seenPriceVnd: cartLines.seenPriceVnd,
      minOrderQty: listings.minOrderQty,
      stock: listings.stock,
      listingStatus: listings.status,
      producerId: producers.id,
      producerCode: producers.code,
      producerName: producers.name,
      producerStatus: producers.verificationStatus,
      deliveryFeeVnd: producers.deliveryFeeVnd,
    })
    .from(cartLines)
    .innerJoin(listings, eq(listings.id, cartLines.listingId))
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(producers.name), asc(cartLines.createdAt), asc(listings.id))
    .all();

  const groups = new Map<number, CartGroup>();
  const view: CartView = { ...EMPTY_CART, cartId, groups: [], priceChanges: [] };
  for (const row of rows) {
    const isOnSale = isListingVisible(row.listingStatus, row.producerStatus);
    const line: CartLineView = {
      listingId: row.listingId,
      sku: row.sku,
      title: row.title,
      slug: row.slug,
      unit: row.unit,
      qty: row.qty,
      priceVnd: row.priceVnd,
      seenPriceVnd: row.seenPriceVnd,
      lineTotalVnd: row.priceVnd * row.qty,
      minOrderQty: row.minOrderQty,
      stock: row.stock,
      isOnSale,
      // A suspended producer's line says why it cannot be ordered, not just "no longer sold".
      problem:
        row.producerStatus === "suspended"
          ? {
              key: "staffproducers.cart.producerSuspended",
              params: { title: row.title },
              unit: row.unit,
            }
          : quantityProblem(row, row.qty, isOnSale),
    };
    let group = groups.get(row.producerId);
    if (!group) {
      group = {
        producer: {
          id: row.producerId,
          code: row.producerCode,
          name: row.producerName,
          deliveryFeeVnd: row.deliveryFeeVnd,
        },
        lines: [],
        subtotalVnd: 0,
      };
      groups.set(row.producerId, group);
      view.groups.push(group);
    }
    group.lines.push(line);
    group.subtotalVnd += line.lineTotalVnd;
    view.totalVnd += line.lineTotalVnd;
    view.itemCount += 1;
    if (line.problem) view.hasProblems = true;
    if (row.priceVnd !== row.seenPriceVnd) {
      view.priceChanges.push({
        sku: row.sku,
        title: row.title,
        fromVnd: row.seenPriceVnd,
        toVnd: row.priceVnd,
      });
    }
  }
  return view;
}

/** Number of distinct products in the cart, for the header badge. */
export function countCartItems(db: Db, owner: CartOwner): number {
  const row =
    "userId" in owner
      ? preparedQuery(db, userCartCount).get({ userId: owner.userId })
      : preparedQuery(db, guestCartCount).get({ tokenHash: hashGuestToken(owner.guestToken) });
  return row?.n ?? 0;
}

// The header of every page with a cart reads its count: one prepared query per kind of owner.
const userCartCount = (db: Db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(cartLines)
    .innerJoin(carts, eq(carts.id, cartLines.cartId))
    .where(eq(carts.userId, sql.placeholder("userId")))
    .prepare();

const guestCartCount = (db: Db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(cartLines)
    .innerJoin(carts, eq(carts.id, cartLines.cartId))
    .where(eq(carts.guestTokenHash, sql.placeholder("tokenHash")))
    .prepare();

function loadListing(db: Db, listingId: number) {
  const row = db
    .select({
      id: listings.id,
      title: listings.title,
      unit: listings.unit,
      priceVnd: listings.priceVnd,
      minOrderQty: listings.minOrderQty,
      stock: listings.stock,
      status: listings.status,
      producerStatus: producers.verificationStatus,
    })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(eq(listings.id, listingId))
    .get();
  if (!row) throw new NotFound("cartError.productNotFound");
  return { ...row, isOnSale: isListingVisible(row.status, row.producerStatus) };
}

/**
 * Adds `qty` of a listing (on top of what the cart already holds). The whole quantity must
 * respect the minimum order and the stock; the price seen now is remembered.
 */
export function addToCart(db: Db, owner: CartOwner, listingId: number, qty: number): void {
  db.$client
    .transaction(() => {
      const listing = loadListing(db, listingId);
      const cartId = ensureCartId(db, owner);
      const current = db
        .select({ qty: cartLines.qty })
        .from(cartLines)
        .where(and(eq(cartLines.cartId, cartId), eq(cartLines.listingId, listingId)))
        .get();
      const total = (current?.qty ?? 0) + qty;
      const problem = quantityProblem(listing, total, listing.isOnSale);
      if (problem) throw new QuantityRefused(problem, { field: "qty", listingId });
      db.insert(cartLines)
        .values({ cartId, listingId, qty: total, seenPriceVnd: listing.priceVnd })
        .onConflictDoUpdate({
          target: [cartLines.cartId, cartLines.listingId],
          set: { qty: total, seenPriceVnd: listing.priceVnd },
        })
        .run();
      db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId)).run();
    })
    .immediate();
}

/** Sets a line's quantity; 0 removes it. Refuses quantities below the minimum or above stock. */
export function setCartLineQty(db: Db, owner: CartOwner, listingId: number, qty: number): void {
  const cartId = findCartId(db, owner);
  if (cartId === undefined) throw new NotFound("cartError.empty");
  if (qty === 0) {
    removeCartLine(db, owner, listingId);
    return;
  }
  const listing = loadListing(db, listingId);
  const problem = quantityProblem(listing, qty, listing.isOnSale);
  if (problem) throw new QuantityRefused(problem, { field: "qty", listingId });
  const result = db
    .update(cartLines)
    .set({ qty })
    .where(and(eq(cartLines.cartId, cartId), eq(cartLines.listingId, listingId)))
    .run();
  if (result.changes === 0) throw new NotFound("cartError.notInCart");
}

export function removeCartLine(db: Db, owner: CartOwner, listingId: number): void {
  const cartId = findCartId(db, owner);
  if (cartId === undefined) return;
  db.delete(cartLines)
    .where(and(eq(cartLines.cartId, cartId), eq(cartLines.listingId, listingId)))
    .run();
}

/** Removes ordered listings from the buyer's cart (inside the placing transaction). */
export function removeOrderedFromCart(db: Db, userId: number, listingIds: number[]): void {
  const cartId = findCartId(db, { userId });
  if (cartId === undefined || listingIds.length === 0) return;
  db.delete(cartLines)
    .where(and(eq(cartLines.cartId, cartId), inArray(cartLines.listingId, listingIds)))
    .run();
}

/**
 * Moves a guest's cart into the user's account at login. A product in both carts keeps the
 * larger quantity (the same guest may log in twice); the guest cart is deleted.
 */
export function mergeGuestCart(db: Db, guestToken: string, userId: number): void {
  db.$client
    .transaction(() => {
      const guestCartId = findCartId(db, { guestToken });
      if (guestCartId === undefined) return;
      const userCartId = ensureCartId(db, { userId });
      const guestLines = db.select().from(cartLines).where(eq(cartLines.cartId, guestCartId)).all();
      for (const line of guestLines) {
        db.insert(cartLines)
          .values({
            cartId: userCartId,
            listingId: line.listingId,
            qty: line.qty,
            seenPriceVnd: line.seenPriceVnd,
          })
          .onConflictDoUpdate({
            target: [cartLines.cartId, cartLines.listingId],
            set: { qty: sql`max(${cartLines.qty}, excluded.qty)` },
          })
          .run();
      }
      db.delete(carts).where(eq(carts.id, guestCartId)).run();
    })
    .immediate();
}
