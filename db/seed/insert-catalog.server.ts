import { eq } from "drizzle-orm";
import { normalizePhone } from "~/lib/contact";
import { findCommune } from "~/lib/places";
import { slugify } from "~/lib/text";
import { resolvePlace, type ResolvedPlace } from "~/modules/org/places.server";
import type { Db } from "~db/client.server";
import {
  buyerProfiles,
  categories,
  CERTIFICATION_KINDS,
  listingCertifications,
  listings,
  orgUnits,
  producers,
  purchaseRequests,
  users,
  type CertificationKind,
} from "~db/schema";
import type { DemoCatalog, OrgUnitRow } from "./csv.server";
import { addDays } from "./dates";
import type { DemoAccount } from "./demo-accounts";

/** Writing the demo catalog's rows (db/seed/*.csv), inside the seed's transaction. */

/** A drizzle transaction of the better-sqlite3 driver. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const HOUR_MS = 3_600_000;

/** The stored form of a CSV phone ("0900000201" → "+84900000201"); a bad one stops the seed. */
export function storedPhone(phone: string): string {
  const normalized = normalizePhone(phone);
  if (!normalized) throw new Error(`demo catalog: not a Vietnamese mobile number: ${phone}`);
  return normalized;
}

/**
 * A deterministic shuffle of positions 0…n−1 so "newest first" mixes producers and
 * categories instead of listing one producer's products in a row, yet never changes
 * between runs: rank(i) = (i × 37) mod n, ties (when step and n share a factor) broken by i.
 */
function spreadRanks(n: number, step = 37): number[] {
  const keyed = Array.from({ length: n }, (_, i) => ({ i, key: (i * step) % n }));
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  const ranks = new Array<number>(n);
  keyed.forEach(({ i }, rank) => (ranks[i] = rank));
  return ranks;
}

/** Org units ordered so every parent comes before its children. */
function parentsFirst(rows: OrgUnitRow[]): OrgUnitRow[] {
  const placed = new Set<string>();
  const ordered: OrgUnitRow[] = [];
  let remaining = rows;
  while (remaining.length > 0) {
    const ready = remaining.filter((r) => r.parent_code === null || placed.has(r.parent_code));
    if (ready.length === 0) {
      throw new Error(
        `org_units.csv: unknown or circular parents: ${remaining.map((r) => r.code)}`,
      );
    }
    for (const row of ready) {
      placed.add(row.code);
      ordered.push(row);
    }
    remaining = remaining.filter((r) => !placed.has(r.code));
  }
  return ordered;
}

/** The id for a CSV code; an unknown code stops the seed with the code named. */
export function lookup(map: Map<string, number>, code: string, what: string): number {
  const id = map.get(code);
  if (id === undefined) throw new Error(`demo catalog: unknown ${what} "${code}"`);
  return id;
}

