import { Invalid, NotFound } from "~/lib/errors";
import { verifyPassword } from "~/modules/auth/passwords.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { logger } from "~/modules/platform/logger.server";
import { inTransaction, prepared, type Db } from "~db/client.server";
import { ERASED, MIN_SEARCHED_LENGTH, scrubEverywhere } from "./scrub.server";

/*
 * Closing an account (decree 13/2023/NĐ-CP, issue 15 item 7). Two steps:
 *  1. She asks, re-entering her password: the account is disabled at once (no login, every
 *     session ended), her open purchase requests are closed.
 *  2. Once none of her orders is still open (every one completed or cancelled), her personal
 *     fields are anonymised: the account row holds placeholders, her addresses, sessions,
 *     tokens, codes and notifications are deleted, her orders keep their amounts and lines
 *     but not her name, phone or address, and every other text in the database is scrubbed
 *     of her name, phones, e-mail and addresses (scrub.server.ts). Orders, invoices, payments,
 *     refunds and payouts keep every amount, so each producer's ledger still adds up.
 * Step 2 runs at once when nothing is open, else from the background job.
 */

/** Order statuses after which nothing more happens to an order. */
const FINAL_ORDER_STATUSES = ["completed", "cancelled"] as const;

/** The name an anonymised account shows wherever her old name appeared. */
export const CLOSED_ACCOUNT_NAME = "Tài khoản đã đóng";

export interface CloseResult {
  /** True when her personal fields are already anonymised; false while orders are open. */
  anonymised: boolean;
  openOrders: number;
}

