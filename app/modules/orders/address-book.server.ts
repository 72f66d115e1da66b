import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { buyerAddresses } from "~db/schema";
import { NotFound } from "~/lib/errors";
import type { AddressBookInput } from "~/lib/schemas/address-book";
import type { ShippingAddress } from "./place-order.server";

/**
 * The buyer's address book. Every query names the owner (`userId`): another buyer's address
 * is not found, never refused after being read.
 */

export type SavedAddress = typeof buyerAddresses.$inferSelect;

const owned = (userId: number, id: number) =>
  and(eq(buyerAddresses.id, id), eq(buyerAddresses.userId, userId));

/** The buyer's addresses: the default first, then the most recently used, then the newest. */
export function listAddresses(db: Db, userId: number): SavedAddress[] {
  return db
    .select()
    .from(buyerAddresses)
    .where(eq(buyerAddresses.userId, userId))
    .orderBy(
      desc(buyerAddresses.isDefault),
      sql`${buyerAddresses.lastUsedAt} IS NULL`,
      desc(buyerAddresses.lastUsedAt),
      desc(buyerAddresses.id),
    )
    .all();
}

/** One of the buyer's addresses; NotFound for another buyer's or none. */
export function getAddress(db: Db, userId: number, id: number): SavedAddress {
  const row = db.select().from(buyerAddresses).where(owned(userId, id)).get();
  if (!row) throw new NotFound("addressBook.error.notFound");
  return row;
}

/**
 * The address the checkout starts with: the one last used for an order, else the default,
 * else none.
 */
export function preferredAddress(db: Db, userId: number): SavedAddress | undefined {
  return db
    .select()
    .from(buyerAddresses)
    .where(eq(buyerAddresses.userId, userId))
    .orderBy(
      sql`${buyerAddresses.lastUsedAt} IS NULL`,
      desc(buyerAddresses.lastUsedAt),
      desc(buyerAddresses.isDefault),
      desc(buyerAddresses.id),
    )
    .get();
}

function addressColumns(input: Omit<AddressBookInput, "isDefault">) {
  return {
    name: input.name,
    phone: input.phone,
    province: input.province,
    communeCode: input.communeCode,
    commune: input.commune,
    address: input.address,
  };
}

/** Only one default per buyer: the others lose it first (inside the caller's transaction). */
function clearDefault(db: Db, userId: number) {
  db.update(buyerAddresses)
    .set({ isDefault: false })
    .where(and(eq(buyerAddresses.userId, userId), eq(buyerAddresses.isDefault, true)))
    .run();
}

function hasAddresses(db: Db, userId: number): boolean {
  return (
    db
      .select({ id: buyerAddresses.id })
      .from(buyerAddresses)
      .where(eq(buyerAddresses.userId, userId))
      .get() !== undefined
  );
}

/** Adds an address; the buyer's first one becomes the default. */
export function addAddress(db: Db, userId: number, input: AddressBookInput): number {
  return db.transaction(() => {
    const isDefault = input.isDefault || !hasAddresses(db, userId);
    if (isDefault) clearDefault(db, userId);
    return db
      .insert(buyerAddresses)
      .values({ userId, ...addressColumns(input), isDefault })
      .returning({ id: buyerAddresses.id })
      .get().id;
  });
}

/** Changes one of the buyer's addresses; NotFound for another buyer's. */
export function updateAddress(db: Db, userId: number, id: number, input: AddressBookInput): void {
  db.transaction(() => {
    getAddress(db, userId, id);
    if (input.isDefault) clearDefault(db, userId);
    db.update(buyerAddresses)
      .set({
        ...addressColumns(input),
        ...(input.isDefault ? { isDefault: true } : {}),
        updatedAt: new Date(),
      })
      .where(owned(userId, id))
      .run();
  });
}

/** Makes one of the buyer's addresses the default; NotFound for another buyer's. */
export function makeDefaultAddress(db: Db, userId: number, id: number): void {
  db.transaction(() => {
    getAddress(db, userId, id);
    clearDefault(db, userId);
    db.update(buyerAddresses)
      .set({ isDefault: true, updatedAt: new Date() })
      .where(owned(userId, id))
      .run();
  });
}

/** Deletes one of the buyer's addresses; NotFound for another buyer's. Orders keep their copy. */
export function deleteAddress(db: Db, userId: number, id: number): void {
  const removed = db
    .delete(buyerAddresses)
    .where(owned(userId, id))
    .returning({ id: buyerAddresses.id })
    .get();
  if (!removed) throw new NotFound("addressBook.error.notFound");
}

/**
 * The address an order went to, kept in the book ("Lưu địa chỉ này"): the same address
 * (same receiver, phone and place) is marked as last used, a new one is added.
 */
export function rememberAddress(
  db: Db,
  userId: number,
  shipping: ShippingAddress & { communeCode: string },
  now = new Date(),
): void {
  db.transaction(() => {
    const same = db
      .select({ id: buyerAddresses.id })
      .from(buyerAddresses)
      .where(
        and(
          eq(buyerAddresses.userId, userId),
          eq(buyerAddresses.name, shipping.name),
          eq(buyerAddresses.phone, shipping.phone),
          eq(buyerAddresses.communeCode, shipping.communeCode),
          eq(buyerAddresses.address, shipping.address),
        ),
      )
      .get();
    if (same) {
      db.update(buyerAddresses).set({ lastUsedAt: now }).where(owned(userId, same.id)).run();
      return;
    }
    const isDefault = !hasAddresses(db, userId);
    db.insert(buyerAddresses)
      .values({ userId, ...addressColumns(shipping), isDefault, lastUsedAt: now })
      .run();
  });
}
