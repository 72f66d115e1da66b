import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  auditLog,
  notifications,
  producerMemberships,
  producerTeamInvites,
  users,
} from "~db/schema";
import type { SignedInActor } from "~/modules/auth/actor";
import { actorForUser } from "~/modules/auth/session.server";
import { acceptInvite, declineInvite, pendingInvitesFor } from "~/modules/team/invites.server";
import {
  changeMemberPermissions,
  INVITE_TTL_DAYS,
  inviteMember,
  removeMember,
  revokeInvite,
  teamsOfOwner,
} from "~/modules/team/team.server";
import { teamActionSchema, teamFormFields } from "~/lib/schemas/team";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket } from "../helpers/market";

/**
 * A producer's team (issue 15 item 4): the owner invites by phone, the holder of that phone
 * accepts or declines, the owner changes what a member may do or removes her; invites expire;
 * the owner cannot be changed or removed; assisted mode changes nothing. Real SQLite.
 */

const DAY = 24 * 60 * 60 * 1000;
const PHONE = "+84912000001";

let db: Db;
let market: ReturnType<typeof makeMarket>;
let owner: SignedInActor;

/** The buyer, with `phone` on her account (confirmed unless told otherwise), as an actor. */
function invitee(phone = PHONE, confirmed = true): SignedInActor {
  db.update(users)
    .set({ phone, phoneConfirmedAt: confirmed ? new Date() : null })
    .where(eq(users.id, market.buyer.id))
    .run();
  return actorForUser(db, market.buyer.id)!;
}

function rows() {
  return {
    invites: db.select().from(producerTeamInvites).all(),
    memberships: db
      .select()
      .from(producerMemberships)
      .where(eq(producerMemberships.producerId, market.producerA.id))
      .all(),
    audit: db.select({ action: auditLog.action }).from(auditLog).all(),
    notices: db
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .all(),
  };
}

function membershipOf(userId: number) {
  return db
    .select()
    .from(producerMemberships)
    .where(
      and(
        eq(producerMemberships.producerId, market.producerA.id),
        eq(producerMemberships.userId, userId),
      ),
    )
    .get();
}

/** Invites the buyer's phone into producer A with `permissions`, and has her accept. */
function joinBuyer(permissions: ("listings" | "orders" | "statement")[]) {
  const her = invitee();
  const inviteId = inviteMember(db, owner, {
    producerId: market.producerA.id,
    phone: PHONE,
    permissions,
  });
  acceptInvite(db, her, inviteId);
  return inviteId;
}

beforeEach(() => {
  db = freshDb();
  market = makeMarket(db);
  owner = actorForUser(db, market.memberA.id)!;
});

describe("inviting by phone", () => {
  it("stores the invite, tells the account with that phone and writes the audit log", () => {
    invitee();
    const id = inviteMember(db, owner, {
      producerId: market.producerA.id,
      phone: PHONE,
      permissions: ["orders"],
    });
    const { invites, audit, notices } = rows();
    expect(invites).toMatchObject([
      { id, phone: PHONE, permissions: ["orders"], invitedByUserId: market.memberA.id },
    ]);
    expect(audit).toEqual([{ action: "team.invite" }]);
    expect(notices).toEqual([{ userId: market.buyer.id, kind: "team.invited" }]);
    const [team] = teamsOfOwner(db, owner);
    expect(team!.invites.map((i) => i.id)).toEqual([id]);
    expect(team!.invites[0]!.expiresAt.getTime() - team!.invites[0]!.createdAt.getTime()).toBe(
      INVITE_TTL_DAYS * DAY,
    );
  });

  it("invites a phone nobody has yet; whoever later holds it sees the invite", () => {
    inviteMember(db, owner, {
      producerId: market.producerA.id,
      phone: PHONE,
      permissions: ["listings"],
    });
    expect(rows().notices).toEqual([]);
    const seen = pendingInvitesFor(db, invitee().userId);
    expect(seen.invites).toMatchObject([
      { producerCode: "SXA", permissions: ["listings"], invitedBy: "Chị A" },
    ]);
  });

  it("refuses a second open invite to the same phone and a phone already in the team", () => {
    const her = invitee();
    const input = {
      producerId: market.producerA.id,
      phone: PHONE,
      permissions: ["orders" as const],
    };
    inviteMember(db, owner, input);
    expect(() => inviteMember(db, owner, input)).toThrow(
      expect.objectContaining({ status: 409, messageKey: "team.error.alreadyInvited" }),
    );
    acceptInvite(db, her, rows().invites[0]!.id);
    expect(() => inviteMember(db, owner, input)).toThrow(
      expect.objectContaining({ status: 409, messageKey: "team.error.alreadyMember" }),
    );
  });

  it("refuses anyone but the owner: another producer's owner and a member of the team", () => {
    joinBuyer(["listings", "orders", "statement"]);
    const member = actorForUser(db, market.buyer.id)!;
    const memberB = actorForUser(db, market.memberB.id)!;
    const before = rows();
    for (const actor of [memberB, member]) {
      expect(() =>
        inviteMember(db, actor, {
          producerId: market.producerA.id,
          phone: "+84912000002",
          permissions: ["orders"],
        }),
      ).toThrow(expect.objectContaining({ status: 403, messageKey: "team.error.ownerOnly" }));
    }
    expect(() => teamsOfOwner(db, member)).toThrow(expect.objectContaining({ status: 403 }));
    expect(teamsOfOwner(db, memberB).map((t) => t.producerCode)).toEqual(["SXB"]);
    expect(rows()).toEqual(before);
  });

  it("the form: a bad phone and no permission ticked are refused by the schema", () => {
    const form = new FormData();
    form.set("intent", "invite");
    form.set("producerId", "1");
    form.set("phone", "12");
    const parsed = teamActionSchema.safeParse(teamFormFields(form));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path[0]).sort()).toEqual(["permissions", "phone"]);
    form.set("phone", "0912 000 001");
    form.append("permissions", "statement");
    form.append("permissions", "listings");
    expect(teamActionSchema.parse(teamFormFields(form))).toEqual({
      intent: "invite",
      producerId: 1,
      phone: PHONE,
      permissions: ["listings", "statement"],
    });
  });
});

