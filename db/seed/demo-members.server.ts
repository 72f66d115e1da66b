import { and, asc, eq, isNull, like } from "drizzle-orm";
import { inTransaction, type Db } from "~db/client.server";
import {
  orgUnits,
  producers,
  unionMembers,
  unionOfficers,
  users,
  type ConsentForm,
  type HouseholdStatus,
} from "~db/schema";
import { seededRandom } from "./seeded-random";

/**
 * The demo's Union records (issue 12): fictional members (hội viên) in every demo branch of
 * db/seed/org_units.csv, some linked to the producers of their branch (db/seed/producers.csv),
 * about half with a recorded consent and the sensitive fields it allows; and officers (cán bộ
 * hội) for each commune and branch. Deterministic: the same database gets the same people.
 * Every name is made up from common Vietnamese name parts; phones follow the demo's
 * `09000…` pattern.
 */

export interface DemoMembersResult {
  members: number;
  officers: number;
  linked: number;
  withConsent: number;
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Phan", "Đặng", "Bùi", "Hồ"];
const MIDDLE = ["Thị", "Thị", "Thị Thu", "Thị Minh", "Thị Kim", "Thị Ngọc"];
const GIVEN = [
  "Hoa",
  "Lan",
  "Hương",
  "Mai",
  "Hạnh",
  "Nga",
  "Thủy",
  "Hằng",
  "Liên",
  "Phượng",
  "Yến",
  "Trang",
  "Loan",
  "Tâm",
  "Nhung",
  "Vân",
  "Hiền",
  "Oanh",
  "Dung",
  "Sương",
];
/** Ethnic minority names of the western communes, for members there (Vân Kiều, Pa Kô). */
const MINORITY_GIVEN = ["Y Blúp", "Hồ Thị Pới", "Kăn Thị Xuân", "Hồ Thị Trung", "Pả Thị Ngân"];

/** Communes where most members are Vân Kiều or Pa Kô (the demo producers' stories say so). */
const HIGHLAND_COMMUNES = new Set([
  "QT-HUONGPHUNG",
  "QT-LIA",
  "QT-TARUT",
  "QT-DAKRONG",
  "QT-LAOBAO",
  "QT-TANLAP",
  "QT-BALONG",
  "QT-KHESANH",
]);

/** Rows per INSERT: well under SQLite's limit of bound parameters per statement. */
const BATCH = 50;

const pad = (n: number) => String(n).padStart(2, "0");

/** Seeds the demo's members and officers (call once, in demo mode, after the catalog). */
export function seedDemoMembers(db: Db): DemoMembersResult {
  const random = seededRandom(20_251_120);
  const recorder = db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.phone, "+84900000001"))
    .get();
  const units = db
    .select({
      id: orgUnits.id,
      code: orgUnits.code,
      level: orgUnits.level,
    })
    .from(orgUnits)
    .where(and(like(orgUnits.code, "QT-%"), isNull(orgUnits.mergedIntoId)))
    .orderBy(asc(orgUnits.code))
    .all();
  const result: DemoMembersResult = { members: 0, officers: 0, linked: 0, withConsent: 0 };
  let phoneSerial = 7000;
  const name = (highland: boolean) =>
    highland && random.chance(0.6)
      ? random.pick(MINORITY_GIVEN)
      : `${random.pick(FAMILY)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`;
  const phone = () =>
    random.chance(0.4) ? `+84900${String((phoneSerial += 1)).padStart(6, "0")}` : null;

  const producersByUnit = new Map<number, { id: number; membersWomen: number }[]>();
  for (const producer of db
    .select({ id: producers.id, unitId: producers.orgUnitId, membersWomen: producers.membersWomen })
    .from(producers)
    .orderBy(asc(producers.code))
    .all()) {
    producersByUnit.set(producer.unitId, [
      ...(producersByUnit.get(producer.unitId) ?? []),
      producer,
    ]);
  }
  // Rows are collected, then written in a few multi-row inserts: the seed runs at every fresh start.
  const officerRows: (typeof unionOfficers.$inferInsert)[] = [];
  const memberRows: (typeof unionMembers.$inferInsert)[] = [];

  for (const unit of units) {
    const commune = unit.level === "branch" ? unit.code.replace(/-CH\d+$/, "") : unit.code;
    const highland = HIGHLAND_COMMUNES.has(commune);
    if (unit.level === "commune") {
      for (const [position, fullTime] of [
        ["Chủ tịch", true],
        ["Phó Chủ tịch", true],
      ] as const) {
        officerRows.push({
          orgUnitId: unit.id,
          fullName: name(highland),
          position,
          termStart: "2021-10-01",
          fullTime,
          phone: phone(),
        });
        result.officers += 1;
      }
      continue;
    }
    if (unit.level !== "branch") continue;
    officerRows.push({
      orgUnitId: unit.id,
      fullName: name(highland),
      position: "Chi hội trưởng",
      termStart: `202${random.int(2, 4)}-0${random.int(1, 9)}-15`,
      fullTime: false,
      phone: phone(),
    });
    result.officers += 1;
    const branchProducers = producersByUnit.get(unit.id) ?? [];
    // The first members of a branch work in its producers: two each at most, never more
    // than a producer declares women members.
    const slots = branchProducers.flatMap((producer) =>
      Array.from({ length: Math.min(2, producer.membersWomen) }, () => producer.id),
    );
    const count = random.int(5, 9);
    for (let i = 0; i < count; i += 1) {
      const linkTo = slots[i] ?? null;
      const consent = random.chance(0.5);
      const household: HouseholdStatus = random.pick(["none", "none", "none", "near_poor", "poor"]);
      const form: ConsentForm = random.pick(["paper", "paper", "verbal", "electronic"]);
      memberRows.push({
        orgUnitId: unit.id,
        fullName: name(highland),
        birthYear: random.int(1962, 2004),
        phone: phone(),
        joinedOn: `${random.int(2005, 2024)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
        producerId: linkTo,
        ...(consent
          ? {
              consentGivenOn: `2025-${pad(random.int(1, 11))}-${pad(random.int(1, 28))}`,
              consentForm: form,
              consentRecordedByUserId: recorder?.id ?? null,
              ethnicGroup: highland ? random.pick(["Vân Kiều", "Pa Kô"]) : "Kinh",
              householdStatus: household,
              hasDisability: random.chance(0.06),
            }
          : {}),
      });
      result.members += 1;
      if (linkTo) result.linked += 1;
      if (consent) result.withConsent += 1;
    }
  }
  inTransaction(db, () => {
    for (let i = 0; i < officerRows.length; i += BATCH) {
      db.insert(unionOfficers)
        .values(officerRows.slice(i, i + BATCH))
        .run();
    }
    for (let i = 0; i < memberRows.length; i += BATCH) {
      db.insert(unionMembers)
        .values(memberRows.slice(i, i + BATCH))
        .run();
    }
  });
  return result;
}
