import { and, eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { actorForUser } from "~/modules/auth/session.server";
import { orgUnitCoveringCommune } from "~/modules/org/places.server";
import { assignStaffRole, endStaffRole, roleToEnd } from "~/modules/org/staff-roles.server";
import { mergePreview, mergeUnits } from "~/modules/org/tree-merge.server";
import {
  createUnit,
  listUnitsInScope,
  moveUnit,
  renameUnit,
  unitPage,
} from "~/modules/org/tree.server";
import {
  auditLog,
  orders,
  orgUnits,
  producers,
  purchaseRequests,
  staffMemberships,
  unionMembers,
  unionOfficers,
  users,
} from "~db/schema";
import { freshDb, type Db } from "../helpers/db";
import { buildWorld, type SignedInKind, type World } from "./authorization-world";

/**
 * The org tree administration (app/modules/org/tree*.server.ts, staff-roles.server.ts) on a
 * real SQLite database, in the authorization world: a province with communes A and B,
 * producer A in A, producer B in B, province moderator, reporter and admin, and a staff
 * member (admin, moderator, reporter) of commune B only.
 */

let db: Db;
let world: World;
const actor = (kind: SignedInKind): SignedInActor => {
  const found = actorForUser(db, world.userIds[kind]);
  if (!found) throw new Error(`no actor ${kind}`);
  return found;
};
const unit = (code: string) => {
  const row = db.select().from(orgUnits).where(eq(orgUnits.code, code)).get();
  if (!row) throw new Error(`no unit ${code}`);
  return row;
};
const phoneOf = (kind: SignedInKind) =>
  db.select({ phone: users.phone }).from(users).where(eq(users.id, world.userIds[kind])).get()
    ?.phone ?? "";

/** Every row of every table of the in-memory database, to show a refusal changed nothing. */
function databaseFingerprintOfDb(database: Db): Record<string, string> {
  const client = database.$client;
  const tables = client
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      JSON.stringify(client.prepare(`SELECT * FROM "${name}"`).raw().all()),
    ]),
  );
}

/** The domain error `fn` throws (status, key, field), failing when it throws none. */
function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { status: error.status, key: error.messageKey, field: error.details?.field };
  }
  throw new Error("expected a refusal");
}

/** A refused call must leave every table as it was. */
function refusedWithoutChange(fn: () => unknown) {
  const before = databaseFingerprintOfDb(db);
  const result = refusal(fn);
  expect(databaseFingerprintOfDb(db)).toEqual(before);
  return result;
}

const branch = (code: string, name: string) => ({ code, name, level: "branch" as const });

beforeEach(() => {
  db = freshDb();
  world = buildWorld(db);
});

describe("reading the tree", () => {
  it("shows each staff member her subtree, in tree order, merged units hidden", () => {
    createUnit(db, actor("admin"), "AZ-A", branch("AZ-A-CH1", "Chi hội 1 xã A"));
    expect(listUnitsInScope(db, actor("admin")).map((u) => [u.code, u.depth])).toEqual([
      ["AZ", 0],
      ["AZ-A", 1],
      ["AZ-A-CH1", 2],
      ["AZ-B", 1],
    ]);
    expect(listUnitsInScope(db, actor("staff-other-subtree")).map((u) => u.code)).toEqual(["AZ-B"]);
    expect(listUnitsInScope(db, actor("reporter"), "org:manage")).toEqual([]);
    expect(listUnitsInScope(db, actor("producer"))).toEqual([]);
  });

  it("opens a unit of the subtree with what the reader may do; other subtrees are 404", () => {
    const page = unitPage(db, actor("admin"), "az-a");
    expect(page.unit.code).toBe("AZ-A");
    expect(page.parent).toEqual({ code: "AZ", name: "Hội LHPN tỉnh Thử Nghiệm", isVisible: true });
    expect(page.can).toEqual({ editUnit: true, moveOrMerge: true, manageStaff: true });
    expect(unitPage(db, actor("reporter"), "AZ-A").can).toEqual({
      editUnit: false,
      moveOrMerge: false,
      manageStaff: false,
    });
    const own = unitPage(db, actor("staff-other-subtree"), "AZ-B");
    expect(own.can).toEqual({ editUnit: true, moveOrMerge: false, manageStaff: true });
    expect(own.staff.map((s) => s.role)).toEqual(["admin", "moderator", "reporter"]);
    expect(refusal(() => unitPage(db, actor("staff-other-subtree"), "AZ-A")).status).toBe(404);
    expect(refusal(() => unitPage(db, actor("producer"), "AZ-A")).status).toBe(403);
  });
});

