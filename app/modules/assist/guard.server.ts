import { Forbidden } from "~/lib/errors";
import type { Actor } from "~/modules/auth/actor";

/**
 * Things staff never do for a producer in assisted mode (docs/decisions/029-care.md):
 * change a bank account, a phone, a password or the team, or pay out. The action calls this
 * before anything else; it throws a 403 with a message saying why.
 */
export function refuseInAssistedMode(actor: Actor): void {
  if (actor.kind === "user" && actor.assisting) {
    throw new Forbidden("assist.error.refusedInAssist");
  }
}

/** Whether the actor is a staff member acting for a producer right now. */
export function isAssisting(actor: Actor): boolean {
  return actor.kind === "user" && Boolean(actor.assisting);
}
