import { describe, expect, it } from "vitest";
import { Forbidden, Unauthorized } from "~/lib/errors";
import type { Actor, SignedInActor } from "~/modules/auth/actor";
import {
  hasPermission,
  requirePermission,
  scopePaths,
  STAFF_PERMISSIONS,
  type StaffPermission,
} from "~/modules/auth/permissions.server";
import type { StaffRole } from "~db/schema";

// The tree: province /1/ → communes A (/1/2/) and B (/1/3/); A has branch /1/2/5/.
const PROVINCE = "/1/";
const COMMUNE_A = "/1/2/";
const BRANCH_A = "/1/2/5/";
const COMMUNE_B = "/1/3/";
const BRANCH_B = "/1/3/7/";

function staff(...memberships: [role: StaffRole, path: string][]): SignedInActor {
  return {
    kind: "user",
    userId: 1,
    sessionId: null,
    displayName: "Cán bộ",
    locale: "vi",
    isBuyer: false,
    producers: [],
    staff: memberships.map(([role, orgUnitPath], i) => ({
      orgUnitId: i + 1,
      orgUnitCode: `OU${i}`,
      orgUnitPath,
      role,
    })),
  };
}

const anonymous: Actor = { kind: "anonymous", locale: "vi" };
const buyer = staff();
const producer: SignedInActor = {
  ...staff(),
  producers: [{ producerId: 10, producerCode: "SX010", producerName: "HTX A", role: "owner" }],
};

const MODERATION: StaffPermission[] = [
  "listing:moderate",
  "producer:verify",
  "producer:invite",
  "purchase-request:hide",
  "deal:record",
];
const REPORTING: StaffPermission[] = ["report:view", "report:export", "member:view"];
const ADMIN_ONLY: StaffPermission[] = [
  "member:manage",
  "org:manage",
  "staff:manage",
  "payment:manage",
  "payout:manage",
];
const ALL = Object.keys(STAFF_PERMISSIONS) as StaffPermission[];

describe("staff permissions are scoped to the org-unit subtree", () => {
  const communeModerator = staff(["moderator", COMMUNE_A]);

  it("a commune moderator moderates the commune and the branches below it", () => {
    for (const permission of MODERATION) {
      expect(hasPermission(communeModerator, permission, COMMUNE_A), permission).toBe(true);
      expect(hasPermission(communeModerator, permission, BRANCH_A), permission).toBe(true);
    }
  });

  it("a commune moderator cannot act on a sibling commune or above", () => {
    for (const permission of MODERATION) {
      expect(hasPermission(communeModerator, permission, COMMUNE_B), permission).toBe(false);
      expect(hasPermission(communeModerator, permission, BRANCH_B), permission).toBe(false);
      expect(hasPermission(communeModerator, permission, PROVINCE), permission).toBe(false);
    }
    expect(() => requirePermission(communeModerator, "listing:moderate", COMMUNE_B)).toThrow(
      Forbidden,
    );
  });

  it("does not mistake a path prefix of digits for an ancestor (/1/2/ is not above /1/23/)", () => {
    expect(hasPermission(communeModerator, "listing:moderate", "/1/23/")).toBe(false);
  });

  it("a moderator has no reporting or admin permission", () => {
    for (const permission of [...REPORTING, ...ADMIN_ONLY]) {
      expect(hasPermission(communeModerator, permission, BRANCH_A), permission).toBe(false);
    }
  });

  it("a reporter reports and exports in the subtree but cannot moderate", () => {
    const reporter = staff(["reporter", PROVINCE]);
    for (const permission of REPORTING) {
      expect(hasPermission(reporter, permission, BRANCH_B), permission).toBe(true);
    }
    for (const permission of [...MODERATION, ...ADMIN_ONLY]) {
      expect(hasPermission(reporter, permission, BRANCH_B), permission).toBe(false);
    }
    expect(() => requirePermission(reporter, "listing:moderate", null)).toThrow(Forbidden);
  });

  it("an admin can do everything, but only in the subtree", () => {
    const communeAdmin = staff(["admin", COMMUNE_B]);
    for (const permission of ALL) {
      expect(hasPermission(communeAdmin, permission, BRANCH_B), permission).toBe(true);
      expect(hasPermission(communeAdmin, permission, COMMUNE_A), permission).toBe(false);
    }
    const provinceAdmin = staff(["admin", PROVINCE]);
    for (const permission of ALL) {
      expect(hasPermission(provinceAdmin, permission, BRANCH_A), permission).toBe(true);
    }
  });

  it("combines memberships: each grants its own role over its own subtree", () => {
    const mixed = staff(["moderator", COMMUNE_A], ["reporter", COMMUNE_B]);
    expect(hasPermission(mixed, "listing:moderate", BRANCH_A)).toBe(true);
    expect(hasPermission(mixed, "listing:moderate", BRANCH_B)).toBe(false);
    expect(hasPermission(mixed, "report:view", BRANCH_B)).toBe(true);
    expect(hasPermission(mixed, "report:view", BRANCH_A)).toBe(false);
  });

  it("requirePermission with a null path asks for the permission anywhere", () => {
    expect(() =>
      requirePermission(staff(["moderator", BRANCH_A]), "listing:moderate", null),
    ).not.toThrow();
    expect(() => requirePermission(buyer, "listing:moderate", null)).toThrow(Forbidden);
    expect(() => requirePermission(anonymous, "listing:moderate", null)).toThrow(Unauthorized);
  });

  it("scopePaths gives the subtree roots, without roots covered by another", () => {
    const actor = staff(["moderator", BRANCH_A], ["moderator", COMMUNE_A], ["admin", COMMUNE_B]);
    expect(scopePaths(actor, "listing:moderate").sort()).toEqual([COMMUNE_A, COMMUNE_B]);
    expect(scopePaths(actor, "report:view")).toEqual([COMMUNE_B]);
    expect(scopePaths(buyer, "listing:moderate")).toEqual([]);
    expect(scopePaths(anonymous, "listing:moderate")).toEqual([]);
  });

  it("buyers, producers and anonymous visitors hold no staff permission", () => {
    for (const permission of ALL) {
      expect(hasPermission(buyer, permission, BRANCH_A)).toBe(false);
      expect(hasPermission(producer, permission, BRANCH_A)).toBe(false);
      expect(hasPermission(anonymous, permission, BRANCH_A)).toBe(false);
    }
  });
});
