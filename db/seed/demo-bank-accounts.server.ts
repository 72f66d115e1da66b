import { and, asc, eq, isNull } from "drizzle-orm";
import { bankByBin } from "~/lib/banks";
import { removeMarks } from "~/lib/text";
import type { Db } from "~db/client.server";
import { producers } from "~db/schema";
import { seededRandom } from "./seeded-random";

/**
 * The demo producers' bank accounts, so the demo's transfer orders show a VietQR code a
 * banking app can read: real NAPAS BINs of banks common in Quảng Trị (app/lib/banks.ts),
 * made-up account numbers, and the holder's name in capitals without marks, as banks print
 * it. Deterministic, demo mode only, and only for producers that have no account yet.
 */

/** Left without an account on purpose: the demo shows why a cart with her products cannot be paid by transfer. */
export const DEMO_PRODUCER_WITHOUT_BANK_ACCOUNT = "SX003";

/** Banks with branches in the province's districts, most common first, with their account number lengths. */
const DEMO_BANKS = [
  { bin: "970405", digits: 13 }, // Agribank
  { bin: "970405", digits: 13 },
  { bin: "970436", digits: 13 }, // Vietcombank
  { bin: "970415", digits: 12 }, // VietinBank
  { bin: "970418", digits: 14 }, // BIDV
  { bin: "970449", digits: 12 }, // LPBank
  { bin: "970422", digits: 13 }, // MB Bank
] as const;

/** A name as a bank prints it on the account: no marks, capitals, single spaces. */
export function bankHolderName(name: string): string {
  return removeMarks(name.normalize("NFC"))
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Gives every demo producer but one a fictional bank account; returns how many got one. */
export function seedDemoBankAccounts(db: Db): number {
  const random = seededRandom(970_405);
  const withoutAccount = db
    .select({ id: producers.id, code: producers.code, name: producers.name })
    .from(producers)
    .where(and(isNull(producers.bankBin), isNull(producers.bankAccountNumber)))
    .orderBy(asc(producers.code))
    .all();
  let count = 0;
  for (const producer of withoutAccount) {
    const bank = random.pick(DEMO_BANKS);
    const accountNumber = Array.from({ length: bank.digits }, (_, i) =>
      // No leading zero: some apps drop it.
      String(i === 0 ? random.int(1, 9) : random.int(0, 9)),
    ).join("");
    if (producer.code === DEMO_PRODUCER_WITHOUT_BANK_ACCOUNT) continue;
    if (!bankByBin(bank.bin)) throw new Error(`demo bank ${bank.bin} is not in app/lib/banks.ts`);
    db.update(producers)
      .set({
        bankBin: bank.bin,
        bankAccountNumber: accountNumber,
        bankAccountName: bankHolderName(producer.name),
      })
      .where(eq(producers.id, producer.id))
      .run();
    count += 1;
  }
  return count;
}
