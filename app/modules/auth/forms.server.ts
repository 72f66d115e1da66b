import type { SubmissionResult } from "@conform-to/react";
import type { Locale } from "~db/schema";
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
