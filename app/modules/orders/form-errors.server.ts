import { data } from "@remix-run/node";
import { DomainError } from "~/lib/errors";

/**
 * For actions of pages with forms: a domain error becomes `{ formError }` with its status,
 * shown next to the form instead of an error page; anything else is rethrown.
 */
export function formErrorData(error: unknown) {
  if (error instanceof DomainError) {
    return data(
      { formError: error.message, fieldErrors: null as Record<string, string> | null },
      { status: error.status },
    );
  }
  throw error;
}
