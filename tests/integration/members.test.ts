import { eq, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import { consentSchema, memberSchema, officerSchema } from "~/lib/schemas/members";
import type { SignedInActor } from "~/modules/auth/actor";
import { actorForUser } from "~/modules/auth/session.server";
import { eraseMember, recordConsent, withdrawConsent } from "~/modules/members/consent.server";
import { exportMembers } from "~/modules/members/export.server";
import { checkMemberImport, importMembers } from "~/modules/members/import.server";
import {
  createMember,
  linkedMembersOfProducer,
  listMembers,
  memberForEdit,
  updateMember,
  viewMember,
} from "~/modules/members/members.server";
import { createOfficer, listOfficers, updateOfficer } from "~/modules/members/officers.server";
import { auditLog, orgUnits, producers, unionMembers, unionOfficers } from "~db/schema";
import { seedDemoMembers } from "~db/seed/demo-members.server";
import { seedDemo } from "~db/seed/seed.server";
import { freshDb, type Db } from "../helpers/db";
import { buildWorld, type SignedInKind, type World } from "./authorization-world";

/**
 * The Union's member and officer records (issue 12, item 2) against a real SQLite database:
 * scope by subtree (404 outside it, 403 for view-only staff changing), every view and export
 * audited without personal data, consent that carries the sensitive fields and erases them
 * when withdrawn, erasure on request, and the CSV/XLSX import with its dry run.
 */

const NO_FILTERS = { unitCode: null, producerCode: null, query: null };
const TODAY = "2026-12-03";

let db: Db;
let world: World;
const actor = (kind: SignedInKind): SignedInActor => {
  const found = actorForUser(db, world.userIds[kind]);
  if (!found) throw new Error(`no actor ${kind}`);
  return found;
};

function statusOf(fn: () => unknown): number | "ok" {
  try {
    fn();
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.status;
    throw error;
  }
}

const auditActions = () =>
  db
    .select({ action: auditLog.action, entityId: auditLog.entityId })
    .from(auditLog)
    .where(like(auditLog.action, "member.%"))
    .all();

const memberRow = (id: number) =>
  db.select().from(unionMembers).where(eq(unionMembers.id, id)).get();

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);

beforeEach(() => {
  db = freshDb();
  world = buildWorld(db);
});

describe("who sees which member", () => {
  it("lists the members of the staff member's subtree, and none of another commune", () => {
    expect(listMembers(db, actor("reporter"), NO_FILTERS).items.map((m) => m.id)).toEqual([
      world.memberId,
    ]);
    expect(listMembers(db, actor("staff-other-subtree"), NO_FILTERS).total).toBe(0);
    expect(statusOf(() => listMembers(db, actor("moderator"), NO_FILTERS))).toBe(403);
  });

  it("filters by unit and producer inside the subtree; a unit outside it is a 404", () => {
    const byProducer = listMembers(db, actor("reporter"), { ...NO_FILTERS, producerCode: "SX901" });
    expect(byProducer.total).toBe(1);
    // The producer's declared women members (the figure of record) beside the linked ones.
    expect(byProducer.producer).toMatchObject({ membersWomen: 9, linkedMembers: 1 });
    expect(listMembers(db, actor("reporter"), { ...NO_FILTERS, producerCode: "SX902" }).total).toBe(
      0,
    );
    expect(
      statusOf(() =>
        listMembers(db, actor("staff-other-subtree"), { ...NO_FILTERS, unitCode: "AZ-A" }),
      ),
    ).toBe(404);
    expect(listMembers(db, actor("reporter"), { ...NO_FILTERS, query: "Thử" }).total).toBe(1);
    expect(listMembers(db, actor("reporter"), { ...NO_FILTERS, query: "%" }).total).toBe(0);
  });

  it("audits every view of a record, and a refused view reveals and records nothing", () => {
    const record = viewMember(db, actor("reporter"), world.memberId, { ipAddress: "10.0.0.1" });
    expect(record).toMatchObject({
      ethnicGroup: "Vân Kiều",
      householdStatus: "poor",
      canManage: false,
    });
    expect(viewMember(db, actor("admin"), world.memberId).canManage).toBe(true);
    expect(auditActions()).toEqual([
      { action: "member.view", entityId: String(world.memberId) },
      { action: "member.view", entityId: String(world.memberId) },
    ]);
    expect(statusOf(() => viewMember(db, actor("staff-other-subtree"), world.memberId))).toBe(404);
    expect(statusOf(() => viewMember(db, actor("reporter"), 999_999))).toBe(404);
    expect(auditActions()).toHaveLength(2);
  });

  it("shows a producer's linked members only to staff who may see members of its unit", () => {
    expect(linkedMembersOfProducer(db, actor("admin"), world.producerId)).toEqual({
      linkedMembers: 1,
      membersWomen: 9,
    });
    expect(linkedMembersOfProducer(db, actor("moderator"), world.producerId)).toBeNull();
    expect(linkedMembersOfProducer(db, actor("staff-other-subtree"), world.producerId)).toBeNull();
  });
});

