import { eq } from "drizzle-orm";
import type { Actor, SignedInActor } from "~/modules/auth/actor";
import type { ListingInput } from "~/lib/schemas/listing";
import type { Db } from "~db/client.server";
import {
  categories,
  orgUnits,
  producerMemberships,
  producers,
  staffMemberships,
  users,
  type StaffRole,
} from "~db/schema";

/**
 * A small supply-side world for module tests: a province with communes A and B, a
 * producer in each, two categories, and actors built directly (no sessions needed).
 */
export interface SupplyWorld {
  province: { id: number; path: string };
  communeA: { id: number; path: string };
  communeB: { id: number; path: string };
  producerA: { id: number; code: string };
  producerB: { id: number; code: string };
  categoryId: number;
  otherCategoryId: number;
  producer: SignedInActor;
  otherProducer: SignedInActor;
  /** Moderator of commune A. */
  communeStaff: SignedInActor;
  /** Moderator of commune B. */
  otherCommuneStaff: SignedInActor;
  provinceModerator: SignedInActor;
  reporter: SignedInActor;
  anonymous: Actor;
}

let counter = 0;

function user(db: Db, name: string): number {
  counter += 1;
  return db
    .insert(users)
    .values({
      phone: `+8491${String(1_000_000 + counter)}`,
      passwordHash: "$argon2id$not-used",
      displayName: name,
    })
    .returning({ id: users.id })
    .get().id;
}

function orgUnit(
  db: Db,
  code: string,
  level: "province" | "commune",
  parent: { id: number; path: string } | null,
) {
  const id = db
    .insert(orgUnits)
    .values({ code, name: `Hội LHPN ${code}`, level, parentId: parent?.id ?? null, path: "/0/" })
    .returning({ id: orgUnits.id })
    .get().id;
  const path = `${parent?.path ?? "/"}${id}/`;
  db.update(orgUnits).set({ path }).where(eq(orgUnits.id, id)).run();
  return { id, path };
}

function producer(db: Db, code: string, orgUnitId: number) {
  const id = db
    .insert(producers)
    .values({
      code,
      name: `HTX ${code}`,
      kind: "htx",
      orgUnitId,
      commune: "xã Thử",
      address: "thôn 1, xã Thử, Quảng Trị",
      membersTotal: 10,
      membersWomen: 8,
      verificationStatus: "verified",
    })
    .returning({ id: producers.id })
    .get().id;
  return { id, code };
}

function producerActor(db: Db, p: { id: number; code: string }): SignedInActor {
  const userId = user(db, `Thành viên ${p.code}`);
  db.insert(producerMemberships).values({ userId, producerId: p.id, role: "owner" }).run();
  return {
    kind: "user",
    userId,
    sessionId: null,
    displayName: `Thành viên ${p.code}`,
    locale: "vi",
    isBuyer: false,
    producers: [
      { producerId: p.id, producerCode: p.code, producerName: `HTX ${p.code}`, role: "owner" },
    ],
    staff: [],
  };
}

function staffActor(db: Db, unit: { id: number; path: string }, role: StaffRole): SignedInActor {
  const userId = user(db, `Cán bộ ${unit.id} ${role}`);
  db.insert(staffMemberships).values({ userId, orgUnitId: unit.id, role }).run();
  return {
    kind: "user",
    userId,
    sessionId: null,
    displayName: `Cán bộ ${unit.id}`,
    locale: "vi",
    isBuyer: false,
    producers: [],
    staff: [{ orgUnitId: unit.id, orgUnitCode: `U${unit.id}`, orgUnitPath: unit.path, role }],
  };
}

export function buildSupplyWorld(db: Db): SupplyWorld {
  const province = orgUnit(db, "TQ", "province", null);
  const communeA = orgUnit(db, "TQ-A", "commune", province);
  const communeB = orgUnit(db, "TQ-B", "commune", province);
  const parent = db
    .insert(categories)
    .values({ code: "nong-san", nameVi: "Nông sản", nameEn: "Produce" })
    .returning({ id: categories.id })
    .get().id;
  const categoryId = db
    .insert(categories)
    .values({ code: "ho-tieu", nameVi: "Hồ tiêu", nameEn: "Pepper", parentId: parent })
    .returning({ id: categories.id })
    .get().id;
  const otherCategoryId = db
    .insert(categories)
    .values({ code: "ca-phe", nameVi: "Cà phê", nameEn: "Coffee", parentId: parent })
    .returning({ id: categories.id })
    .get().id;
  const producerA = producer(db, "SX801", communeA.id);
  const producerB = producer(db, "SX802", communeB.id);
  return {
    province,
    communeA,
    communeB,
    producerA,
    producerB,
    categoryId,
    otherCategoryId,
    producer: producerActor(db, producerA),
    otherProducer: producerActor(db, producerB),
    communeStaff: staffActor(db, communeA, "moderator"),
    otherCommuneStaff: staffActor(db, communeB, "moderator"),
    provinceModerator: staffActor(db, province, "moderator"),
    reporter: staffActor(db, province, "reporter"),
    anonymous: { kind: "anonymous", locale: "vi" },
  };
}

/** A valid listing form, parsed (as ListingFormSchema would output it). */
export function listingInput(
  categoryId: number,
  overrides: Partial<ListingInput> = {},
): ListingInput {
  return {
    title: "Hồ tiêu đen Cồn Tiên 500g",
    categoryId,
    description: "Tiêu đen hạt chắc, phơi nắng tự nhiên.",
    priceVnd: 120_000,
    unit: "gói",
    minOrderQty: 1,
    stock: 50,
    season: "quanh năm",
    tags: ["hồ tiêu", "gia vị"],
    ocopStars: 0,
    ocopCertificateNo: null,
    ocopIssuedOn: null,
    ocopExpiresOn: null,
    certifications: [],
    ...overrides,
  };
}

/** A valid listing form as the browser posts it (all strings), for tests against the server. */
export function listingFormFields(
  fields: { title: string; categoryId: string | number } & Record<string, string | number>,
): Record<string, string> {
  const form: Record<string, string> = {
    description: "",
    priceVnd: "95000",
    unit: "kg",
    minOrderQty: "1",
    stock: "5",
    season: "",
    tags: "",
    ocopStars: "0",
  };
  for (const [name, value] of Object.entries(fields)) form[name] = String(value);
  return form;
}
