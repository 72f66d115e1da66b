import { and, eq, like, or, type SQL } from "drizzle-orm";
import { NotFound } from "~/lib/errors";
import {
  requirePermission,
  scopePaths,
  type StaffPermission,
} from "~/modules/auth/permissions.server";
import type { Actor } from "~/modules/auth/actor";
import type { Db } from "~db/client.server";
import { listingRevisions, listings, orgUnits, producers } from "~db/schema";

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

const producerColumns = {
  producerName: producers.name,
  producerCode: producers.code,
  orgUnitId: producers.orgUnitId,
  orgUnitName: orgUnits.name,
};

/** A listing with its producer and org unit, if it lies within the actor's moderation scope. */
export function scopedListing(db: Db, actor: Actor, listingId: number) {
  const row = db
    .select({ listing: listings, ...producerColumns })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(and(eq(listings.id, listingId), subtreeCondition(actor, "listing:moderate")))
    .get();
  if (!row) throw new NotFound("moderation.error.listingNotFound");
  return row;
}

/** A revision with its listing, producer and org unit, if within the actor's moderation scope. */
export function scopedRevision(db: Db, actor: Actor, revisionId: number) {
  const row = db
    .select({ revision: listingRevisions, listing: listings, ...producerColumns })
    .from(listingRevisions)
    .innerJoin(listings, eq(listings.id, listingRevisions.listingId))
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(and(eq(listingRevisions.id, revisionId), subtreeCondition(actor, "listing:moderate")))
    .get();
  if (!row) throw new NotFound("moderation.error.revisionNotFound");
  return row;
}

/** A producer with its org unit's name, if within the actor's verification scope. */
export function scopedProducer(db: Db, actor: Actor, producerId: number) {
  const row = db
    .select({ producer: producers, orgUnitName: orgUnits.name })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(and(eq(producers.id, producerId), subtreeCondition(actor, "producer:verify")))
    .get();
  if (!row) throw new NotFound("moderation.error.producerNotFound");
  return row;
}
