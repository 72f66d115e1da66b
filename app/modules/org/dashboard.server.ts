import { and, asc, eq, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { SignedInActor } from "~/modules/auth/actor";
import { scopePaths, type StaffPermission } from "~/modules/auth/permissions.server";
import type { Db } from "~db/client.server";
import {
  listingRevisions,
  listings,
  orgUnits,
  producers,
  type OrgLevel,
  type StaffRole,
  type VerificationStatus,
} from "~db/schema";

export interface DashboardUnit {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  roles: StaffRole[];
}

export interface StaffDashboard {
  units: DashboardUnit[];
  /** Null when none of the user's roles may see producers. */
  producersByStatus: Partial<Record<VerificationStatus, number>> | null;
  /** Null when the user may not moderate. */
  pendingListings: number | null;
  pendingRevisions: number | null;
}

/** `org_units.path LIKE root%` for each root where the actor holds one of the permissions. */
function subtree(actor: SignedInActor, permissions: StaffPermission[]): SQL | null {
  const roots = [...new Set(permissions.flatMap((p) => scopePaths(actor, p)))];
  if (roots.length === 0) return null;
  return or(...roots.map((root) => like(orgUnits.path, `${root}%`))) ?? null;
}

/**
 * The staff dashboard: the user's org units and, within their subtrees only, producers per
 * verification status and what waits for moderation. Each figure is limited to the roles
 * that may see it (moderators and admins moderate; reporters see producers, not queues).
 */
export function getStaffDashboard(db: Db, actor: SignedInActor): StaffDashboard {
  const unitRows = actor.staff.length
    ? db
        .select({
          id: orgUnits.id,
          code: orgUnits.code,
          name: orgUnits.name,
          level: orgUnits.level,
          path: orgUnits.path,
        })
        .from(orgUnits)
        .where(
          inArray(
            orgUnits.id,
            actor.staff.map((membership) => membership.orgUnitId),
          ),
        )
        .orderBy(asc(orgUnits.path))
        .all()
    : [];
  const units = unitRows.map(({ path: _path, ...unit }) => ({
    ...unit,
    roles: actor.staff.filter((m) => m.orgUnitId === unit.id).map((m) => m.role),
  }));

  const producerScope = subtree(actor, ["producer:verify", "report:view"]);
  const producersByStatus = producerScope
    ? Object.fromEntries(
        db
          .select({ status: producers.verificationStatus, n: sql<number>`count(*)` })
          .from(producers)
          .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
          .where(producerScope)
          .groupBy(producers.verificationStatus)
          .all()
          .map((row) => [row.status, row.n]),
      )
    : null;

  const moderationScope = subtree(actor, ["listing:moderate"]);
  let pendingListings: number | null = null;
  let pendingRevisions: number | null = null;
  if (moderationScope) {
    pendingListings =
      db
        .select({ n: sql<number>`count(*)` })
        .from(listings)
        .innerJoin(producers, eq(producers.id, listings.producerId))
        .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
        .where(and(eq(listings.status, "pending"), moderationScope))
        .get()?.n ?? 0;
    pendingRevisions =
      db
        .select({ n: sql<number>`count(*)` })
        .from(listingRevisions)
        .innerJoin(listings, eq(listings.id, listingRevisions.listingId))
        .innerJoin(producers, eq(producers.id, listings.producerId))
        .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
        .where(and(eq(listingRevisions.status, "pending"), moderationScope))
        .get()?.n ?? 0;
  }
  return { units, producersByStatus, pendingListings, pendingRevisions };
}