describe("answering an invite", () => {
  it("accepting makes her a member with the chosen permissions; the owner is told", () => {
    const inviteId = joinBuyer(["orders"]);
    expect(membershipOf(market.buyer.id)).toMatchObject({
      role: "member",
      permissions: ["orders"],
    });
    const { invites, audit, notices } = rows();
    expect(invites[0]).toMatchObject({ id: inviteId, revokedAt: null });
    expect(invites[0]!.acceptedAt).toBeInstanceOf(Date);
    expect(audit.map((a) => a.action)).toEqual(["team.invite", "team.invite.accept"]);
    expect(notices).toContainEqual({ userId: market.memberA.id, kind: "team.invite.accepted" });
    // Her next request sees the workspace with exactly that permission.
    expect(actorForUser(db, market.buyer.id)!.producers).toMatchObject([
      { producerId: market.producerA.id, role: "member", permissions: ["orders"] },
    ]);
    expect(pendingInvitesFor(db, market.buyer.id).invites).toEqual([]);
  });

  it("refuses to accept before her phone is confirmed, and changes nothing", () => {
    const her = invitee(PHONE, false);
    const id = inviteMember(db, owner, {
      producerId: market.producerA.id,
      phone: PHONE,
      permissions: ["orders"],
    });
    expect(pendingInvitesFor(db, her.userId)).toMatchObject({ isPhoneConfirmed: false });
    const before = rows();
    expect(() => acceptInvite(db, her, id)).toThrow(
      expect.objectContaining({ status: 403, messageKey: "team.error.phoneNotConfirmed" }),
    );
    expect(rows()).toEqual(before);
  });

  it("an invite to another phone is a 404 for her", () => {
    invitee();
    const id = inviteMember(db, owner, {
      producerId: market.producerA.id,
      phone: "+84912000009",
      permissions: ["orders"],
    });
    const her = actorForUser(db, market.buyer.id)!;
    expect(() => acceptInvite(db, her, id)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => declineInvite(db, her, id)).toThrow(expect.objectContaining({ status: 404 }));
    expect(membershipOf(market.buyer.id)).toBeUndefined();
  });

  it("declining closes the invite without a membership; the owner is told", () => {
    const her = invitee();
    const id = inviteMember(db, owner, {
      producerId: market.producerA.id,
      phone: PHONE,
      permissions: ["orders"],
    });
    declineInvite(db, her, id);
    expect(membershipOf(market.buyer.id)).toBeUndefined();
    expect(rows().invites[0]!.revokedAt).toBeInstanceOf(Date);
    expect(rows().audit.map((a) => a.action)).toEqual(["team.invite", "team.invite.decline"]);
    expect(rows().notices).toContainEqual({
      userId: market.memberA.id,
      kind: "team.invite.declined",
    });
    expect(() => acceptInvite(db, her, id)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("an invite expires after 14 days: not shown, not accepted, and the owner may invite again", () => {
    const her = invitee();
    const then = new Date(Date.now() - (INVITE_TTL_DAYS + 1) * DAY);
    const old = inviteMember(
      db,
      owner,
      { producerId: market.producerA.id, phone: PHONE, permissions: ["orders"] },
      then,
    );
    expect(pendingInvitesFor(db, her.userId).invites).toEqual([]);
    expect(teamsOfOwner(db, owner)[0]!.invites).toEqual([]);
    expect(() => acceptInvite(db, her, old)).toThrow(expect.objectContaining({ status: 404 }));
    expect(membershipOf(market.buyer.id)).toBeUndefined();
    const fresh = inviteMember(db, owner, {
      producerId: market.producerA.id,
      phone: PHONE,
      permissions: ["statement"],
    });
    expect(pendingInvitesFor(db, her.userId).invites.map((i) => i.id)).toEqual([fresh]);
    acceptInvite(db, her, fresh);
    expect(membershipOf(market.buyer.id)).toMatchObject({ permissions: ["statement"] });
  });

  it("the owner takes back an invite; it can no longer be accepted", () => {
    const her = invitee();
    const id = inviteMember(db, owner, {
      producerId: market.producerA.id,
      phone: PHONE,
      permissions: ["orders"],
    });
    revokeInvite(db, owner, { producerId: market.producerA.id, inviteId: id });
    expect(rows().notices).toContainEqual({ userId: market.buyer.id, kind: "team.invite.revoked" });
    expect(() => acceptInvite(db, her, id)).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe("changing and removing members", () => {
  it("the owner changes what a member may do; the audit log keeps before and after", () => {
    joinBuyer(["orders"]);
    changeMemberPermissions(db, owner, {
      producerId: market.producerA.id,
      userId: market.buyer.id,
      permissions: ["listings", "statement"],
    });
    expect(membershipOf(market.buyer.id)).toMatchObject({ permissions: ["listings", "statement"] });
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "team.permissions")).get();
    expect(entry).toMatchObject({
      before: { userId: market.buyer.id, permissions: ["orders"] },
      after: { userId: market.buyer.id, permissions: ["listings", "statement"] },
    });
    expect(rows().notices).toContainEqual({ userId: market.buyer.id, kind: "team.permissions" });
  });

  it("a member cannot change her own permissions, and nobody changes the owner's", () => {
    joinBuyer(["orders"]);
    const member = actorForUser(db, market.buyer.id)!;
    expect(() =>
      changeMemberPermissions(db, member, {
        producerId: market.producerA.id,
        userId: market.buyer.id,
        permissions: ["orders", "statement"],
      }),
    ).toThrow(expect.objectContaining({ status: 403 }));
    expect(() =>
      changeMemberPermissions(db, owner, {
        producerId: market.producerA.id,
        userId: market.memberA.id,
        permissions: ["orders"],
      }),
    ).toThrow(expect.objectContaining({ status: 403, messageKey: "team.error.ownerFixed" }));
    expect(membershipOf(market.buyer.id)).toMatchObject({ permissions: ["orders"] });
  });

  it("the owner removes a member: the membership goes, she is told, the audit log says so", () => {
    joinBuyer(["orders"]);
    removeMember(db, owner, { producerId: market.producerA.id, userId: market.buyer.id });
    expect(membershipOf(market.buyer.id)).toBeUndefined();
    expect(actorForUser(db, market.buyer.id)!.producers).toEqual([]);
    expect(rows().audit.map((a) => a.action)).toContain("team.remove");
    expect(rows().notices).toContainEqual({ userId: market.buyer.id, kind: "team.removed" });
  });

  it("the owner cannot remove herself, the only owner; another producer cannot remove anyone", () => {
    joinBuyer(["orders"]);
    expect(() =>
      removeMember(db, owner, { producerId: market.producerA.id, userId: market.memberA.id }),
    ).toThrow(expect.objectContaining({ status: 403, messageKey: "team.error.cannotRemoveOwner" }));
    const memberB = actorForUser(db, market.memberB.id)!;
    expect(() =>
      removeMember(db, memberB, { producerId: market.producerA.id, userId: market.buyer.id }),
    ).toThrow(expect.objectContaining({ status: 403 }));
    expect(
      rows()
        .memberships.map((m) => m.userId)
        .sort(),
    ).toEqual([market.memberA.id, market.buyer.id].sort());
  });

  it("in assisted mode every team change is refused and nothing is written", () => {
    const inviteId = joinBuyer(["orders"]);
    const assisting: SignedInActor = {
      ...owner,
      assisting: {
        producerId: market.producerA.id,
        producerCode: "SXA",
        producerName: "HTX A",
        startedAt: new Date(),
      },
    };
    const before = rows();
    const refused = expect.objectContaining({
      status: 403,
      messageKey: "assist.error.refusedInAssist",
    });
    const producerId = market.producerA.id;
    expect(() =>
      inviteMember(db, assisting, { producerId, phone: "+84912000005", permissions: ["orders"] }),
    ).toThrow(refused);
    expect(() =>
      changeMemberPermissions(db, assisting, {
        producerId,
        userId: market.buyer.id,
        permissions: ["statement"],
      }),
    ).toThrow(refused);
    expect(() => removeMember(db, assisting, { producerId, userId: market.buyer.id })).toThrow(
      refused,
    );
    expect(() => revokeInvite(db, assisting, { producerId, inviteId })).toThrow(refused);
    expect(rows()).toEqual(before);
  });
});
