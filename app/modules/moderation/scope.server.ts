import { like, or, type SQL } from "drizzle-orm";
import {
  requirePermission,
  scopePaths,
  type StaffPermission,
} from "~/modules/auth/permissions.server";
import type { Actor } from "~/modules/auth/actor";
import { orgUnits } from "~db/schema";

/**
 * The SQL condition limiting a query to the org-unit subtrees where the actor holds
 * `permission` (the query must join org_units). Throws 401/403 when there is none.
 */
export function subtreeCondition(actor: Actor, permission: StaffPermission): SQL {
  requirePermission(actor, permission, null);
  const paths = scopePaths(actor, permission);
  const condition = or(...paths.map((path) => like(orgUnits.path, `${path}%`)));
  if (!condition) throw new Error("unreachable: requirePermission found no scope");
  return condition;
}
