import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { z } from "zod";
import type { Locale } from "~db/schema";
import { isHoneypotFilled } from "~/lib/honeypot";
import { isMessageKey, t } from "~/lib/i18n";

/**
 * Conform replies in the reader's language: schema and module errors travel as i18n keys and
 * are translated here, so the page (with or without JavaScript) and tests read real sentences.
 */
export function localizeReply(
  reply: SubmissionResult<string[]>,
  locale: Locale,
): SubmissionResult<string[]> {
  if (!reply.error) return reply;
  const error: Record<string, string[] | null> = {};
  for (const [field, messages] of Object.entries(reply.error)) {
    error[field] = messages?.map((m) => (isMessageKey(m) ? t(locale, m) : m)) ?? null;
  }
  return { ...reply, error };
}

/**
 * Reads a public account form (log in, sign up, producer application): a filled honeypot or
 * a schema error comes back as the 400 reply to return, in the reader's language (the
 * password fields never echoed); a valid form comes back as its submission and its fields.
 */
export async function readAccountForm<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
  locale: Locale,
  hideFields: string[],
) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema });
  if (isHoneypotFilled(formData)) {
    const reply = submission.reply({ formErrors: ["auth.error.honeypot"], hideFields });
    return { reply: data(localizeReply(reply, locale), { status: 400 }) } as const;
  }
  if (submission.status !== "success") {
    const reply = localizeReply(submission.reply({ hideFields }), locale);
    return { reply: data(reply, { status: 400 }) } as const;
  }
  return { submission, formData } as const;
}
