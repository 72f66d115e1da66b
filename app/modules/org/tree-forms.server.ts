import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { unitToEdit } from "./tree.server";

/**
 * What the org tree forms (/quan-ly/to-chuc/<code>/…) share on the server: who may open or
 * send the form of a unit (a posted form then goes through `changeFromForm` of platform/http).
 */

/**
 * The signed-in staff member and the unit of the URL she holds `permission` over (401, 403,
 * 404 or 409 otherwise). A write must come from our own pages; a page view (GET) always does.
 * Settled before any form is read, so a refusal never depends on the form's fields.
 */
export async function requireUnitPermission(
  request: Request,
  code: string | undefined,
  permission: "org:manage" | "staff:manage",
) {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  return { actor, db, unit: unitToEdit(db, actor, code ?? "", permission) };
}
