import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { NotFound } from "~/lib/errors";
import { ModerationDecisionSchema, type ModerationDecision } from "~/lib/schemas/listing";
import type { SignedInActor } from "~/modules/auth/actor";
import { localizeReply } from "~/modules/auth/forms.server";
import { replyWithDomainError } from "~/modules/platform/http.server";

/** What the three review pages (new listing, edit, producer) share around a decision. */

const Id = z.coerce.number().int().positive();

/** The id in a review page's URL; anything but a positive number is simply not found. */
export function reviewId(value: string | undefined): number {
  const parsed = Id.safeParse(value);
  if (!parsed.success) throw new NotFound();
  return parsed.data;
}

/** Where a review page sends the moderator once the decision is recorded. */
export const DECIDED_PATH = "/quan-ly/kiem-duyet?thong-bao=decided";

export type DecisionOutcome =
  { decided: true } | { decided: false; reply: SubmissionResult<string[]>; status: number };

/**
 * Reads the decision form and runs `decide` with it: a form that does not pass the schema
 * (400) or a decision the module refuses (409, e.g. already decided) comes back as the
 * form's reply in the moderator's language.
 */
export async function decideFromForm(
  request: Request,
  actor: SignedInActor,
  decide: (decision: ModerationDecision) => void | Promise<void>,
): Promise<DecisionOutcome> {
  const submission = parseWithZod(await request.formData(), { schema: ModerationDecisionSchema });
  if (submission.status !== "success") {
    return { decided: false, reply: localizeReply(submission.reply(), actor.locale), status: 400 };
  }
  try {
    await decide(submission.value);
  } catch (error) {
    return {
      decided: false,
      reply: replyWithDomainError(submission, error, actor.locale),
      status: 409,
    };
  }
  return { decided: true };
}
