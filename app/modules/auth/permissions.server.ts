import { Forbidden, Unauthorized } from "~/lib/errors";
import type { StaffRole } from "~db/schema";
import type { Actor } from "./actor";

/**
 * The permission table (docs/decisions/003-permissions.md). Every staff permission is
 * scoped to the org-unit subtree of the membership that grants it.
 */
export const STAFF_PERMISSIONS = {
  "listing:moderate": ["moderator", "admin"],
  "producer:verify": ["moderator", "admin"],
  "producer:invite": ["moderator", "admin"],
  "purchase-request:hide": ["moderator", "admin"],
  "review:hide": ["moderator", "admin"],
  "deal:record": ["moderator", "admin"],
  "catalog:import": ["moderator", "admin"],
  "report:view": ["reporter", "admin"],
  "report:export": ["reporter", "admin"],
  "member:view": ["reporter", "admin"],
  "member:manage": ["admin"],
  "org:manage": ["admin"],
  "staff:manage": ["admin"],
  "payment:manage": ["admin"],
  "payout:manage": ["admin"],
  "commission:manage": ["admin"],
  "producer:view": ["moderator", "reporter", "admin"],
  "producer:suspend": ["moderator", "admin"],
  "audit:view": ["moderator", "reporter", "admin"],
  /** Issue a reset code, handed over in person, to a member's account (never a staff account). */
  "account:reset": ["moderator", "admin"],
  /** Create a producer with its first member, and act for a producer (assisted mode). */
  "producer:assist": ["moderator", "admin"],
  /** Create, publish and end support campaigns, choose their producers, approve pledges. */
  "campaign:manage": ["moderator", "admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

/** True when one of the actor's staff memberships grants `permission` over `orgUnitPath`. */
export function hasPermission(
  actor: Actor,
  permission: StaffPermission,
  orgUnitPath: string,
): boolean {
  if (actor.kind !== "user") return false;
  const roles: readonly StaffRole[] = STAFF_PERMISSIONS[permission];
  return actor.staff.some(
    (membership) =>
      roles.includes(membership.role) && orgUnitPath.startsWith(membership.orgUnitPath),
  );
}

/**
 * Throws unless the actor holds `permission` over the org unit (given by its materialized
 * path, e.g. "/1/4/"); pass `null` to require the permission somewhere (e.g. a queue page
 * whose query is then scoped by `scopePaths`).
 */
export function requirePermission(
  actor: Actor,
  permission: StaffPermission,
  orgUnitPath: string | null,
): void {
  if (actor.kind !== "user") throw new Unauthorized();
  const allowed =
    orgUnitPath === null
      ? scopePaths(actor, permission).length > 0
      : hasPermission(actor, permission, orgUnitPath);
  if (!allowed) throw new Forbidden(undefined, { permission });
}

/**
 * The roots of the subtrees where the actor holds `permission`; module queries filter
 * with `path LIKE root || '%'` for each, so staff see only their subtree.
 */
export function scopePaths(actor: Actor, permission: StaffPermission): string[] {
  if (actor.kind !== "user") return [];
  const roles: readonly StaffRole[] = STAFF_PERMISSIONS[permission];
  const paths = actor.staff
    .filter((membership) => roles.includes(membership.role))
    .map((membership) => membership.orgUnitPath)
    .sort((a, b) => a.length - b.length);
  // Drop paths already covered by a shorter one so queries stay small.
  return paths.filter((path, i) => !paths.slice(0, i).some((shorter) => path.startsWith(shorter)));
}

/** Every staff permission the actor holds somewhere, in table order (what the staff menu may show). */
export function heldPermissions(actor: Actor): StaffPermission[] {
  if (actor.kind !== "user" || actor.staff.length === 0) return [];
  const roles = new Set(actor.staff.map((membership) => membership.role));
  return (Object.keys(STAFF_PERMISSIONS) as StaffPermission[]).filter((permission) =>
    STAFF_PERMISSIONS[permission].some((role) => roles.has(role)),
  );
}
