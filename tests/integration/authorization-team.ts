import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of a producer's team (issue 15): only the owner runs her team (every
 * change checks her ownership of the producer named in the form), and an invite is answered
 * only by the account holding its phone. The "team-member" of producer A may handle its
 * listings only: the order, statement and team pages refuse her.
 */

const inviteToA = (w: World) => ({
  intent: "invite",
  producerId: String(w.producerId),
  phone: "0912000999",
  permissions: "orders",
});

const removeFromA = (w: World) => ({
  intent: "remove",
  producerId: String(w.producerId),
  userId: String(w.userIds["team-member"]),
  confirm: "yes",
});

const grantAllInA = (w: World) => ({
  intent: "permissions",
  producerId: String(w.producerId),
  userId: String(w.userIds["team-member"]),
  permissions: "statement",
});

const notOwner: DeniedCase[] = [
  { as: "anonymous", expect: "redirect-login" },
  { as: "buyer", expect: 403 },
  { as: "reporter", expect: 403 },
  { as: "team-member", expect: 403, note: "a member is not the owner" },
];

export const teamAuthorizationCases: Record<string, RouteCases> = {
  "ban-hang.nhom": {
    loader: notOwner,
    action: [
      ...notOwner.map((denied) => ({ ...denied, form: inviteToA })),
      {
        as: "other-producer",
        expect: 403,
        form: inviteToA,
        note: "producer B's owner invites into producer A",
      },
      {
        as: "other-producer",
        expect: 403,
        form: removeFromA,
        note: "producer B's owner removes producer A's member",
      },
      {
        as: "team-member",
        expect: 403,
        form: grantAllInA,
        note: "a member gives herself more",
      },
      {
        as: "producer",
        expect: 403,
        form: inviteToA,
        origin: "https://evil.example",
        note: "another site's form",
      },
    ],
  },
  "tai-khoan_.loi-moi": {
    loader: [{ as: "anonymous", expect: "redirect-login" }],
    action: [
      { as: "anonymous", expect: "redirect-login", form: { intent: "accept", inviteId: "1" } },
      {
        as: "buyer",
        expect: 404,
        form: { intent: "accept", inviteId: "987654321" },
        note: "an invite that is not to her phone",
      },
      {
        as: "buyer",
        expect: 403,
        form: { intent: "decline", inviteId: "1" },
        origin: "https://evil.example",
        note: "another site's form",
      },
    ],
  },
};
