import type { Submission, SubmissionResult } from "@conform-to/react";
import { DomainError } from "~/lib/errors";
import type { Locale } from "~/lib/i18n/locales";

/**
 * Turns a domain error from a module into a form reply: an error naming a field (e.g. a
 * title already used) shows under that field, others above the form, in the reader's
 * language. Anything else is rethrown for `handle()` or the error boundary.
 */
export function replyWithDomainError(
  submission: Submission<unknown, string[], unknown>,
  error: unknown,
  locale: Locale,
): SubmissionResult<string[]> {
  if (!(error instanceof DomainError) || error.status >= 500 || error.status === 404) throw error;
  const message = error.messageIn(locale);
  const field = error.details?.field;
  if (typeof field === "string" && field !== "") {
    return submission.reply({ fieldErrors: { [field]: [message] } });
  }
  return submission.reply({ formErrors: [message] });
}
