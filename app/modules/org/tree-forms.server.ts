import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { DomainError } from "~/lib/errors";
import type { Locale } from "~/lib/i18n/locales";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { replyWithDomainError } from "~/modules/platform/http.server";
import { unitToEdit } from "./tree.server";

/**
 * What the org tree forms (/quan-ly/to-chuc/<code>/…) share on the server: who may open or
 * send the form of a unit, and one posted form run through the module function it is for.
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

/**
 * Reads a posted org tree form and runs `change` with it, then sends the reader (303) where
 * `change` says. A form the schema refuses (400) or a change the module refuses (its status)
 * comes back as the form's reply, the message in the reader's language.
 */
export async function changeFromForm<Schema extends z.ZodTypeAny>(
  request: Request,
  locale: Locale,
  schema: Schema,
  change: (input: z.output<Schema>) => string,
) {
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  let nextPath: string;
  try {
    nextPath = change(submission.value);
  } catch (error) {
    const reply = replyWithDomainError(submission, error, locale);
    return data(reply, { status: error instanceof DomainError ? error.status : 400 });
  }
  return redirect(nextPath, 303);
}