describe("creating and renaming units", () => {
  it("creates a unit below its parent with its path, audited", () => {
    const code = createUnit(db, actor("admin"), "AZ-A", branch("AZ-A-CH1", "Chi hội 1 xã A"), {
      ipAddress: "127.0.0.1",
    });
    const created = unit(code);
    expect(created).toMatchObject({
      code: "AZ-A-CH1",
      level: "branch",
      parentId: world.communeA.id,
    });
    expect(created.path).toBe(`${unit("AZ-A").path}${created.id}/`);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "org.unit.create")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: world.userIds.admin,
      entityId: String(created.id),
    });
  });

  it("gives a new commune its official commune code, and refuses one already covered", () => {
    createUnit(db, actor("admin"), "AZ", {
      code: "AZ-C",
      name: "Hội LHPN xã Cửa Tùng",
      level: "commune",
      communeCode: "19414",
    });
    expect(unit("AZ-C").communeCode).toBe("19414");
    const taken = refusedWithoutChange(() =>
      createUnit(db, actor("admin"), "AZ", {
        code: "AZ-D",
        name: "Hội LHPN xã D",
        level: "commune",
        communeCode: "19414",
      }),
    );
    expect(taken).toEqual({
      status: 409,
      key: "orgtree.errors.communeTaken",
      field: "communeCode",
    });
  });

  it("refuses bad creations with a field error and changes nothing", () => {
    const admin = actor("admin");
    createUnit(db, admin, "AZ-A", branch("AZ-A-CH1", "Chi hội 1 xã A"));
    const cases: [() => unknown, { status: number; key: string; field?: string }][] = [
      [
        () => createUnit(db, admin, "AZ-A", branch("AZ-A-CH1", "Chi hội khác")),
        { status: 409, key: "orgtree.errors.codeTaken", field: "code" },
      ],
      [
        () => createUnit(db, admin, "AZ-B", branch("AZ-B-CH1", "Chi hội 1 xã A")),
        { status: 409, key: "orgtree.errors.nameTaken", field: "name" },
      ],
      [
        () => createUnit(db, admin, "AZ-A-CH1", { code: "AZ-X", name: "Xã X", level: "commune" }),
        { status: 400, key: "orgtree.errors.levelBelowParent", field: "level" },
      ],
      [
        () =>
          createUnit(db, admin, "AZ-A", {
            ...branch("AZ-A-CH2", "Chi hội 2"),
            communeCode: "19363",
          }),
        { status: 400, key: "orgtree.errors.communeCodeLevel", field: "communeCode" },
      ],
      [
        () =>
          createUnit(db, admin, "AZ", {
            code: "AZ-E",
            name: "Xã E",
            level: "commune",
            communeCode: "99999",
          }),
        { status: 400, key: "orgtree.errors.communeUnknown", field: "communeCode" },
      ],
      [
        () => createUnit(db, actor("reporter"), "AZ-A", branch("AZ-A-CH3", "Chi hội 3")),
        { status: 403, key: "errors.forbidden" },
      ],
      [
        () => createUnit(db, actor("staff-other-subtree"), "AZ-A", branch("AZ-A-CH3", "Chi hội 3")),
        { status: 404, key: "orgtree.errors.unitNotFound" },
      ],
      [
        () => createUnit(db, admin, "KHONG-CO", branch("AZ-A-CH3", "Chi hội 3")),
        { status: 404, key: "orgtree.errors.unitNotFound" },
      ],
    ];
    for (const [fn, expected] of cases) {
      expect(refusedWithoutChange(fn)).toEqual({ field: undefined, ...expected });
    }
  });

  it("renames a unit (org:manage over it), audited; a commune admin renames her own", () => {
    renameUnit(db, actor("staff-other-subtree"), "AZ-B", { name: "Hội LHPN xã B mới" });
    expect(unit("AZ-B").name).toBe("Hội LHPN xã B mới");
    const [audit] = db.select().from(auditLog).where(eq(auditLog.action, "org.unit.rename")).all();
    expect(audit?.before).toEqual({ name: "Hội LHPN xã B" });
    expect(
      refusedWithoutChange(() =>
        renameUnit(db, actor("admin"), "AZ-A", { name: "Hội LHPN xã B mới" }),
      ),
    ).toEqual({ status: 409, key: "orgtree.errors.nameTaken", field: "name" });
    expect(
      refusedWithoutChange(() => renameUnit(db, actor("moderator"), "AZ-A", { name: "Tên" }))
        .status,
    ).toBe(403);
  });
});

