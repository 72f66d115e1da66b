import type { Submission, SubmissionResult } from "@conform-to/react";
import { DomainError } from "~/lib/errors";

/**
 * Turns a domain error from a module into a form reply: an error naming a field (e.g. a
 * title already used) shows under that field, others above the form. Anything else is
 * rethrown for `handle()` or the error boundary.
 */
export function replyWithDomainError(
  submission: Submission<unknown, string[], unknown>,
  error: unknown,
): SubmissionResult<string[]> {
  if (!(error instanceof DomainError) || error.status >= 500 || error.status === 404) throw error;
  const field = error.details?.field;
  if (typeof field === "string" && field !== "") {
    return submission.reply({ fieldErrors: { [field]: [error.message] } });
  }
  return submission.reply({ formErrors: [error.message] });
}
