import { vietnamToday } from "~/lib/dates";
import type { SignedInActor } from "~/modules/auth/actor";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import type { Db } from "~db/client.server";
import { assertMemberManageable, recordIdOf } from "./members.server";
import { producerChoices, unitChoices } from "./scope.internal.server";

/**
 * What the member and officer forms (/quan-ly/hoi-vien/…) share on the server: who may send
 * them, and what a member form offers to choose from.
 */

/**
 * The staff member sending a members-area form, with `member:manage` somewhere (401 or 403
 * otherwise); a write must come from our own pages. Settled before any form is read.
 */
export async function requireMembersManager(request: Request) {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "member:manage");
  return { actor, db: getDb() };
}

/**
 * The member of the URL (`param`) and the staff member sending a form about her, who must hold
 * `member:manage` over her unit: 404 outside her subtree, 403 for view only, before any form
 * is read.
 */
export async function requireManageableMember(request: Request, param: string | undefined) {
  const { actor, db } = await requireMembersManager(request);
  const id = recordIdOf(param);
  assertMemberManageable(db, actor, id);
  return { actor, db, id };
}

/** The units and producers a member form offers (those the actor may change), and today. */
export function memberFormChoices(db: Db, actor: SignedInActor) {
  return {
    units: unitChoices(db, actor, "member:manage"),
    producers: producerChoices(db, actor, "member:manage"),
    today: vietnamToday(),
  };
}
