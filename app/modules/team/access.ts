import type { SignedInActor } from "~/modules/auth/actor";
import { TEAM_PERMISSIONS, type TeamPermission } from "~db/schema";

/**
 * What a producer's team member may open in the workspace (docs/decisions/029-care-team.md).
 * Pure: the session guard narrows the actor with it, and the workspace menu hides with it what
 * the member may not open, so the menu and the 403s cannot disagree.
 */

type ProducerMembership = SignedInActor["producers"][number];

/** Whether a membership allows `need`: an owner (or a membership without a list) may do all. */
export function membershipAllows(membership: ProducerMembership, need: TeamPermission): boolean {
  return (
    membership.role === "owner" ||
    membership.permissions === undefined ||
    membership.permissions.includes(need)
  );
}

/**
 * The actor as a page that needs `need` should see her: only the memberships that allow it,
 * so every module query scoped by `actor.producers` leaves the other producers out.
 */
export function narrowToPermission(actor: SignedInActor, need: TeamPermission): SignedInActor {
  return { ...actor, producers: actor.producers.filter((m) => membershipAllows(m, need)) };
}

/** What the workspace menu may show: the permissions held for some producer, and ownership. */
export interface WorkspaceAccess {
  permissions: TeamPermission[];
  isOwner: boolean;
}

/** The actor's workspace access over all her producers (the menu shows a section if any allows it). */
export function workspaceAccess(actor: SignedInActor): WorkspaceAccess {
  return {
    permissions: TEAM_PERMISSIONS.filter((need) =>
      actor.producers.some((m) => membershipAllows(m, need)),
    ),
    isOwner: actor.producers.some((m) => m.role === "owner"),
  };
}
