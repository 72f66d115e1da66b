import { and, asc, eq, gt, isNull, lte } from "drizzle-orm";
import { inTransaction, type Db } from "~db/client.server";
import {
  producerMemberships,
  producers,
  producerTeamInvites,
  users,
  type TeamPermission,
} from "~db/schema";
import { formatPhone } from "~/lib/contact";
import { Conflict, Forbidden, NotFound } from "~/lib/errors";
import { refuseInAssistedMode } from "~/modules/assist/guard.server";
import type { SignedInActor } from "~/modules/auth/actor";
import { notify } from "~/modules/notifications/notify.server";
import { writeAudit } from "~/modules/platform/audit.server";
import type { TeamAction } from "~/lib/schemas/team";

/**
 * A producer's team as its owner runs it (docs/decisions/029-care-team.md): who is in it and
 * what each may do, invites by phone, changes, removals. Every function checks ownership in
 * its own query (the owner's membership row), never from what the page was sent, and writes
 * the audit log and the notification inside the change's transaction.
 */

export interface TeamMemberView {
  userId: number;
  displayName: string;
  phone: string | null;
  role: "owner" | "member";
  permissions: TeamPermission[];
  since: Date;
}

export interface TeamInviteView {
  id: number;
  phone: string;
  permissions: TeamPermission[];
  createdAt: Date;
  expiresAt: Date;
}

export interface TeamView {
  producerId: number;
  producerCode: string;
  producerName: string;
  members: TeamMemberView[];
  invites: TeamInviteView[];
}

/** The producers the user owns, as the database says (not as the request claims). */
function ownedProducers(db: Db, userId: number) {
  return db
    .select({
      id: producers.id,
      code: producers.code,
      name: producers.name,
      orgUnitId: producers.orgUnitId,
    })
    .from(producerMemberships)
    .innerJoin(producers, eq(producers.id, producerMemberships.producerId))
    .where(and(eq(producerMemberships.userId, userId), eq(producerMemberships.role, "owner")))
    .orderBy(asc(producers.code))
    .all();
}

/** The producer `producerId` if the actor owns it; a member or a stranger is refused (403). */
function requireOwnedProducer(db: Db, actor: SignedInActor, producerId: number) {
  const producer = ownedProducers(db, actor.userId).find((p) => p.id === producerId);
  if (!producer) throw new Forbidden("team.error.ownerOnly");
  return producer;
}

/** The team of each producer the actor owns; 403 for a user who owns none. */
export function teamsOfOwner(db: Db, actor: SignedInActor, now = new Date()): TeamView[] {
  const owned = ownedProducers(db, actor.userId);
  if (owned.length === 0) throw new Forbidden("team.error.ownerOnly");
  return owned.map((producer) => ({
    producerId: producer.id,
    producerCode: producer.code,
    producerName: producer.name,
    members: db
      .select({
        userId: users.id,
        displayName: users.displayName,
        phone: users.phone,
        role: producerMemberships.role,
        permissions: producerMemberships.permissions,
        since: producerMemberships.createdAt,
      })
      .from(producerMemberships)
      .innerJoin(users, eq(users.id, producerMemberships.userId))
      .where(eq(producerMemberships.producerId, producer.id))
      .orderBy(asc(producerMemberships.createdAt), asc(users.id))
      .all()
      .map((member) => ({ ...member, phone: member.phone ? formatPhone(member.phone) : null }))
      // The owner first: she is listed but cannot be changed or removed.
      .sort((a, b) => Number(b.role === "owner") - Number(a.role === "owner")),
    invites: db
      .select({
        id: producerTeamInvites.id,
        phone: producerTeamInvites.phone,
        permissions: producerTeamInvites.permissions,
        createdAt: producerTeamInvites.createdAt,
      })
      .from(producerTeamInvites)
      .where(and(eq(producerTeamInvites.producerId, producer.id), isPending(now)))
      .orderBy(asc(producerTeamInvites.createdAt))
      .all()
      .map((invite) => ({
        ...invite,
        phone: formatPhone(invite.phone),
        expiresAt: inviteExpiresAt(invite.createdAt),
      })),
  }));
}

/** How long an invite stays open: after that the owner invites again if she still wants to. */
export const INVITE_TTL_DAYS = 14;
const INVITE_TTL_MS = INVITE_TTL_DAYS * 24 * 60 * 60 * 1000;

