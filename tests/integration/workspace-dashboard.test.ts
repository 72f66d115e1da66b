import { beforeEach, describe, expect, it } from "vitest";
import type { SignedInActor } from "~/modules/auth/actor";
import { getStaffDashboard } from "~/modules/org/dashboard.server";
import { getWorkspaceOverview } from "~/modules/producers/workspace.server";
import {
  categories,
  listingRevisions,
  listings,
  orgUnits,
  producerMemberships,
  producers,
  users,
} from "~db/schema";
import { freshDb, type Db } from "../helpers/db";

/** Province 1 with communes 2 and 3; producers 1 (pending) and 2 (verified) in 2, 3 in 3. */
function seed(db: Db) {
  db.insert(orgUnits)
    .values([
      { id: 1, code: "QT", name: "Tỉnh", level: "province", path: "/1/" },
      { id: 2, code: "QT-A", name: "Xã A", level: "commune", parentId: 1, path: "/1/2/" },
      { id: 3, code: "QT-B", name: "Xã B", level: "commune", parentId: 1, path: "/1/3/" },
    ])
    .run();
  db.insert(users)
    .values([
      { id: 1, phone: "+84900000001", passwordHash: "x", displayName: "Chủ nhiệm" },
      { id: 2, phone: "+84900000002", passwordHash: "x", displayName: "Người khác" },
    ])
    .run();
  const base = { kind: "htx" as const, commune: "xã", address: "thôn", membersTotal: 5 };
  db.insert(producers)
    .values([
      {
        id: 1,
        code: "SX001",
        name: "HTX Một",
        orgUnitId: 2,
        verificationStatus: "pending",
        ...base,
      },
      {
        id: 2,
        code: "SX002",
        name: "HTX Hai",
        orgUnitId: 2,
        verificationStatus: "verified",
        ...base,
      },
      {
        id: 3,
        code: "SX003",
        name: "HTX Ba",
        orgUnitId: 3,
        verificationStatus: "verified",
        ...base,
      },
    ])
    .run();
  db.insert(producerMemberships)
    .values([
      { userId: 1, producerId: 1, role: "owner" },
      { userId: 1, producerId: 2, role: "member" },
      { userId: 2, producerId: 3, role: "owner" },
    ])
    .run();
  db.insert(categories).values({ id: 1, code: "gao", nameVi: "Gạo", nameEn: "Rice" }).run();
  const listing = (id: number, producerId: number, status: "draft" | "pending" | "published") => ({
    id,
    sku: `SP${id}`,
    slug: `sp${id}`,
    title: `Sản phẩm ${id}`,
    producerId,
    categoryId: 1,
    priceVnd: 1000,
    unit: "kg" as const,
    status,
  });
  db.insert(listings)
    .values([
      listing(1, 1, "draft"),
      listing(2, 1, "pending"),
      listing(3, 2, "published"),
      listing(4, 2, "published"),
      listing(5, 3, "pending"),
      listing(6, 3, "published"),
    ])
    .run();
  db.insert(listingRevisions)
    .values({ listingId: 6, changes: { title: "Mới" } })
    .run();
}

function user(userId: number, fields: Partial<SignedInActor> = {}): SignedInActor {
  return {
    kind: "user",
    userId,
    sessionId: null,
    displayName: "x",
    locale: "vi",
    isBuyer: false,
    producers: [],
    staff: [],
    ...fields,
  };
}

describe("producer workspace overview", () => {
  let db: Db;
  beforeEach(() => {
    db = freshDb();
    seed(db);
  });

  it("shows only the user's own producers with listings per status", () => {
    const overview = getWorkspaceOverview(db, user(1));
    expect(overview.map((p) => p.code)).toEqual(["SX002", "SX001"]);
    expect(overview.find((p) => p.code === "SX001")).toMatchObject({
      role: "owner",
      verificationStatus: "pending",
      listingCounts: { draft: 1, pending: 1 },
    });
    expect(overview.find((p) => p.code === "SX002")?.listingCounts).toEqual({ published: 2 });
  });

  it("scopes by membership in the query, not by what the actor object claims", () => {
    // The actor claims producer 3, but user 1 has no membership row for it.
    const forged = user(1, {
      producers: [{ producerId: 3, producerCode: "SX003", producerName: "HTX Ba", role: "owner" }],
    });
    expect(getWorkspaceOverview(db, forged).map((p) => p.code)).not.toContain("SX003");
  });

  it("is empty for a user without memberships", () => {
    expect(getWorkspaceOverview(db, user(99))).toEqual([]);
  });
});

describe("staff dashboard", () => {
  let db: Db;
  beforeEach(() => {
    db = freshDb();
    seed(db);
  });

  const staff = (orgUnitId: number, path: string, role: "moderator" | "reporter" | "admin") =>
    user(5, { staff: [{ orgUnitId, orgUnitCode: `U${orgUnitId}`, orgUnitPath: path, role }] });

  it("counts everything in the province for a provincial admin", () => {
    const dashboard = getStaffDashboard(db, staff(1, "/1/", "admin"));
    expect(dashboard.units).toEqual([
      { id: 1, code: "QT", name: "Tỉnh", level: "province", roles: ["admin"] },
    ]);
    expect(dashboard.producersByStatus).toEqual({ pending: 1, verified: 2 });
    expect(dashboard.pendingListings).toBe(2);
    expect(dashboard.pendingRevisions).toBe(1);
  });

  it("counts only the commune's subtree for a commune moderator", () => {
    const dashboard = getStaffDashboard(db, staff(2, "/1/2/", "moderator"));
    expect(dashboard.producersByStatus).toEqual({ pending: 1, verified: 1 });
    expect(dashboard.pendingListings).toBe(1);
    expect(dashboard.pendingRevisions).toBe(0);
  });

  it("gives a reporter producer figures but no moderation queue", () => {
    const dashboard = getStaffDashboard(db, staff(3, "/1/3/", "reporter"));
    expect(dashboard.producersByStatus).toEqual({ verified: 1 });
    expect(dashboard.pendingListings).toBeNull();
    expect(dashboard.pendingRevisions).toBeNull();
  });

  it("shows nothing to a user without staff memberships", () => {
    const dashboard = getStaffDashboard(db, user(1));
    expect(dashboard).toEqual({
      units: [],
      producersByStatus: null,
      pendingListings: null,
      pendingRevisions: null,
    });
  });
});