describe("moving units", () => {
  beforeEach(() => {
    const admin = actor("admin");
    createUnit(db, admin, "AZ-A", branch("AZ-A-CH1", "Chi hội 1 xã A"));
    createUnit(db, admin, "AZ-A-CH1", branch("AZ-A-CH1-T1", "Tổ phụ nữ 1"));
  });

  it("moves a unit with its whole subtree, rewriting every path, audited", () => {
    moveUnit(db, actor("admin"), "AZ-A-CH1", { parentCode: "AZ-B" });
    const moved = unit("AZ-A-CH1");
    expect(moved.parentId).toBe(world.communeB.id);
    expect(moved.path).toBe(`${unit("AZ-B").path}${moved.id}/`);
    expect(unit("AZ-A-CH1-T1").path).toBe(`${moved.path}${unit("AZ-A-CH1-T1").id}/`);
    expect(
      db
        .select()
        .from(orgUnits)
        .where(like(orgUnits.path, `${unit("AZ-A").path}%`))
        .all(),
    ).toHaveLength(1);
    const [audit] = db.select().from(auditLog).where(eq(auditLog.action, "org.unit.move")).all();
    expect(audit?.after).toMatchObject({ parent: "AZ-B", path: moved.path });
  });

  it("refuses cycles, the root, the same parent, and parents out of reach", () => {
    const admin = actor("admin");
    const cases: [() => unknown, { status: number; key: string; field?: string }][] = [
      [
        () => moveUnit(db, admin, "AZ-A-CH1", { parentCode: "AZ-A-CH1-T1" }),
        { status: 400, key: "orgtree.errors.cycle", field: "parentCode" },
      ],
      [
        () => moveUnit(db, admin, "AZ-A-CH1", { parentCode: "AZ-A-CH1" }),
        { status: 400, key: "orgtree.errors.cycle", field: "parentCode" },
      ],
      [
        () => moveUnit(db, admin, "AZ-A-CH1", { parentCode: "AZ-A" }),
        { status: 400, key: "orgtree.errors.sameParent", field: "parentCode" },
      ],
      [
        () => moveUnit(db, admin, "AZ-B", { parentCode: "AZ-A-CH1" }),
        { status: 400, key: "orgtree.errors.levelBelowParent", field: "parentCode" },
      ],
      [
        () => moveUnit(db, admin, "AZ", { parentCode: "AZ-B" }),
        { status: 409, key: "orgtree.errors.rootFixed" },
      ],
      [
        () => moveUnit(db, admin, "AZ-A-CH1", { parentCode: "NOWHERE" }),
        { status: 400, key: "orgtree.errors.unit", field: "parentCode" },
      ],
      // A commune admin manages her commune, not the province: she cannot move her own unit,
      // and a parent in another commune is out of her reach (the same answer as unknown).
      [
        () => moveUnit(db, actor("staff-other-subtree"), "AZ-B", { parentCode: "AZ-A" }),
        { status: 403, key: "errors.forbidden" },
      ],
      [
        () => moveUnit(db, actor("staff-other-subtree"), "AZ-A-CH1", { parentCode: "AZ-B" }),
        { status: 404, key: "orgtree.errors.unitNotFound" },
      ],
    ];
    for (const [fn, expected] of cases) {
      expect(refusedWithoutChange(fn)).toEqual({ field: undefined, ...expected });
    }
  });
});

