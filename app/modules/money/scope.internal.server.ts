import { NotFound } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import {
  hasPermission,
  requirePermission,
  type StaffPermission,
} from "~/modules/auth/permissions.server";
import { prepared, type Db } from "~db/client.server";

export interface ScopedProducer {
  id: number;
  orgUnitId: number;
  path: string;
}

/**
 * The producer when the staff member holds `permission` over her org unit. Without the
 * permission anywhere: 403; outside their subtree the producer does not exist for them: 404.
 */
export function producerInStaffScope(
  db: Db,
  actor: SignedInActor,
  permission: StaffPermission,
  producerId: number,
): ScopedProducer {
  requirePermission(actor, permission, null);
  const producer = prepared<ScopedProducer>(
    db,
    `SELECT p.id, p.org_unit_id AS orgUnitId, u.path FROM producers p
     JOIN org_units u ON u.id = p.org_unit_id WHERE p.id = ?`,
  ).get(producerId);
  if (!producer || !hasPermission(actor, permission, producer.path)) {
    throw new NotFound("orderError.producerNotFound");
  }
  return producer;
}
