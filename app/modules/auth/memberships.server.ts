import { eq, sql } from "drizzle-orm";
import { preparedQuery, type Db } from "~db/client.server";
import {
  buyerProfiles,
  orgUnits,
  producerMemberships,
  producers,
  staffMemberships,
  TEAM_PERMISSIONS,
  type ProducerRole,
  type StaffRole,
  type TeamPermission,
  type VerificationStatus,
} from "~db/schema";

/**
 * The one query for "what is this user a member of": the session's actor, the account page and
 * the after-login landing page all read it here, so a new kind of membership is added once.
 * (The other direction, "who are the members of this producer", is the notifications
 * module's recipient lookup.)
 */

export interface ProducerMembership {
  producerId: number;
  producerCode: string;
  producerName: string;
  role: ProducerRole;
  /** What the owner lets this member do (an owner may do everything). */
  permissions: TeamPermission[];
  verificationStatus: VerificationStatus;
}

export interface StaffMembership {
  orgUnitId: number;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
  role: StaffRole;
}

export interface Memberships {
  isBuyer: boolean;
  /** By producer code. */
  producers: ProducerMembership[];
  /** By org-unit path, so a unit comes before the units below it. */
  staff: StaffMembership[];
}

// Every signed-in request reads these three (the session's actor): prepared once per connection.
const buyerProfileOf = (db: Db) =>
  db
    .select({ userId: buyerProfiles.userId })
    .from(buyerProfiles)
    .where(eq(buyerProfiles.userId, sql.placeholder("userId")))
    .prepare();

const producerMembershipsOf = (db: Db) =>
  db
    .select({
      producerId: producers.id,
      producerCode: producers.code,
      producerName: producers.name,
      role: producerMemberships.role,
      permissions: producerMemberships.permissions,
      verificationStatus: producers.verificationStatus,
    })
    .from(producerMemberships)
    .innerJoin(producers, eq(producers.id, producerMemberships.producerId))
    .where(eq(producerMemberships.userId, sql.placeholder("userId")))
    .orderBy(producers.code)
    .prepare();

const staffMembershipsOf = (db: Db) =>
  db
    .select({
      orgUnitId: orgUnits.id,
      orgUnitCode: orgUnits.code,
      orgUnitName: orgUnits.name,
      orgUnitPath: orgUnits.path,
      role: staffMemberships.role,
    })
    .from(staffMemberships)
    .innerJoin(orgUnits, eq(orgUnits.id, staffMemberships.orgUnitId))
    .where(eq(staffMemberships.userId, sql.placeholder("userId")))
    .orderBy(orgUnits.path)
    .prepare();

/** The buyer profile, producer memberships and staff memberships of a user. */
export function membershipsOf(db: Db, userId: number): Memberships {
  const buyer = preparedQuery(db, buyerProfileOf).get({ userId });
  const producerRows = preparedQuery(db, producerMembershipsOf).all({ userId });
  const staffRows = preparedQuery(db, staffMembershipsOf).all({ userId });
  return {
    isBuyer: buyer !== undefined,
    producers: producerRows.map((row) => ({
      ...row,
      permissions: row.role === "owner" ? [...TEAM_PERMISSIONS] : row.permissions,
    })),
    staff: staffRows,
  };
}
