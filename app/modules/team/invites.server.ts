import { and, asc, eq } from "drizzle-orm";
import { inTransaction, type Db } from "~db/client.server";
import {
  producerMemberships,
  producers,
  producerTeamInvites,
  users,
  type TeamPermission,
} from "~db/schema";
import { Conflict, Forbidden, NotFound } from "~/lib/errors";
import { refuseInAssistedMode } from "~/modules/assist/guard.server";
import type { SignedInActor } from "~/modules/auth/actor";
import { notify } from "~/modules/notifications/notify.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inviteExpiresAt, isPending } from "./team.server";

/**
 * The invited side of a producer's team (docs/decisions/029-care-team.md): an invite belongs
 * to a phone number, so whoever holds that number on her account (already, or after signing
 * up, or after changing her phone to it) sees it and may accept or decline it. Accepting needs
 * the phone to be confirmed: otherwise anyone could type a stranger's number and join.
 */

export interface PendingInvite {
  id: number;
  producerCode: string;
  producerName: string;
  permissions: TeamPermission[];
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** The user's phone and whether it is confirmed; null for an account without a phone. */
function phoneOf(db: Db, userId: number) {
  const user = db
    .select({ phone: users.phone, phoneConfirmedAt: users.phoneConfirmedAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return user?.phone ? { phone: user.phone, isConfirmed: user.phoneConfirmedAt !== null } : null;
}

/** The open invites for the user's phone, and whether she may accept them yet. */
export function pendingInvitesFor(db: Db, userId: number, now = new Date()) {
  const contact = phoneOf(db, userId);
  if (!contact) return { invites: [] as PendingInvite[], isPhoneConfirmed: false, hasPhone: false };
  const inviter = db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .as("inviter");
  const invites: PendingInvite[] = db
    .select({
      id: producerTeamInvites.id,
      producerCode: producers.code,
      producerName: producers.name,
      permissions: producerTeamInvites.permissions,
      invitedBy: inviter.displayName,
      createdAt: producerTeamInvites.createdAt,
    })
    .from(producerTeamInvites)
    .innerJoin(producers, eq(producers.id, producerTeamInvites.producerId))
    .leftJoin(inviter, eq(inviter.id, producerTeamInvites.invitedByUserId))
    .where(and(eq(producerTeamInvites.phone, contact.phone), isPending(now)))
    .orderBy(asc(producerTeamInvites.createdAt))
    .all()
    .map((invite) => ({ ...invite, expiresAt: inviteExpiresAt(invite.createdAt) }));
  return { invites, isPhoneConfirmed: contact.isConfirmed, hasPhone: true };
}

/** An open invite for this user's phone, with its producer; 404 for any other invite. */
function openInviteFor(db: Db, userId: number, inviteId: number, now: Date) {
  const contact = phoneOf(db, userId);
  const invite = contact
    ? db
        .select({
          id: producerTeamInvites.id,
          producerId: producers.id,
          producerCode: producers.code,
          producerName: producers.name,
          orgUnitId: producers.orgUnitId,
          permissions: producerTeamInvites.permissions,
          invitedByUserId: producerTeamInvites.invitedByUserId,
        })
        .from(producerTeamInvites)
        .innerJoin(producers, eq(producers.id, producerTeamInvites.producerId))
        .where(
          and(
            eq(producerTeamInvites.id, inviteId),
            eq(producerTeamInvites.phone, contact.phone),
            isPending(now),
          ),
        )
        .get()
    : undefined;
  if (!contact || !invite) throw new NotFound("team.error.noSuchInvite");
  return { invite, isPhoneConfirmed: contact.isConfirmed };
}

/** The owners of a producer: they hear when someone answers an invite. */
function ownerIds(db: Db, producerId: number): number[] {
  return db
    .select({ userId: producerMemberships.userId })
    .from(producerMemberships)
    .where(
      and(eq(producerMemberships.producerId, producerId), eq(producerMemberships.role, "owner")),
    )
    .all()
    .map((row) => row.userId);
}

/**
 * She joins the team with the permissions the owner chose; her next request sees the
 * workspace. Returns the producer's code.
 */
export function acceptInvite(
  db: Db,
  actor: SignedInActor,
  inviteId: number,
  now = new Date(),
): string {
  refuseInAssistedMode(actor);
  return inTransaction(db, () => {
    const { invite, isPhoneConfirmed } = openInviteFor(db, actor.userId, inviteId, now);
    if (!isPhoneConfirmed) throw new Forbidden("team.error.phoneNotConfirmed");
    const joined = db
      .insert(producerMemberships)
      .values({
        userId: actor.userId,
        producerId: invite.producerId,
        role: "member",
        permissions: invite.permissions,
        createdAt: now,
      })
      .onConflictDoNothing()
      .run().changes;
    if (joined === 0) throw new Conflict("team.error.alreadyMember");
    db.update(producerTeamInvites)
      .set({ acceptedAt: now })
      .where(eq(producerTeamInvites.id, invite.id))
      .run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "team.invite.accept",
      entityType: "producer",
      entityId: invite.producerId,
      orgUnitId: invite.orgUnitId,
      after: { inviteId: invite.id, userId: actor.userId, permissions: invite.permissions },
    });
    notify(db, {
      recipients: { userIds: ownerIds(db, invite.producerId) },
      kind: "team.invite.accepted",
      message: {
        key: "team.notice.accepted",
        params: { name: actor.displayName, producer: invite.producerName },
      },
      link: "/ban-hang/nhom",
    });
    return invite.producerCode;
  });
}

/** She says no: the invite is closed (as if taken back) and the owners are told. */
export function declineInvite(
  db: Db,
  actor: SignedInActor,
  inviteId: number,
  now = new Date(),
): void {
  refuseInAssistedMode(actor);
  inTransaction(db, () => {
    const { invite } = openInviteFor(db, actor.userId, inviteId, now);
    db.update(producerTeamInvites)
      .set({ revokedAt: now })
      .where(eq(producerTeamInvites.id, invite.id))
      .run();
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "team.invite.decline",
      entityType: "producer",
      entityId: invite.producerId,
      orgUnitId: invite.orgUnitId,
      after: { inviteId: invite.id, userId: actor.userId },
    });
    notify(db, {
      recipients: { userIds: ownerIds(db, invite.producerId) },
      kind: "team.invite.declined",
      message: {
        key: "team.notice.declined",
        params: { name: actor.displayName, producer: invite.producerName },
      },
      link: "/ban-hang/nhom",
    });
  });
}
