import { and, asc, eq, sql } from "drizzle-orm";
import { NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import type { Db } from "~db/client.server";
import { orgUnits, producers, purchaseRequests } from "~db/schema";

/**
 * What the connecting use cases share (connecting.server.ts, invitations.server.ts,
 * offline-deals.server.ts): the permission they need and the producers of the actor's subtree.
 */

/** Staff record deals and invite producers with this permission, over their subtree. */
export const CONNECT_PERMISSION = "deal:record";

/** How many offers of the row's request are live (not withdrawn): the lists and the invite page. */
export const liveOfferCount = sql<number>`(select count(*) from offers o where o.purchase_request_id = ${purchaseRequests.id} and o.status <> 'withdrawn')`;

/** A producer of the actor's subtree by code (any verification state); NotFound outside it. */
export function scopedProducer(db: Db, actor: SignedInActor, code: string) {
  const row = db
    .select({
      id: producers.id,
      code: producers.code,
      name: producers.name,
      orgUnitId: producers.orgUnitId,
      verificationStatus: producers.verificationStatus,
    })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(and(eq(producers.code, code.trim()), subtreeCondition(actor, CONNECT_PERMISSION)))
    .get();
  if (!row) throw new NotFound("connect.error.producerNotFound", {}, { field: "producerCode" });
  return row;
}

/** A producer staff may pick: verified and within their subtree. */
export interface ConnectProducer {
  id: number;
  code: string;
  name: string;
  orgUnitName: string;
}

/** The verified producers of the actor's subtree, by name: the invite and deal forms' choices. */
export function producersInScope(db: Db, actor: SignedInActor): ConnectProducer[] {
  return db
    .select({
      id: producers.id,
      code: producers.code,
      name: producers.name,
      orgUnitName: orgUnits.name,
    })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(
      and(
        eq(producers.verificationStatus, "verified"),
        subtreeCondition(actor, CONNECT_PERMISSION),
      ),
    )
    .orderBy(asc(producers.name))
    .all();
}