/** When an invite made at `createdAt` stops being open. */
export function inviteExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITE_TTL_MS);
}

/** An invite nobody has answered or taken back yet, and not older than INVITE_TTL_DAYS. */
export function isPending(now: Date) {
  return and(
    isNull(producerTeamInvites.acceptedAt),
    isNull(producerTeamInvites.revokedAt),
    gt(producerTeamInvites.createdAt, new Date(now.getTime() - INVITE_TTL_MS)),
  );
}

/**
 * Closes the expired, never-answered invites of this producer for this phone (as if taken
 * back), so that a new invite may take their place: the database allows one open row per phone.
 */
function closeExpiredInvites(db: Db, producerId: number, phone: string, now: Date): void {
  db.update(producerTeamInvites)
    .set({ revokedAt: now })
    .where(
      and(
        eq(producerTeamInvites.producerId, producerId),
        eq(producerTeamInvites.phone, phone),
        isNull(producerTeamInvites.acceptedAt),
        isNull(producerTeamInvites.revokedAt),
        lte(producerTeamInvites.createdAt, new Date(now.getTime() - INVITE_TTL_MS)),
      ),
    )
    .run();
}

/** Runs one of the team page's changes (by its intent); returns the notice key of the page. */
export function changeTeam(db: Db, actor: SignedInActor, change: TeamAction, now = new Date()) {
  switch (change.intent) {
    case "invite":
      inviteMember(db, actor, change, now);
      return "moi" as const;
    case "permissions":
      changeMemberPermissions(db, actor, change);
      return "quyen" as const;
    case "remove":
      removeMember(db, actor, change);
      return "xoa" as const;
    case "revoke":
      revokeInvite(db, actor, change, now);
      return "thu-hoi" as const;
  }
}

/**
 * Invites the owner of `phone` (+84…) with the ticked permissions. Refused when that phone is
 * already in the team or already has an open invite. A user who already has that phone is told
 * at once; someone who signs up with it later finds the invite on her account.
 */
export function inviteMember(
  db: Db,
  actor: SignedInActor,
  input: { producerId: number; phone: string; permissions: TeamPermission[] },
  now = new Date(),
): number {
  refuseInAssistedMode(actor);
  return inTransaction(db, () => {
    const producer = requireOwnedProducer(db, actor, input.producerId);
    const invitee = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.phone, input.phone))
      .get();
    if (invitee && memberRole(db, producer.id, invitee.id)) {
      throw new Conflict("team.error.alreadyMember", {}, { field: "phone" });
    }
    closeExpiredInvites(db, producer.id, input.phone, now);
    const open = db
      .select({ id: producerTeamInvites.id })
      .from(producerTeamInvites)
      .where(
        and(
          eq(producerTeamInvites.producerId, producer.id),
          eq(producerTeamInvites.phone, input.phone),
          isPending(now),
        ),
      )
      .get();
    if (open) throw new Conflict("team.error.alreadyInvited", {}, { field: "phone" });
    const invite = db
      .insert(producerTeamInvites)
      .values({
        producerId: producer.id,
        phone: input.phone,
        permissions: input.permissions,
        invitedByUserId: actor.userId,
        createdAt: now,
      })
      .returning({ id: producerTeamInvites.id })
      .get();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "team.invite",
      entityType: "producer",
      entityId: producer.id,
      orgUnitId: producer.orgUnitId,
      after: { inviteId: invite.id, phone: input.phone, permissions: input.permissions },
    });
    if (invitee) {
      notify(db, {
        recipients: { userIds: [invitee.id] },
        kind: "team.invited",
        message: { key: "team.notice.invited", params: { producer: producer.name } },
        link: "/tai-khoan/loi-moi",
      });
    }
    return invite.id;
  });
}

/** The user's role in the producer's team, or null when she is not in it. */
function memberRole(db: Db, producerId: number, userId: number) {
  return (
    db
      .select({ role: producerMemberships.role, permissions: producerMemberships.permissions })
      .from(producerMemberships)
      .where(
        and(eq(producerMemberships.producerId, producerId), eq(producerMemberships.userId, userId)),
      )
      .get() ?? null
  );
}