describe("merging units", () => {
  beforeEach(() => {
    const admin = actor("admin");
    createUnit(db, admin, "AZ-A", branch("AZ-A-CH1", "Chi hội 1 xã A"));
    createUnit(db, admin, "AZ-A-CH1", branch("AZ-A-CH1-T1", "Tổ phụ nữ 1"));
    db.update(orgUnits)
      .set({ communeCode: "19363" })
      .where(eq(orgUnits.id, world.communeA.id))
      .run();
    // Someone with roles on both communes: one of them is the same role twice after the merge.
    const both = world.userIds.moderator;
    db.insert(staffMemberships)
      .values([
        { userId: both, orgUnitId: world.communeA.id, role: "reporter" },
        { userId: both, orgUnitId: world.communeB.id, role: "reporter" },
        { userId: world.userIds.buyer, orgUnitId: world.communeA.id, role: "moderator" },
      ])
      .run();
  });

  it("previews what moves without changing anything", () => {
    const before = databaseFingerprintOfDb(db);
    const preview = mergePreview(db, actor("admin"), "AZ-A", "AZ-B");
    expect(databaseFingerprintOfDb(db)).toEqual(before);
    expect(preview.moves).toMatchObject({
      producers: 1,
      members: 1,
      officers: 1,
      purchaseRequests: 1,
      childUnits: [{ code: "AZ-A-CH1", name: "Chi hội 1 xã A" }],
      communeCodeMoves: true,
    });
    expect(preview.moves.staff).toHaveLength(2);
  });

  it("moves producers, staff, members, officers, requests and children; orders stay", () => {
    const a = unit("AZ-A");
    const b = unit("AZ-B");
    mergeUnits(db, actor("admin"), "AZ-A", { survivorCode: "AZ-B", confirm: "on" });

    const merged = unit("AZ-A");
    expect(merged).toMatchObject({ parentId: b.id, mergedIntoId: b.id, communeCode: null });
    expect(merged.mergedAt).toBeInstanceOf(Date);
    expect(merged.path).toBe(`${b.path}${a.id}/`);
    expect(unit("AZ-B").communeCode).toBe("19363");
    const child = unit("AZ-A-CH1");
    expect(child).toMatchObject({ parentId: b.id, path: `${b.path}${child.id}/` });
    expect(unit("AZ-A-CH1-T1").path).toBe(`${child.path}${unit("AZ-A-CH1-T1").id}/`);

    expect(
      db.select().from(producers).where(eq(producers.id, world.producerId)).get()?.orgUnitId,
    ).toBe(b.id);
    expect(db.select().from(unionMembers).get()?.orgUnitId).toBe(b.id);
    expect(db.select().from(unionOfficers).get()?.orgUnitId).toBe(b.id);
    expect(
      db
        .select()
        .from(purchaseRequests)
        .where(eq(purchaseRequests.id, world.purchaseRequestId))
        .get()?.orgUnitId,
    ).toBe(b.id);
    expect(
      db.select().from(staffMemberships).where(eq(staffMemberships.orgUnitId, a.id)).all(),
    ).toEqual([]);
    expect(
      db
        .select({ role: staffMemberships.role })
        .from(staffMemberships)
        .where(
          and(
            eq(staffMemberships.orgUnitId, b.id),
            eq(staffMemberships.userId, world.userIds.moderator),
          ),
        )
        .all(),
    ).toEqual([{ role: "reporter" }]);
    expect(actor("buyer").staff).toEqual([
      { orgUnitId: b.id, orgUnitCode: "AZ-B", orgUnitPath: b.path, role: "moderator" },
    ]);

    // The order placed under A keeps A, and A lies in B's subtree, so B's reports include it.
    const order = db.select().from(orders).where(eq(orders.id, world.buyerOrderId)).get();
    expect(order?.orgUnitId).toBe(a.id);
    expect(merged.path.startsWith(b.path)).toBe(true);

    // Hidden from lists, covered commune resolves to the survivor, audited.
    expect(listUnitsInScope(db, actor("admin")).map((u) => u.code)).not.toContain("AZ-A");
    expect(unitPage(db, actor("admin"), "AZ-B").mergedUnits.map((u) => u.code)).toEqual(["AZ-A"]);
    expect(orgUnitCoveringCommune(db, "19363")?.id).toBe(b.id);
    const [audit] = db.select().from(auditLog).where(eq(auditLog.action, "org.unit.merge")).all();
    expect(audit).toMatchObject({ entityId: String(a.id), orgUnitId: b.id });
    expect(audit?.after).toMatchObject({ mergedInto: "AZ-B", producers: 1, staffRoles: 2 });
  });

  it("keeps the merged unit's commune code when the survivor has one, resolving to the survivor", () => {
    db.update(orgUnits)
      .set({ communeCode: "19414" })
      .where(eq(orgUnits.id, world.communeB.id))
      .run();
    mergeUnits(db, actor("admin"), "AZ-A", { survivorCode: "AZ-B", confirm: "on" });
    expect(unit("AZ-A").communeCode).toBe("19363");
    expect(unit("AZ-B").communeCode).toBe("19414");
    expect(orgUnitCoveringCommune(db, "19363")?.id).toBe(world.communeB.id);
  });

  it("refuses merging with itself, into its own subtree, the root, or a lower level", () => {
    const admin = actor("admin");
    const merge = (code: string, survivorCode: string) => () =>
      mergeUnits(db, admin, code, { survivorCode, confirm: "on" });
    expect(refusedWithoutChange(merge("AZ-A", "AZ-A"))).toMatchObject({
      status: 400,
      key: "orgtree.errors.mergeSelf",
    });
    expect(refusedWithoutChange(merge("AZ-A", "AZ-A-CH1-T1"))).toMatchObject({
      status: 400,
      key: "orgtree.errors.mergeDescendant",
    });
    expect(refusedWithoutChange(merge("AZ", "AZ-B"))).toMatchObject({
      status: 409,
      key: "orgtree.errors.rootFixed",
    });
    createUnit(db, admin, "AZ-B", branch("AZ-B-CH1", "Chi hội 1 xã B"));
    expect(refusedWithoutChange(merge("AZ-A", "AZ-B-CH1"))).toMatchObject({
      status: 400,
      key: "orgtree.errors.mergeLevel",
    });
    expect(
      refusedWithoutChange(() =>
        mergeUnits(db, actor("staff-other-subtree"), "AZ-B-CH1", {
          survivorCode: "AZ-A",
          confirm: "on",
        }),
      ),
    ).toMatchObject({ status: 400, key: "orgtree.errors.unit", field: "survivorCode" });
  });

  it("a merged unit takes nothing new and cannot change", () => {
    const admin = actor("admin");
    mergeUnits(db, admin, "AZ-A", { survivorCode: "AZ-B", confirm: "on" });
    const merged = { status: 409, key: "orgtree.errors.merged" };
    expect(
      refusedWithoutChange(() => renameUnit(db, admin, "AZ-A", { name: "Tên mới xã A" })),
    ).toMatchObject(merged);
    expect(
      refusedWithoutChange(() => createUnit(db, admin, "AZ-A", branch("AZ-A-CH9", "Chi hội 9"))),
    ).toMatchObject(merged);
    expect(
      refusedWithoutChange(() => moveUnit(db, admin, "AZ-A", { parentCode: "AZ" })),
    ).toMatchObject(merged);
    expect(
      refusedWithoutChange(() => moveUnit(db, admin, "AZ-A-CH1", { parentCode: "AZ-A" })),
    ).toMatchObject(merged);
    expect(
      refusedWithoutChange(() =>
        mergeUnits(db, admin, "AZ-B", { survivorCode: "AZ-A", confirm: "on" }),
      ),
    ).toMatchObject(merged);
    expect(
      refusedWithoutChange(() =>
        assignStaffRole(db, admin, "AZ-A", { phone: phoneOf("buyer"), role: "reporter" }),
      ),
    ).toMatchObject(merged);
  });
});