describe("keeping members", () => {
  const input = {
    fullName: "Lê Thị Mới",
    birthYear: 1990,
    phone: "+84912345678",
    joinedOn: "2024-03-08",
    unitCode: "AZ-A",
    producerCode: "SX901",
  };

  it("creates and edits within the admin's subtree, audited with no personal data", () => {
    const { id } = createMember(db, actor("admin"), input);
    expect(memberRow(id)).toMatchObject({ fullName: "Lê Thị Mới", producerId: world.producerId });
    updateMember(db, actor("admin"), id, { ...input, unitCode: "AZ-B", producerCode: undefined });
    expect(memberRow(id)).toMatchObject({ orgUnitId: world.communeB.id, producerId: null });
    expect(memberForEdit(db, actor("admin"), id).unitCode).toBe("AZ-B");
    const audit = JSON.stringify(db.select().from(auditLog).all());
    expect(audit).toContain("member.create");
    expect(audit).toContain("member.update");
    expect(audit).not.toContain("Lê Thị Mới");
    expect(audit).not.toContain("912345678");
  });

  it("refuses view-only staff (403) and staff of another commune (404), changing nothing", () => {
    expect(statusOf(() => createMember(db, actor("reporter"), input))).toBe(403);
    expect(statusOf(() => createMember(db, actor("staff-other-subtree"), input))).toBe(404);
    expect(
      statusOf(() =>
        createMember(db, actor("staff-other-subtree"), {
          ...input,
          unitCode: "AZ-B",
          producerCode: "SX901",
        }),
      ),
    ).toBe(404);
    expect(statusOf(() => updateMember(db, actor("reporter"), world.memberId, input))).toBe(403);
    expect(
      statusOf(() => updateMember(db, actor("staff-other-subtree"), world.memberId, input)),
    ).toBe(404);
    expect(db.select().from(unionMembers).all()).toHaveLength(1);
  });

  it("validates the forms' input with messages, never a database error", () => {
    const bad = memberSchema.safeParse({
      fullName: "A",
      birthYear: "1,5",
      phone: "123",
      joinedOn: "2999-01-01",
      unitCode: "",
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        "members.error.fullName",
        "errors.input.decimal",
        "members.error.phone",
        "members.error.joinedOn",
        "members.error.unit",
      ]),
    );
    expect(
      consentSchema.safeParse({ consentGivenOn: "2026-02-30", consentForm: "paper" }).success,
    ).toBe(false);
    const term = officerSchema.safeParse({
      fullName: "Cán bộ",
      position: "Chủ tịch",
      unitCode: "AZ-A",
      termStart: "2025-01-01",
      termEnd: "2024-01-01",
    });
    expect(term.error?.issues.map((issue) => issue.message)).toEqual(["members.error.termOrder"]);
  });
});