/** The owner changes what a member may do; the owner's own row cannot be changed. */
export function changeMemberPermissions(
  db: Db,
  actor: SignedInActor,
  input: { producerId: number; userId: number; permissions: TeamPermission[] },
): void {
  refuseInAssistedMode(actor);
  inTransaction(db, () => {
    const { producer, before } = ownedProducerMember(db, actor, input, "team.error.ownerFixed");
    db.update(producerMemberships)
      .set({ permissions: input.permissions })
      .where(memberRowOf(producer.id, input.userId))
      .run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "team.permissions",
      entityType: "producer",
      entityId: producer.id,
      orgUnitId: producer.orgUnitId,
      before: { userId: input.userId, permissions: before.permissions },
      after: { userId: input.userId, permissions: input.permissions },
    });
    notify(db, {
      recipients: { userIds: [input.userId] },
      kind: "team.permissions",
      message: { key: "team.notice.permissions", params: { producer: producer.name } },
      link: "/ban-hang",
    });
  });
}

/**
 * The owner removes a member: her membership row goes, so from her next request on the
 * workspace of this producer refuses her (her sessions stay; her other roles are untouched).
 * Nobody can remove the owner, and so the owner cannot remove herself.
 */
export function removeMember(
  db: Db,
  actor: SignedInActor,
  input: { producerId: number; userId: number },
): void {
  refuseInAssistedMode(actor);
  inTransaction(db, () => {
    const { producer, before } = ownedProducerMember(
      db,
      actor,
      input,
      "team.error.cannotRemoveOwner",
    );
    db.delete(producerMemberships).where(memberRowOf(producer.id, input.userId)).run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "team.remove",
      entityType: "producer",
      entityId: producer.id,
      orgUnitId: producer.orgUnitId,
      before: { userId: input.userId, role: before.role, permissions: before.permissions },
    });
    notify(db, {
      recipients: { userIds: [input.userId] },
      kind: "team.removed",
      message: { key: "team.notice.removed", params: { producer: producer.name } },
      link: null,
    });
  });
}

/** The owner takes back an invite nobody has answered; the invited user, if any, is told. */
export function revokeInvite(
  db: Db,
  actor: SignedInActor,
  input: { producerId: number; inviteId: number },
  now = new Date(),
): void {
  refuseInAssistedMode(actor);
  inTransaction(db, () => {
    const producer = requireOwnedProducer(db, actor, input.producerId);
    const revoked = db
      .update(producerTeamInvites)
      .set({ revokedAt: now })
      .where(
        and(
          eq(producerTeamInvites.id, input.inviteId),
          eq(producerTeamInvites.producerId, producer.id),
          isPending(now),
        ),
      )
      .returning({ phone: producerTeamInvites.phone })
      .get();
    if (!revoked) throw new NotFound("team.error.noSuchInvite");
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "team.invite.revoke",
      entityType: "producer",
      entityId: producer.id,
      orgUnitId: producer.orgUnitId,
      before: { inviteId: input.inviteId, phone: revoked.phone },
    });
    const invitee = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.phone, revoked.phone))
      .get();
    if (invitee) {
      notify(db, {
        recipients: { userIds: [invitee.id] },
        kind: "team.invite.revoked",
        message: { key: "team.notice.revoked", params: { producer: producer.name } },
        link: null,
      });
    }
  });
}

/**
 * The owned producer and the member row an owner's change is about: refused when the actor
 * does not own the producer, when there is no such member, or when the row is the owner's.
 */
function ownedProducerMember(
  db: Db,
  actor: SignedInActor,
  input: { producerId: number; userId: number },
  ownerRefusal: "team.error.ownerFixed" | "team.error.cannotRemoveOwner",
) {
  const producer = requireOwnedProducer(db, actor, input.producerId);
  const before = memberRole(db, producer.id, input.userId);
  if (!before) throw new NotFound("team.error.noSuchMember");
  if (before.role === "owner") throw new Forbidden(ownerRefusal);
  return { producer, before };
}

/** A plain member's row (never the owner's) of one producer. */
const memberRowOf = (producerId: number, userId: number) =>
  and(
    eq(producerMemberships.producerId, producerId),
    eq(producerMemberships.userId, userId),
    eq(producerMemberships.role, "member"),
  );