function isCertificationKind(kind: string): kind is CertificationKind {
  return (CERTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** Password hashes computed before the (synchronous) transaction. */
export interface Hashes {
  csvBuyers: string;
  demoAccounts: Map<DemoAccount["key"], string>;
}

/** The Union's province: every commune-level org unit lies in it. */
const HOME_PROVINCE = "quang-tri";

/**
 * A delivery place of the demo requests named by a city only: its central ward, so every
 * request has official codes (docs/decisions/018-places.md).
 */
const CITY_CENTRES: Record<string, string> = {
  "Hà Nội": "Phường Hoàn Kiếm",
  Huế: "Phường Thuận Hóa",
  "Đà Nẵng": "Phường Hải Châu",
  "TP. Hồ Chí Minh": "Phường Sài Gòn",
};

/** The commune a commune-level unit covers: "Hội LHPN xã Cam Lộ" → Xã Cam Lộ; a miss stops the seed. */
export function communeOfUnit(unitName: string) {
  const commune = findCommune(unitName.replace(/^Hội LHPN /, ""), HOME_PROVINCE);
  if (!commune) throw new Error(`org_units.csv: no commune for "${unitName}"`);
  return commune;
}

/** A demo request's place ("xã Lìa", "Hà Nội") resolved to codes and its covering org unit. */
function requestPlace(
  place: string,
  unitByCommune: Map<string, number>,
  rootId: number | undefined,
) {
  const centre = CITY_CENTRES[place];
  const resolved = centre
    ? resolvePlace({ province: place, commune: centre })
    : resolvePlace({ province: HOME_PROVINCE, commune: place });
  if (!resolved.ok) throw new Error(`purchase_requests.csv: unknown place "${place}"`);
  const { provinceCode, communeCode, label }: ResolvedPlace = resolved.place;
  return {
    provinceCode,
    communeCode,
    deliveryLocation: label,
    orgUnitId: unitByCommune.get(communeCode) ?? rootId ?? null,
  };
}

/** Inserts org units (with paths), categories, producers, listings, buyers and requests. */
export function insertCatalog(
  tx: Tx,
  catalog: DemoCatalog,
  shift: number,
  todayMs: number,
  hashes: Hashes,
) {
  const orgUnitIds = new Map<string, number>();
  const orgUnitPaths = new Map<string, string>();
  const unitByCommune = new Map<string, number>();
  let rootUnitId: number | undefined;
  for (const row of parentsFirst(catalog.orgUnits)) {
    const parentId =
      row.parent_code === null ? null : lookup(orgUnitIds, row.parent_code, "org unit");
    const parentPath = row.parent_code === null ? "/" : (orgUnitPaths.get(row.parent_code) ?? "/");
    const communeCode = row.level === "commune" ? communeOfUnit(row.name).code : null;
    // The path holds the row's own id, known only after the insert.
    const { id } = tx
      .insert(orgUnits)
      .values({
        code: row.code,
        name: row.name,
        level: row.level,
        parentId,
        path: "/0/",
        communeCode,
      })
      .returning({ id: orgUnits.id })
      .get();
    const path = `${parentPath}${id}/`;
    tx.update(orgUnits).set({ path }).where(eq(orgUnits.id, id)).run();
    orgUnitIds.set(row.code, id);
    if (communeCode) unitByCommune.set(communeCode, id);
    if (row.parent_code === null) rootUnitId ??= id;
    orgUnitPaths.set(row.code, path);
  }

  const categoryIds = new Map<string, number>();
  catalog.categories.forEach((row, position) => {
    const parentId =
      row.parent_code === null ? null : lookup(categoryIds, row.parent_code, "category");
    const { id } = tx
      .insert(categories)
      .values({ code: row.code, nameVi: row.name_vi, nameEn: row.name_en, parentId, position })
      .returning({ id: categories.id })
      .get();
    categoryIds.set(row.code, id);
  });

  const producerIds = new Map<string, number>();
  for (const row of catalog.producers) {
    const { id } = tx
      .insert(producers)
      .values({
        code: row.code,
        name: row.name,
        kind: row.kind,
        orgUnitId: lookup(orgUnitIds, row.org_unit_code, "org unit"),
        commune: row.commune,
        address: row.address,
        phone: row.phone,
        membersTotal: row.members_total,
        membersWomen: row.members_women,
        membersEthnicMinority: row.ethnic_minority_members,
        membersPoorHousehold: row.poor_household_members,
        foundedYear: row.founded_year,
        story: row.story,
        verificationStatus: "verified",
      })
      .returning({ id: producers.id })
      .get();
    producerIds.set(row.code, id);
  }

  const ranks = spreadRanks(catalog.products.length);
  catalog.products.forEach((row, index) => {
    const publishedAt = new Date(todayMs - ((ranks[index] ?? index) + 1) * 7 * HOUR_MS);
    const { id } = tx
      .insert(listings)
      .values({
        sku: row.sku,
        producerId: lookup(producerIds, row.producer_code, "producer"),
        title: row.title,
        slug: `${slugify(row.title)}-${row.sku.toLowerCase()}`,
        description: row.description,
        categoryId: lookup(categoryIds, row.category, "category"),
        priceVnd: row.price_vnd,
        unit: row.unit,
        minOrderQty: row.min_order_qty,
        stock: row.stock,
        season: row.season,
        tags: row.tags,
        ocopStars: row.ocop_stars,
        ocopCertificateNo: row.ocop_stars > 0 ? row.ocop_certificate_no : null,
        ocopIssuedOn:
          row.ocop_stars > 0 && row.ocop_issued_on ? addDays(row.ocop_issued_on, shift) : null,
        ocopExpiresOn:
          row.ocop_stars > 0 && row.ocop_expires_on ? addDays(row.ocop_expires_on, shift) : null,
        status: "published",
        publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      })
      .returning({ id: listings.id })
      .get();
    for (const kind of row.certifications) {
      if (kind === "OCOP") continue; // OCOP lives on the listing with its stars.
      if (!isCertificationKind(kind)) {
        throw new Error(`products.csv ${row.sku}: unknown certification "${kind}"`);
      }
      tx.insert(listingCertifications).values({ listingId: id, kind }).run();
    }
  });

  const buyerUserIds = new Map<string, number>();
  for (const row of catalog.buyers) {
    const { id } = tx
      .insert(users)
      .values({
        phone: storedPhone(row.phone),
        displayName: row.name,
        passwordHash: hashes.csvBuyers,
        phoneConfirmedAt: new Date(),
      })
      .returning({ id: users.id })
      .get();
    tx.insert(buyerProfiles)
      .values({
        userId: id,
        code: row.code,
        kind: row.kind,
        companyName: row.kind === "individual" ? null : row.name,
        province: row.province,
        city: row.city,
        notes: row.notes,
      })
      .run();
    buyerUserIds.set(row.code, id);
  }

  const requestRanks = spreadRanks(catalog.purchaseRequests.length, 7);
  catalog.purchaseRequests.forEach((row, index) => {
    const createdAt = new Date(todayMs - ((requestRanks[index] ?? index) + 1) * 11 * HOUR_MS);
    tx.insert(purchaseRequests)
      .values({
        code: row.code,
        buyerUserId: lookup(buyerUserIds, row.buyer_code, "buyer"),
        title: row.title,
        description: row.description,
        categoryId: lookup(categoryIds, row.category, "category"),
        quantity: row.quantity,
        unit: row.unit,
        targetPriceVnd: row.target_price_vnd,
        ...requestPlace(row.delivery_commune_or_city, unitByCommune, rootUnitId),
        neededBy: addDays(row.needed_by, shift),
        recurrence: row.recurring,
        status: "open",
        createdAt,
        updatedAt: createdAt,
      })
      .run();
  });

  return { orgUnitIds, producerIds };
}
