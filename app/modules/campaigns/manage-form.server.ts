import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { DomainError } from "~/lib/errors";
import type { Locale } from "~/lib/i18n/locales";
import { CampaignSchema, type CampaignInput } from "~/lib/schemas/campaigns";
import { fileBytes, readUploadForm } from "~/modules/images/upload.server";
import { replyWithDomainError } from "~/modules/platform/http.server";

/**
 * The campaign form's post (create and edit share it): the fields and the cover photo
 * (`image`, through the image pipeline), then `save` (one module call) and a 303 to the page
 * it names. A refused form or photo comes back as the form's reply with its 4xx.
 */
export async function saveCampaignForm(
  request: Request,
  locale: Locale,
  save: (input: CampaignInput, cover: Uint8Array | null) => Promise<string>,
) {
  const form = await readUploadForm(request);
  const submission = parseWithZod(form, { schema: CampaignSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  let nextPath: string;
  try {
    nextPath = await save(submission.value, await fileBytes(form, "image"));
  } catch (error) {
    // A refused photo has no conform field of its own: its message goes above the form.
    const reply =
      error instanceof DomainError && error.details?.field === "image" && error.status < 500
        ? submission.reply({ formErrors: [error.messageIn(locale)] })
        : replyWithDomainError(submission, error, locale);
    return data(reply, { status: error instanceof DomainError ? error.status : 400 });
  }
  return redirect(nextPath, 303);
}