describe("staff roles", () => {
  it("assigns a role by phone number; the reach is the unit's subtree at once", () => {
    const assigned = assignStaffRole(
      db,
      actor("staff-other-subtree"),
      "AZ-B",
      { phone: phoneOf("buyer"), role: "reporter" },
      { ipAddress: "127.0.0.1" },
    );
    expect(assigned.displayName).toBe("Người dùng buyer");
    expect(actor("buyer").staff.map((s) => [s.orgUnitCode, s.role])).toEqual([
      ["AZ-B", "reporter"],
    ]);
    expect(listUnitsInScope(db, actor("buyer")).map((u) => u.code)).toEqual(["AZ-B"]);
    const [audit] = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "staff.role.assign"))
      .all();
    expect(audit).toMatchObject({
      entityId: String(world.userIds.buyer),
      orgUnitId: world.communeB.id,
    });

    expect(
      refusedWithoutChange(() =>
        assignStaffRole(db, actor("admin"), "AZ-B", { phone: phoneOf("buyer"), role: "reporter" }),
      ),
    ).toEqual({ status: 409, key: "orgtree.errors.roleHeld", field: "role" });
    expect(
      refusedWithoutChange(() =>
        assignStaffRole(db, actor("admin"), "AZ-B", { phone: "+84999999999", role: "reporter" }),
      ),
    ).toEqual({ status: 400, key: "orgtree.errors.noAccount", field: "phone" });
    expect(
      refusedWithoutChange(() =>
        assignStaffRole(db, actor("staff-other-subtree"), "AZ-A", {
          phone: phoneOf("buyer"),
          role: "admin",
        }),
      ).status,
    ).toBe(404);
    expect(
      refusedWithoutChange(() =>
        assignStaffRole(db, actor("reporter"), "AZ-A", { phone: phoneOf("buyer"), role: "admin" }),
      ).status,
    ).toBe(403);
  });

  it("ends a role, audited; never the root unit's last admin", () => {
    const input = { userId: world.userIds["staff-other-subtree"], role: "moderator" as const };
    expect(roleToEnd(db, actor("admin"), "AZ-B", input)).toMatchObject({
      displayName: "Người dùng staff-other-subtree",
      isLastRootAdmin: false,
    });
    endStaffRole(db, actor("admin"), "AZ-B", input);
    expect(actor("staff-other-subtree").staff.map((s) => s.role)).toEqual(["admin", "reporter"]);
    expect(
      db.select().from(auditLog).where(eq(auditLog.action, "staff.role.end")).all(),
    ).toHaveLength(1);
    expect(refusedWithoutChange(() => endStaffRole(db, actor("admin"), "AZ-B", input)).status).toBe(
      404,
    );

    const lastAdmin = { userId: world.userIds.admin, role: "admin" as const };
    expect(roleToEnd(db, actor("admin"), "AZ", lastAdmin).isLastRootAdmin).toBe(true);
    expect(refusedWithoutChange(() => endStaffRole(db, actor("admin"), "AZ", lastAdmin))).toEqual({
      status: 409,
      key: "orgtree.errors.lastRootAdmin",
      field: undefined,
    });
    assignStaffRole(db, actor("admin"), "AZ", { phone: phoneOf("reporter"), role: "admin" });
    endStaffRole(db, actor("admin"), "AZ", lastAdmin);
    expect(actor("admin").staff).toEqual([]);
    expect(
      refusedWithoutChange(() =>
        endStaffRole(db, actor("staff-other-subtree"), "AZ", {
          userId: world.userIds.reporter,
          role: "admin",
        }),
      ).status,
    ).toBe(404);
  });
});