function openOrderCount(db: Db, userId: number): number {
  return prepared<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM orders WHERE buyer_user_id = ?
     AND status NOT IN (${FINAL_ORDER_STATUSES.map((s) => `'${s}'`).join(", ")})`,
  ).get(userId)!.n;
}

/** How many of her orders are not finished yet (shown before she confirms). */
export function closingPreview(db: Db, userId: number): { openOrders: number } {
  return { openOrders: openOrderCount(db, userId) };
}

/**
 * She asks to close her account. Refuses (Invalid, on the password field) a wrong password;
 * staff accounts are closed by the Union, not here.
 */
export async function requestAccountClosure(
  db: Db,
  input: { userId: number; password: string; ipAddress?: string | null; now?: Date },
): Promise<CloseResult> {
  const now = input.now ?? new Date();
  const user = prepared<{ passwordHash: string; closeRequestedAt: number | null }>(
    db,
    "SELECT password_hash AS passwordHash, close_requested_at AS closeRequestedAt FROM users WHERE id = ?",
  ).get(input.userId);
  if (!user) throw new NotFound("privacy.error.noAccount");
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new Invalid("privacy.error.wrongPassword", {}, { field: "password" });
  }
  const isStaff = prepared<{ n: number }>(
    db,
    "SELECT count(*) AS n FROM staff_memberships WHERE user_id = ?",
  ).get(input.userId)!.n;
  if (isStaff > 0) throw new Invalid("privacy.error.staffAccount");

  inTransaction(db, () => {
    prepared(
      db,
      "UPDATE users SET close_requested_at = coalesce(close_requested_at, ?), is_disabled = 1, updated_at = ? WHERE id = ?",
    ).run(now.getTime(), now.getTime(), input.userId);
    prepared(db, "DELETE FROM sessions WHERE user_id = ?").run(input.userId);
    prepared(
      db,
      `UPDATE purchase_requests SET status = 'closed', closed_at = ?, close_reason = 'owner', updated_at = ?
       WHERE buyer_user_id = ? AND status = 'open'`,
    ).run(now.getTime(), now.getTime(), input.userId);
    writeAudit(db, {
      actorUserId: input.userId,
      action: "account.close_requested",
      entityType: "user",
      entityId: input.userId,
      orgUnitId: null,
      ipAddress: input.ipAddress ?? null,
      assistedProducerId: null,
    });
  });
  const openOrders = openOrderCount(db, input.userId);
  if (openOrders > 0) return { anonymised: false, openOrders };
  anonymiseAccount(db, input.userId, now);
  return { anonymised: true, openOrders: 0 };
}

/** Every way her identifying strings were written, for the scrub of the rest of the database. */
function identifyingStrings(db: Db, userId: number): string[] {
  const user = prepared<{ displayName: string; phone: string | null; email: string | null }>(
    db,
    "SELECT display_name AS displayName, phone, email FROM users WHERE id = ?",
  ).get(userId)!;
  const phones = new Set<string>();
  const words = new Set<string>();
  const addPhone = (phone: string | null | undefined) => {
    const digits = (phone ?? "").replace(/\D/g, "");
    if (digits.length < 8) return;
    const national = digits.startsWith("84") ? `0${digits.slice(2)}` : digits;
    phones.add(phone!.trim());
    phones.add(national);
    phones.add(`+84${national.slice(1)}`);
    phones.add(`84${national.slice(1)}`);
  };
  const addWords = (text: string | null | undefined) => {
    const value = (text ?? "").trim();
    if (value.length >= MIN_SEARCHED_LENGTH) words.add(value);
  };
  addPhone(user.phone);
  addWords(user.displayName);
  const strings: string[] = [];
  if (user.email) strings.push(user.email);
  for (const a of prepared<{ name: string; phone: string; address: string }>(
    db,
    "SELECT name, phone, address FROM buyer_addresses WHERE user_id = ?",
  ).all(userId)) {
    addPhone(a.phone);
    addWords(a.name);
    addWords(a.address);
  }
  for (const o of prepared<{ shipName: string; shipPhone: string; shipAddress: string }>(
    db,
    "SELECT ship_name AS shipName, ship_phone AS shipPhone, ship_address AS shipAddress FROM orders WHERE buyer_user_id = ?",
  ).all(userId)) {
    addPhone(o.shipPhone);
    addWords(o.shipName);
    addWords(o.shipAddress);
  }
  for (const r of prepared<{ name: string | null }>(
    db,
    "SELECT to_account_name AS name FROM refunds WHERE order_id IN (SELECT id FROM orders WHERE buyer_user_id = ?)",
  ).all(userId)) {
    addWords(r.name);
  }
  return [...strings, ...phones, ...words].filter((s) => s !== ERASED);
}

/**
 * Replaces her personal fields (step 2). Idempotent; refuses nothing: the caller decides
 * when. Amounts, order lines, payments, refunds and payouts are never changed.
 */
export function anonymiseAccount(db: Db, userId: number, now = new Date()): void {
  inTransaction(db, () => {
    const needles = identifyingStrings(db, userId);
    const at = now.getTime();
    prepared(
      db,
      `UPDATE users SET display_name = ?, phone = NULL, email = ?, password_hash = '!closed',
         is_disabled = 1, close_requested_at = coalesce(close_requested_at, ?), closed_at = ?,
         updated_at = ?
       WHERE id = ?`,
    ).run(CLOSED_ACCOUNT_NAME, `closed-${userId}@closed.invalid`, at, at, at, userId);
    prepared(
      db,
      `UPDATE buyer_profiles SET company_name = NULL, tax_code = NULL, city = NULL, notes = NULL
       WHERE user_id = ?`,
    ).run(userId);
    for (const table of [
      "buyer_addresses",
      "sessions",
      "api_tokens",
      "one_time_codes",
      "notifications",
      "notification_preferences",
      "carts",
    ]) {
      prepared(db, `DELETE FROM ${table} WHERE user_id = ?`).run(userId);
    }
    prepared(
      db,
      `UPDATE orders SET ship_name = ?, ship_phone = ?, ship_address = ?, note = NULL
       WHERE buyer_user_id = ?`,
    ).run(ERASED, ERASED, ERASED, userId);
    // The company's invoice details stay for tax law; the e-mail they were sent to is hers.
    prepared(
      db,
      `UPDATE invoice_requests SET email = NULL
       WHERE order_id IN (SELECT id FROM orders WHERE buyer_user_id = ?)`,
    ).run(userId);
    // Her bank account for refunds: the amounts stay, the account does not.
    prepared(
      db,
      `UPDATE refunds SET to_account_number = CASE WHEN to_account_number IS NULL THEN NULL ELSE ? END,
         to_account_name = CASE WHEN to_account_name IS NULL THEN NULL ELSE ? END
       WHERE order_id IN (SELECT id FROM orders WHERE buyer_user_id = ?)`,
    ).run(ERASED, ERASED, userId);
    prepared(
      db,
      "UPDATE outbound_messages SET recipient = ?, subject = '', body = ? WHERE user_id = ?",
    ).run(ERASED, ERASED, userId);
    // An invitation to a producer's team is nothing but her phone (its format is checked).
    for (const needle of needles) {
      prepared(db, "DELETE FROM producer_team_invites WHERE phone = ?").run(needle);
    }
    scrubEverywhere(db, needles);
    writeAudit(db, {
      actorUserId: null,
      action: "account.anonymised",
      entityType: "user",
      entityId: userId,
      orgUnitId: null,
      assistedProducerId: null,
    });
  });
}

/**
 * The background job: anonymises every account whose closing was asked and whose orders are
 * all finished now. Returns how many were anonymised.
 */
export function anonymiseClosedAccounts(db: Db, now = new Date()): number {
  const waiting = prepared<{ id: number }>(
    db,
    "SELECT id FROM users WHERE close_requested_at IS NOT NULL AND closed_at IS NULL",
  ).all();
  let done = 0;
  for (const { id } of waiting) {
    if (openOrderCount(db, id) > 0) continue;
    try {
      anonymiseAccount(db, id, now);
      done += 1;
    } catch (error) {
      logger.error({ err: error, userId: id }, "anonymising a closed account failed");
    }
  }
  return done;
}

const HOUR_MS = 60 * 60_000;

/** Runs `anonymiseClosedAccounts` soon after start and then every hour. */
export function scheduleAnonymiseJob(db: Db): void {
  const run = () => {
    try {
      const done = anonymiseClosedAccounts(db);
      if (done > 0) logger.info({ accounts: done }, "closed accounts anonymised");
    } catch (error) {
      logger.error({ err: error }, "anonymise job failed");
    }
  };
  setTimeout(run, 60_000).unref();
  setInterval(run, HOUR_MS).unref();
}
