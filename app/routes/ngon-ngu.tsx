import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { getActor } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { switchLocale } from "~/modules/preferences/locale.server";

const LanguageForm = z.object({
  lang: z.enum(["vi", "en"]).catch("vi"),
  redirectTo: z.string().optional().catch(undefined),
});

/**
 * POST /ngon-ngu: switches the interface language (a cookie for everyone, and the account's
 * setting for a signed-in user), then goes back to the page the visitor was on.
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const form = LanguageForm.parse(Object.fromEntries(await request.formData()));
  const actor = await getActor(request);
  const cookie = switchLocale(getDb(), actor, form.lang);
  return redirect(safeRedirectPath(form.redirectTo), { headers: { "Set-Cookie": cookie } });
});
