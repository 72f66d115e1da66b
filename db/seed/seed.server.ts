import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { hashPassword } from "~/modules/auth/passwords.server";
import { refreshOpenRequestMatches } from "~/modules/demand/stored-matches.server";
import { rebuildFtsIndex } from "~/modules/search/fts-index.server";
import type { Db } from "~db/client.server";
import { buyerProfiles, orgUnits, producerMemberships, staffMemberships, users } from "~db/schema";
import { readDemoCatalog } from "./csv.server";
import { shiftDaysFor } from "./dates";
import { DEMO_ACCOUNTS, DEMO_CSV_BUYER_PASSWORD, type DemoAccount } from "./demo-accounts";
import { seedDemoDemand } from "./demo-demand.server";
import { backdateDemoCatalog } from "./demo-backdate.server";
import { seedDemoCampaigns } from "./demo-campaigns.server";
import { seedDemoCommission } from "./demo-commission.server";
import { seedDemoHistory } from "./demo-history.server";
import { seedDemoMembers } from "./demo-members.server";
import { setDemoPickupHours } from "./demo-pickup-hours.server";
import { seedDemoBankAccounts } from "./demo-bank-accounts.server";
import { insertCatalog, lookup, storedPhone, type Hashes, type Tx } from "./insert-catalog.server";

export interface SeedOptions {
  /** The day the demo is seeded; every CSV date moves by (today − 2026-12-01). */
  today: Date;
  /** "demo" also creates the demo accounts and gives the CSV buyers a known password. */
  mode: "demo" | "live";
}

export interface SeedResult {
  /** False when the database already had org units and nothing was written. */
  seeded: boolean;
  shiftDays: number;
  counts: Record<
    "orgUnits" | "categories" | "producers" | "listings" | "buyers" | "purchaseRequests",
    number
  >;
  /** The accounts created for the demo (empty outside demo mode or when nothing was seeded). */
  demoAccounts: DemoAccount[];
}

/** True when the database has no org units, i.e. nothing was ever seeded or created. */
export function isDatabaseEmpty(db: Db | Tx): boolean {
  const row = db.select({ n: count() }).from(orgUnits).get();
  return (row?.n ?? 0) === 0;
}

function insertDemoAccounts(
  tx: Tx,
  ids: { orgUnitIds: Map<string, number>; producerIds: Map<string, number> },
  hashes: Hashes,
): void {
  for (const account of DEMO_ACCOUNTS as readonly DemoAccount[]) {
    const passwordHash = hashes.demoAccounts.get(account.key);
    if (!passwordHash) throw new Error(`no password hash for demo account ${account.key}`);
    const { id: userId } = tx
      .insert(users)
      .values({
        phone: storedPhone(account.phone),
        email: account.email.toLowerCase(),
        displayName: account.displayName,
        passwordHash,
        // Demo accounts count as confirmed (docs/decisions/029-care.md).
        phoneConfirmedAt: new Date(),
      })
      .returning({ id: users.id })
      .get();
    if (account.staff) {
      const orgUnitId = lookup(ids.orgUnitIds, account.staff.orgUnitCode, "org unit");
      for (const role of account.staff.roles) {
        tx.insert(staffMemberships).values({ userId, orgUnitId, role }).run();
      }
    }
    if (account.producer) {
      tx.insert(producerMemberships)
        .values({
          userId,
          producerId: lookup(ids.producerIds, account.producer.producerCode, "producer"),
          role: account.producer.role,
        })
        .run();
    }
    if (account.buyer) {
      tx.insert(buyerProfiles)
        .values({
          userId,
          kind: account.buyer.kind,
          companyName: account.buyer.companyName,
          province: account.buyer.province,
          city: account.buyer.city,
        })
        .run();
    }
  }
}

/**
 * Seeds the demo marketplace from db/seed/*.csv in one transaction, moving every date by
 * (today − 2026-12-01). Does nothing when the database already has org units, so it is
 * safe to call at every start. In demo mode it also creates DEMO_ACCOUNTS.
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedResult> {
  const shiftDays = shiftDaysFor(options.today);
  const counts = {
    orgUnits: 0,
    categories: 0,
    producers: 0,
    listings: 0,
    buyers: 0,
    purchaseRequests: 0,
  };
  const nothing: SeedResult = { seeded: false, shiftDays, counts, demoAccounts: [] };
  if (!isDatabaseEmpty(db)) return nothing;

  const catalog = readDemoCatalog();
  const isDemo = options.mode === "demo";
  // argon2id is slow on purpose: hash each distinct password once, before the transaction,
  // which is synchronous. Outside demo mode the CSV buyers share the hash of a random secret
  // that is thrown away, so nobody can log in as them until they reset their password.
  const hashes: Hashes = {
    csvBuyers: await hashPassword(
      isDemo ? DEMO_CSV_BUYER_PASSWORD : randomBytes(32).toString("base64url"),
    ),
    demoAccounts: new Map(),
  };
  if (isDemo) {
    for (const account of DEMO_ACCOUNTS) {
      hashes.demoAccounts.set(account.key, await hashPassword(account.password));
    }
  }

  // "immediate" takes the write lock first, so two processes starting at once cannot both seed.
  const seeded = db.transaction(
    (tx) => {
      if (!isDatabaseEmpty(tx)) return false;
      const ids = insertCatalog(tx, catalog, shiftDays, options.today.getTime(), hashes);
      if (isDemo) insertDemoAccounts(tx, ids, hashes);
      if (isDemo) setDemoPickupHours(tx);
      // The demo's year of orders needs a catalogue that was already on sale a year ago.
      if (isDemo) backdateDemoCatalog(db, options.today);
      // The embedded search index is derived from the catalog: build it in the same
      // transaction so search never disagrees with what was seeded.
      rebuildFtsIndex(db);
      return true;
    },
    { behavior: "immediate" },
  );
  if (!seeded) return nothing;

  // Matches are derived from the requests and the catalog, like the search index; the demo's
  // offers, threads and offline deals go through the demand use cases, after the catalog, and
  // its year of orders through the ordering module; then the Union's member records.
  await refreshOpenRequestMatches(db, { now: options.today });
  if (isDemo) {
    seedDemoBankAccounts(db);
    seedDemoDemand(db, { now: options.today });
    seedDemoCommission(db, { now: options.today });
    seedDemoHistory(db, { now: options.today });
    seedDemoMembers(db);
    seedDemoCampaigns(db, { now: options.today });
  }

  return {
    seeded: true,
    shiftDays,
    counts: {
      orgUnits: catalog.orgUnits.length,
      categories: catalog.categories.length,
      producers: catalog.producers.length,
      listings: catalog.products.length,
      buyers: catalog.buyers.length,
      purchaseRequests: catalog.purchaseRequests.length,
    },
    demoAccounts: isDemo ? [...DEMO_ACCOUNTS] : [],
  };
}