describe("consent and erasure (decree 13/2023/NĐ-CP)", () => {
  it("the database refuses sensitive data without a consent", () => {
    expect(() =>
      db
        .insert(unionMembers)
        .values({
          orgUnitId: world.communeA.id,
          fullName: "Không đồng ý",
          joinedOn: "2020-01-01",
          ethnicGroup: "Kinh",
        })
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it("records a consent with who took it, and a withdrawal erases the sensitive fields", () => {
    const admin = actor("admin");
    withdrawConsent(db, admin, world.memberId);
    expect(memberRow(world.memberId)).toMatchObject({
      ethnicGroup: null,
      householdStatus: null,
      hasDisability: null,
      consentGivenOn: null,
      consentForm: null,
      consentRecordedByUserId: null,
      fullName: "Hội viên Thử Nghiệm",
    });
    recordConsent(db, admin, world.memberId, {
      consentGivenOn: "2026-11-30",
      consentForm: "verbal",
      ethnicGroup: "Pa Kô",
      householdStatus: "near_poor",
      hasDisability: "yes",
    });
    expect(memberRow(world.memberId)).toMatchObject({
      ethnicGroup: "Pa Kô",
      householdStatus: "near_poor",
      hasDisability: true,
      consentForm: "verbal",
      consentRecordedByUserId: world.userIds.admin,
    });
    expect(viewMember(db, actor("reporter"), world.memberId).consentRecordedBy).toBe(
      "Người dùng admin",
    );
    const audit = JSON.stringify(db.select().from(auditLog).all());
    expect(audit).toContain("member.consent.withdraw");
    expect(audit).toContain("member.consent.record");
    expect(audit).not.toContain("Pa Kô");
    expect(audit).not.toContain("near_poor");
  });

  it("only managers of her unit change a consent or erase a record", () => {
    expect(statusOf(() => withdrawConsent(db, actor("reporter"), world.memberId))).toBe(403);
    expect(statusOf(() => eraseMember(db, actor("staff-other-subtree"), world.memberId))).toBe(404);
    expect(memberRow(world.memberId)?.ethnicGroup).toBe("Vân Kiều");
  });

  it("erases the record on request; the audit log keeps no name and no data", () => {
    viewMember(db, actor("admin"), world.memberId);
    eraseMember(db, actor("admin"), world.memberId, { ipAddress: "10.0.0.2" });
    expect(memberRow(world.memberId)).toBeUndefined();
    const erased = db.select().from(auditLog).where(eq(auditLog.action, "member.erase")).get();
    expect(erased).toMatchObject({
      actorUserId: world.userIds.admin,
      entityId: String(world.memberId),
      orgUnitId: world.communeA.id,
      before: null,
      after: null,
    });
    const audit = JSON.stringify(db.select().from(auditLog).all());
    expect(audit).not.toContain("Hội viên Thử Nghiệm");
    expect(audit).not.toContain("Vân Kiều");
  });
});

describe("officers", () => {
  const officer = {
    fullName: "Trần Thị Chi Hội",
    position: "Chi hội trưởng",
    unitCode: "AZ-A",
    termStart: "2024-01-01",
    fullTime: false,
    phone: null,
  };

  it("are listed by subtree, in office first, and kept by managers only", () => {
    const { id } = createOfficer(db, actor("admin"), officer);
    updateOfficer(db, actor("admin"), world.officerId, {
      fullName: "Cán bộ Thử Nghiệm",
      position: "Chủ tịch",
      unitCode: "AZ-A",
      termStart: "2021-01-01",
      termEnd: "2026-06-30",
      fullTime: true,
      phone: null,
    });
    const list = listOfficers(db, actor("reporter"), null);
    expect(list.items.map((row) => row.id)).toEqual([id, world.officerId]);
    expect(list.items.every((row) => !row.canManage)).toBe(true);
    expect(listOfficers(db, actor("staff-other-subtree"), null).total).toBe(0);
    expect(statusOf(() => createOfficer(db, actor("reporter"), officer))).toBe(403);
    expect(
      statusOf(() => updateOfficer(db, actor("staff-other-subtree"), world.officerId, officer)),
    ).toBe(404);
    expect(db.select().from(unionOfficers).all()).toHaveLength(2);
  });
});

describe("import and export", () => {
  const header =
    "full_name,birth_year,phone,joined_on,org_unit_code,producer_code,ethnic_group,household_status,has_disability,consent_given_on,consent_form";

  it("a dry run names each problem by row and column and writes nothing", async () => {
    const file = csv([
      header,
      "Nguyễn Thị Một,1980,0912345678,2020-01-01,AZ-A,SX901,,,,,",
      "X,1800,123,2999-01-01,AZ-B,,,,,,",
      "Lê Thị Ba,1975,,2019-05-05,AZ-A,,Kinh,ngheo,,,",
      "Hồ Thị Bốn,,,2018-01-01,AZ-ZZ,SX999,Vân Kiều,poor,co,2026-01-01,",
      "Nguyễn Thị Một,1980,,2021-01-01,AZ-A,,,,,,",
    ]);
    const before = db.select().from(unionMembers).all().length;
    const plan = await checkMemberImport(db, actor("staff-other-subtree"), file, TODAY);
    const at = (row: number) => plan.problems.filter((p) => p.row === row).map((p) => p.column);
    expect(at(2)).toEqual(["org_unit_code", "producer_code"]); // commune A is not hers
    expect(at(3)).toEqual(["full_name", "birth_year", "phone", "joined_on"]);
    expect(at(4)).toEqual(["org_unit_code", "ethnic_group", "household_status"]);
    expect(at(5)).toEqual(["org_unit_code", "producer_code", "consent_form"]);
    expect(plan.rows).toBe(0);
    const own = await checkMemberImport(db, actor("admin"), file, TODAY);
    expect(own.problems.filter((p) => p.row === 6).map((p) => p.message)).toEqual([
      "Dòng này trùng một dòng trước trong tệp.",
    ]);
    expect(db.select().from(unionMembers).all()).toHaveLength(before);
    expect(auditActions()).toEqual([]);
  });

  it("imports a clean file in one go, the importer recorded as who took the consent", async () => {
    const file = csv([
      header,
      "Nguyễn Thị Một,1980,0912 345 678,2020-01-01,AZ-A,SX901,,,,,",
      "Hồ Thị Hai,1990,,2021-02-02,AZ-A,,Vân Kiều,cận nghèo,không,2026-11-01,giấy",
    ]);
    const result = await importMembers(db, actor("admin"), file, TODAY);
    expect(result).toEqual({ added: 2 });
    const added = db.select().from(unionMembers).where(like(unionMembers.fullName, "%Hai")).get();
    expect(added).toMatchObject({
      householdStatus: "near_poor",
      hasDisability: false,
      consentForm: "paper",
      consentRecordedByUserId: world.userIds.admin,
    });
    expect(auditActions()).toEqual([{ action: "member.import", entityId: "import" }]);
    // The same file again: every row is already recorded, nothing is written.
    const again = await importMembers(db, actor("admin"), file, TODAY);
    expect("refused" in again && again.plan.problems.map((p) => p.column)).toEqual([
      "full_name",
      "full_name",
    ]);
    expect(db.select().from(unionMembers).all()).toHaveLength(3);
  });

  it("refuses a file that is not UTF-8 CSV or XLSX", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00]);
    await expect(checkMemberImport(db, actor("admin"), utf16, TODAY)).rejects.toMatchObject({
      status: 400,
    });
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${header}\nL`), 0xea, 0x0a]);
    await expect(checkMemberImport(db, actor("admin"), latin1, TODAY)).rejects.toMatchObject({
      status: 400,
    });
  });

  it("exports CSV with a BOM and XLSX, formula-looking cells escaped, each export audited", async () => {
    createMember(db, actor("admin"), {
      fullName: '=HYPERLINK("http://x")',
      joinedOn: "2024-01-01",
      unitCode: "AZ-A",
      phone: null,
    });
    const file = await exportMembers(db, actor("reporter"), NO_FILTERS, "csv");
    expect([...file.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.body);
    expect(text.startsWith("id,full_name,")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(
      "Hội viên Thử Nghiệm,1985,,2020-03-08,AZ-A,SX901,Vân Kiều,poor,no,2026-01-05,paper",
    );
    const xlsx = await exportMembers(db, actor("reporter"), NO_FILTERS, "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body.buffer);
    const sheet = workbook.worksheets[0];
    const names = [2, 3].map((row) => String(sheet?.getRow(row).getCell(2).value));
    expect(names).toEqual(
      expect.arrayContaining(['\'=HYPERLINK("http://x")', "Hội viên Thử Nghiệm"]),
    );
    const other = await exportMembers(db, actor("staff-other-subtree"), NO_FILTERS, "csv");
    expect(new TextDecoder().decode(other.body).trim().split("\r\n")).toHaveLength(1);
    expect(auditActions().filter((entry) => entry.action === "member.export")).toHaveLength(3);
  });
});

describe("the demo's members", () => {
  async function seeded() {
    const demo = freshDb();
    await seedDemo(demo, { today: new Date("2026-12-01T03:00:00Z"), mode: "live" });
    const result = seedDemoMembers(demo);
    const rows = demo
      .select({
        orgUnitId: unionMembers.orgUnitId,
        fullName: unionMembers.fullName,
        birthYear: unionMembers.birthYear,
        phone: unionMembers.phone,
        producerId: unionMembers.producerId,
        ethnicGroup: unionMembers.ethnicGroup,
        consentGivenOn: unionMembers.consentGivenOn,
      })
      .from(unionMembers)
      .all();
    return { demo, result, rows };
  }

  it("fill every demo branch the same way each time, linked within what producers declare", async () => {
    const first = await seeded();
    const second = await seeded();
    expect(second.rows).toEqual(first.rows);
    expect(first.result.members).toBe(first.rows.length);
    // Optional phones, each a mobile number as the forms store them (+84 and nine digits).
    const phones = first.rows.flatMap((row) => (row.phone ? [row.phone] : []));
    expect(phones.length).toBeGreaterThan(50);
    expect(phones.every((phone) => /^\+849\d{8}$/.test(phone))).toBe(true);
    expect(first.result.officers).toBeGreaterThan(80);
    expect(first.result.linked).toBeGreaterThan(30);
    expect(first.result.withConsent).toBeGreaterThan(first.result.members / 4);
    const branches = first.demo
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.level, "branch"))
      .all();
    for (const branch of branches) {
      expect(first.rows.filter((row) => row.orgUnitId === branch.id).length).toBeGreaterThanOrEqual(
        5,
      );
    }
    for (const producer of first.demo.select().from(producers).all()) {
      const linked = first.rows.filter((row) => row.producerId === producer.id);
      expect(linked.length).toBeLessThanOrEqual(producer.membersWomen);
      expect(linked.every((row) => row.orgUnitId === producer.orgUnitId)).toBe(true);
    }
  }, 60_000);
});
