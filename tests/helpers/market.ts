import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "~db/client.server";
import {
  categories,
  listings,
  producerMemberships,
  producers,
  staffMemberships,
  users,
} from "~db/schema";
import type { SignedInActor } from "~/modules/auth/actor";

/**
 * A tiny marketplace for order tests: a province with one commune, two verified producers
 * (A with a bank account and a delivery fee, B without), listings, a buyer, one member per
 * producer and a provincial admin. Passwords are placeholders: these users never log in.
 */
export function makeMarket(db: Db, options: { commissionBasisPoints?: number } = {}) {
  // Org units by plain SQL: the migration tests build this market on older schemas too, and the
  // ORM's insert names every column of today's org_units (commune_code came later).
  const insertOrgUnit = db.$client.prepare(
    `INSERT INTO org_units (id, code, name, level, parent_id, path) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  insertOrgUnit.run(1, "T", "Hội LHPN tỉnh Test", "province", null, "/1/");
  insertOrgUnit.run(2, "T-X", "Hội LHPN xã Test", "commune", 1, "/1/2/");
  if (options.commissionBasisPoints) {
    db.$client
      .prepare(
        "INSERT INTO commission_rates (org_unit_id, basis_points, starts_on) VALUES (2, ?, '2000-01-01')",
      )
      .run(options.commissionBasisPoints);
  }
  const province = { id: 1, code: "T", path: "/1/" };
  const commune = { id: 2, code: "T-X", path: "/1/2/" };
  const category = db
    .insert(categories)
    .values({ code: "gia-vi", nameVi: "Gia vị", nameEn: "Spices" })
    .returning()
    .get();
  const producerA = insertGiven(db, producers, {
    code: "SXA",
    name: "HTX A",
    kind: "htx",
    orgUnitId: commune.id,
    commune: "xã Test",
    address: "thôn 1, xã Test",
    membersTotal: 10,
    bankBin: "970436",
    bankAccountNumber: "0123456789",
    bankAccountName: "HTX A",
    deliveryFeeVnd: 30000,
    verificationStatus: "verified",
  });
  const producerB = insertGiven(db, producers, {
    code: "SXB",
    name: "Tổ B",
    kind: "tho",
    orgUnitId: commune.id,
    commune: "xã Test",
    address: "thôn 2, xã Test",
    membersTotal: 5,
    deliveryFeeVnd: 20000,
    verificationStatus: "verified",
  });
  const listing = (
    producerId: number,
    sku: string,
    priceVnd: number,
    stock: number,
    minOrderQty = 1,
  ) =>
    insertGiven(db, listings, {
      sku,
      producerId,
      title: `Sản phẩm ${sku}`,
      slug: `san-pham-${sku.toLowerCase()}`,
      categoryId: category.id,
      priceVnd,
      unit: "gói",
      minOrderQty,
      stock,
      status: "published",
      publishedAt: new Date(),
    });
  const pepper = listing(producerA.id, "SP0001", 120000, 10);
  const bulk = listing(producerA.id, "SP0002", 50000, 100, 5);
  const squid = listing(producerB.id, "SP0003", 300000, 4);
  // Users and memberships name only the columns given, for the same reason as org units.
  const user = (name: string, email: string) =>
    insertGiven(db, users, { email, passwordHash: "x", displayName: name });
  const buyer = user("Người Mua", "mua@example.vn");
  const otherBuyer = user("Người Khác", "khac@example.vn");
  const memberA = user("Chị A", "a@example.vn");
  const memberB = user("Chị B", "b@example.vn");
  const admin = user("Quản trị", "admin@example.vn");
  const moderator = user("Kiểm duyệt", "mod@example.vn");
  insertGiven(db, producerMemberships, {
    userId: memberA.id,
    producerId: producerA.id,
    role: "owner",
  });
  insertGiven(db, producerMemberships, {
    userId: memberB.id,
    producerId: producerB.id,
    role: "owner",
  });
  db.insert(staffMemberships)
    .values([
      { userId: admin.id, orgUnitId: province.id, role: "admin" },
      { userId: moderator.id, orgUnitId: commune.id, role: "moderator" },
    ])
    .run();

  const actorOf = (
    u: { id: number; displayName: string },
    extra: Partial<SignedInActor> = {},
  ): SignedInActor => ({
    kind: "user",
    userId: u.id,
    sessionId: null,
    displayName: u.displayName,
    locale: "vi",
    isBuyer: true,
    producers: [],
    staff: [],
    ...extra,
  });
  const actors = {
    buyer: actorOf(buyer),
    otherBuyer: actorOf(otherBuyer),
    memberA: actorOf(memberA, {
      producers: [
        { producerId: producerA.id, producerCode: "SXA", producerName: "HTX A", role: "owner" },
      ],
    }),
    memberB: actorOf(memberB, {
      producers: [
        { producerId: producerB.id, producerCode: "SXB", producerName: "Tổ B", role: "owner" },
      ],
    }),
    admin: actorOf(admin, {
      staff: [{ orgUnitId: province.id, orgUnitCode: "T", orgUnitPath: "/1/", role: "admin" }],
    }),
    moderator: actorOf(moderator, {
      staff: [
        { orgUnitId: commune.id, orgUnitCode: "T-X", orgUnitPath: "/1/2/", role: "moderator" },
      ],
    }),
  };
  return {
    province,
    commune,
    category,
    producerA,
    producerB,
    pepper,
    bulk,
    squid,
    buyer,
    otherBuyer,
    memberA,
    memberB,
    admin,
    actors,
  };
}

export const SHIPPING = {
  name: "Người Mua",
  phone: "0900000201",
  province: "Quảng Trị",
  commune: "phường Đông Hà",
  address: "12 Lê Duẩn, khu phố 3",
};

let keyCounter = 0;
/** A fresh idempotency key for a test checkout. */
export function newKey(): string {
  keyCounter += 1;
  return `test-key-${process.pid}-${keyCounter}`;
}

/**
 * Inserts a row naming only the given columns and returns them with the new id. The ORM's
 * insert names every column of today's table, which the migration tests' older schemas lack.
 */
function insertGiven<T extends SQLiteTable, V extends Partial<T["$inferInsert"]>>(
  db: Db,
  table: T,
  values: V,
): V & { id: number } {
  const columns = getTableColumns(table);
  const names: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(values)) {
    const column = columns[key];
    if (!column) throw new Error(`no column ${key}`);
    names.push(column.name);
    params.push(value instanceof Date ? value.getTime() : value);
  }
  const result = db.$client
    .prepare(
      `INSERT INTO ${getTableName(table)} (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")})`,
    )
    .run(...params);
  return { ...values, id: Number(result.lastInsertRowid) };
}
