import { asc, eq, inArray, sql } from "drizzle-orm";
import type { SignedInActor } from "~/modules/auth/actor";
import type { Db } from "~db/client.server";
import {
  listings,
  producerMemberships,
  producers,
  type ListingStatus,
  type ProducerKind,
  type ProducerRole,
  type VerificationStatus,
} from "~db/schema";

export interface WorkspaceProducer {
  id: number;
  code: string;
  name: string;
  kind: ProducerKind;
  commune: string;
  role: ProducerRole;
  verificationStatus: VerificationStatus;
  verificationNote: string | null;
  /** Why staff suspended the producer (status `suspended`), else null. */
  suspensionReason: string | null;
  listingCounts: Partial<Record<ListingStatus, number>>;
}

/**
 * The producer workspace home: every producer the user is a member of (the membership is
 * in the query, not checked after it), with its verification state and listings per status.
 */
export function getWorkspaceOverview(db: Db, actor: SignedInActor): WorkspaceProducer[] {
  const rows = db
    .select({
      id: producers.id,
      code: producers.code,
      name: producers.name,
      kind: producers.kind,
      commune: producers.commune,
      role: producerMemberships.role,
      verificationStatus: producers.verificationStatus,
      verificationNote: producers.verificationNote,
      suspensionReason: producers.suspensionReason,
    })
    .from(producerMemberships)
    .innerJoin(producers, eq(producers.id, producerMemberships.producerId))
    .where(eq(producerMemberships.userId, actor.userId))
    .orderBy(asc(producers.name))
    .all();
  if (rows.length === 0) return [];
  const counts = db
    .select({ producerId: listings.producerId, status: listings.status, n: sql<number>`count(*)` })
    .from(listings)
    .where(
      inArray(
        listings.producerId,
        rows.map((row) => row.id),
      ),
    )
    .groupBy(listings.producerId, listings.status)
    .all();
  return rows.map((row) => ({
    ...row,
    listingCounts: Object.fromEntries(
      counts.filter((c) => c.producerId === row.id).map((c) => [c.status, c.n]),
    ),
  }));
}
