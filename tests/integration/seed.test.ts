import { count, desc, eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPasswordPolicy, verifyPassword } from "~/modules/auth/passwords.server";
import { DEMO_ACCOUNTS, DEMO_CSV_BUYER_PASSWORD } from "~db/seed/demo-accounts";
import { isDatabaseEmpty, seedDemo } from "~db/seed/seed.server";
import { vietnamToday } from "~/lib/dates";
import { addDays, shiftDaysFor } from "~db/seed/dates";
import {
  buyerProfiles,
  categories,
  listingCertifications,
  listings,
  orgUnits,
  producerMemberships,
  producers,
  purchaseRequests,
  staffMemberships,
  users,
} from "~db/schema";
import { freshDb, type Db } from "../helpers/db";

// Noon in Việt Nam on 15 March 2027: 104 days after the CSVs' reference day, 2026-12-01.
const today = new Date("2027-03-15T05:00:00Z");

function countOf(db: Db, table: SQLiteTable) {
  return db.select({ n: count() }).from(table).get()?.n;
}

describe("seedDemo in demo mode", () => {
  let db: Db;

  beforeAll(async () => {
    db = freshDb();
    expect(isDatabaseEmpty(db)).toBe(true);
    const result = await seedDemo(db, { today, mode: "demo" });
    expect(result.seeded).toBe(true);
    expect(result.shiftDays).toBe(104);
  });

  it("loads every row of the CSVs", () => {
    expect(countOf(db, orgUnits)).toBe(85);
    expect(countOf(db, categories)).toBe(32);
    expect(countOf(db, producers)).toBe(45);
    expect(countOf(db, listings)).toBe(220);
    expect(countOf(db, purchaseRequests)).toBe(40);
    const buyers = db.select().from(buyerProfiles).all();
    // 25 from buyers.csv plus the demo business buyer.
    expect(buyers.filter((b) => b.code !== null)).toHaveLength(25);
    expect(isDatabaseEmpty(db)).toBe(false);
  });

  it("indexes every published listing for search", () => {
    const indexed = db.$client.prepare("select count(*) as n from listing_search").get();
    expect(indexed).toEqual({ n: 220 });
  });

  it("builds the org tree with materialized paths", () => {
    const province = db.select().from(orgUnits).where(eq(orgUnits.code, "QT")).get();
    const commune = db.select().from(orgUnits).where(eq(orgUnits.code, "QT-VINHLINH")).get();
    const branch = db.select().from(orgUnits).where(eq(orgUnits.code, "QT-VINHLINH-CH02")).get();
    expect(province?.path).toBe(`/${province?.id}/`);
    expect(commune?.parentId).toBe(province?.id);
    expect(commune?.path).toBe(`/${province?.id}/${commune?.id}/`);
    expect(branch?.path).toBe(`${commune?.path}${branch?.id}/`);
    expect(branch?.level).toBe("branch");
  });

  it("gives every commune-level org unit its official commune code (issue 11)", () => {
    const units = db.select().from(orgUnits).where(eq(orgUnits.level, "commune")).all();
    expect(units.length).toBeGreaterThan(20);
    expect(units.filter((unit) => !/^\d{5}$/.test(unit.communeCode ?? ""))).toEqual([]);
    const camLo = units.find((unit) => unit.name === "Hội LHPN xã Cam Lộ");
    expect(camLo?.communeCode).toBe("19597");
  });

  it("places every demo request in an official commune with its covering org unit (issue 11)", () => {
    const requests = db.select().from(purchaseRequests).all();
    expect(
      requests.filter(
        (r) => !r.provinceCode || !r.communeCode || r.orgUnitId === null || !r.deliveryLocation,
      ),
    ).toEqual([]);
    const unitOfCommune = new Map(
      db
        .select()
        .from(orgUnits)
        .all()
        .map((unit) => [unit.communeCode, unit.id]),
    );
    const inDongHa = requests.filter((r) => r.communeCode === "19333");
    expect(inDongHa.length).toBeGreaterThan(0);
    for (const request of inDongHa) {
      expect(request.orgUnitId).toBe(unitOfCommune.get("19333"));
      expect(request.deliveryLocation).toBe("Phường Đông Hà, Tỉnh Quảng Trị");
    }
  });

  it("publishes listings with unique ASCII slugs, tags and certifications", () => {
    const all = db.select().from(listings).all();
    expect(all.every((l) => l.status === "published" && l.publishedAt !== null)).toBe(true);
    expect(new Set(all.map((l) => l.slug)).size).toBe(220);
    expect(all.every((l) => /^[a-z0-9-]+$/.test(l.slug))).toBe(true);
    const first = all.find((l) => l.sku === "SP0001");
    expect(first?.slug).toBe("ho-tieu-den-vinh-linh-500g-sp0001");
    expect(first?.tags).toContain("tiêu vĩnh linh");
    expect(first?.ocopStars).toBe(4);
    const kinds = db
      .select({ kind: listingCertifications.kind })
      .from(listingCertifications)
      .where(eq(listingCertifications.listingId, first?.id ?? 0))
      .all()
      .map((c) => c.kind)
      .sort();
    expect(kinds).toEqual(["VietGAP", "chỉ dẫn địa lý"]);
    // OCOP stays on the listing (stars, certificate number, dates), never as a certification row.
    const allKinds = db
      .selectDistinct({ kind: listingCertifications.kind })
      .from(listingCertifications)
      .all()
      .map((c) => c.kind)
      .sort();
    expect(allKinds).toEqual(["HACCP", "VietGAP", "chỉ dẫn địa lý", "hữu cơ"]);
  });

  it("orders the newest listings the same way every time, mixing producers", () => {
    const newest = db
      .select({ sku: listings.sku, producerId: listings.producerId })
      .from(listings)
      .orderBy(desc(listings.publishedAt))
      .limit(8)
      .all();
    expect(newest[0]?.sku).toBe("SP0001");
    expect(new Set(newest.map((l) => l.producerId)).size).toBeGreaterThan(4);
    const times = db.select({ t: listings.publishedAt }).from(listings).all();
    expect(new Set(times.map((r) => r.t?.getTime())).size).toBe(220);
  });

  it("shifts every date by (today − 2026-12-01)", () => {
    const todayIso = vietnamToday(today);
    const expired = db.select().from(listings).where(eq(listings.sku, "SP0022")).get();
    expect(expired?.ocopExpiresOn && expired.ocopExpiresOn < todayIso).toBe(true);
    const expiring = db.select().from(listings).where(eq(listings.sku, "SP0017")).get();
    expect(expiring?.ocopExpiresOn && expiring.ocopExpiresOn >= todayIso).toBe(true);
    expect(expiring?.ocopExpiresOn && expiring.ocopExpiresOn <= addDays(todayIso, 30)).toBe(true);
    const request = db
      .select()
      .from(purchaseRequests)
      .where(eq(purchaseRequests.code, "YC001"))
      .get();
    // 2027-01-04 in the CSV, 104 days later here.
    expect(request?.neededBy).toBe("2027-04-18");
    expect(request?.targetPriceVnd).toBe(36000);
    expect(request?.recurrence).toBe("monthly");
  });

  it("gives CSV buyers a +84 phone, a profile and the documented demo password", async () => {
    const user = db.select().from(users).where(eq(users.phone, "+84900000218")).get();
    expect(user).toBeDefined();
    const profile = db
      .select()
      .from(buyerProfiles)
      .where(eq(buyerProfiles.userId, user?.id ?? 0))
      .get();
    expect(profile?.code).toBe("MUA18");
    expect(profile?.kind).not.toBe("individual");
    expect(profile?.companyName).toBe(user?.displayName);
    expect(await verifyPassword(user?.passwordHash ?? "", DEMO_CSV_BUYER_PASSWORD)).toBe(true);
  });

  it("creates one demo account per role with its memberships", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = db.select().from(users).where(eq(users.email, account.email)).get();
      expect(user?.phone).toBe(`+84${account.phone.slice(1)}`);
      expect(await verifyPassword(user?.passwordHash ?? "", account.password)).toBe(true);
    }
    const admin = db.select().from(users).where(eq(users.email, "admin@cungcau.demo")).get();
    const adminRoles = db
      .select({ role: staffMemberships.role, code: orgUnits.code })
      .from(staffMemberships)
      .innerJoin(orgUnits, eq(orgUnits.id, staffMemberships.orgUnitId))
      .where(eq(staffMemberships.userId, admin?.id ?? 0))
      .all();
    expect(adminRoles).toEqual([{ role: "admin", code: "QT" }]);
    const producer = db.select().from(users).where(eq(users.email, "sx001@cungcau.demo")).get();
    const membership = db
      .select({ role: producerMemberships.role, code: producers.code })
      .from(producerMemberships)
      .innerJoin(producers, eq(producers.id, producerMemberships.producerId))
      .where(eq(producerMemberships.userId, producer?.id ?? 0))
      .get();
    expect(membership).toEqual({ role: "owner", code: "SX001" });
    // The commune staff's commune contains the demo producer.
    const commune = db.select().from(orgUnits).where(eq(orgUnits.code, "QT-VINHLINH")).get();
    const sx001 = db
      .select({ path: orgUnits.path })
      .from(producers)
      .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
      .where(eq(producers.code, "SX001"))
      .get();
    expect(sx001?.path.startsWith(commune?.path ?? "-")).toBe(true);
  });

  it("uses demo passwords that the sign-up policy accepts, one per account", async () => {
    const passwords = [...DEMO_ACCOUNTS.map((a) => a.password), DEMO_CSV_BUYER_PASSWORD];
    expect(new Set(passwords).size).toBe(passwords.length);
    for (const password of passwords) expect(await checkPasswordPolicy(password)).toBeNull();
  });

  it("does nothing the second time", async () => {
    const again = await seedDemo(db, { today, mode: "demo" });
    expect(again.seeded).toBe(false);
    expect(again.demoAccounts).toEqual([]);
    expect(countOf(db, orgUnits)).toBe(85);
    expect(countOf(db, listings)).toBe(220);
  });
});

describe("seedDemo in live mode", () => {
  it("seeds the catalog without demo accounts or known passwords", async () => {
    const db = freshDb();
    const result = await seedDemo(db, { today, mode: "live" });
    expect(result.seeded).toBe(true);
    expect(result.demoAccounts).toEqual([]);
    expect(countOf(db, listings)).toBe(220);
    expect(countOf(db, staffMemberships)).toBe(0);
    expect(countOf(db, users)).toBe(25);
    const buyer = db.select().from(users).where(eq(users.phone, "+84900000201")).get();
    expect(await verifyPassword(buyer?.passwordHash ?? "", DEMO_CSV_BUYER_PASSWORD)).toBe(false);
  });

  it("computes the shift from the Vietnamese calendar day", () => {
    // 17:00 UTC on 30 November is midnight, 1 December, in Việt Nam (UTC+7).
    expect(shiftDaysFor(new Date("2026-11-30T17:00:00Z"))).toBe(0);
    expect(shiftDaysFor(new Date("2026-11-30T16:59:00Z"))).toBe(-1);
    expect(shiftDaysFor(new Date("2027-12-01T05:00:00Z"))).toBe(365);
  });
});
