import type { Submission, SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { DomainError, TooManyRequests } from "~/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "~/lib/i18n/locales";
import { readLangCookie } from "./cookies.server";

/**
 * The one place where domain errors become HTTP answers (docs/decisions/012-errors-and-messages.md).
 * Modules throw `DomainError`s carrying a message key; these helpers render the key in the
 * reader's language and pick the shape: the API's JSON error, a page's error boundary, or a
 * form's error next to its fields. Anything that is not a domain error is rethrown untouched
 * (a Response from `redirect`, or a real bug that must stay a 500).
 */

/** The reader's language for an error: the `lang` cookie, else Vietnamese. */
export function localeOfRequest(request: Request): Locale {
  return readLangCookie(request) ?? DEFAULT_LOCALE;
}

/** The documented error shape: `{ error: { code, message, details } }`. */
export function errorBody(error: DomainError, locale: Locale) {
  return {
    error: { code: error.code, message: error.messageIn(locale), details: error.details ?? null },
  };
}

function errorHeaders(error: DomainError, contentType?: string): Headers {
  const headers = new Headers();
  if (contentType) headers.set("Content-Type", contentType);
  if (error instanceof TooManyRequests) headers.set("Retry-After", String(error.retryAfterSeconds));
  return headers;
}

/**
 * A domain error as the data Remix should throw from a page's loader or action (its error
 * boundary shows the status and message); anything else comes back untouched to be rethrown.
 */
export function toResponse(error: unknown, locale: Locale = DEFAULT_LOCALE): unknown {
  if (!(error instanceof DomainError)) return error;
  // The page may be shown in another language than the cookie's (a signed-in reader's saved
  // choice wins there), so the error page is told which language this message is in.
  const body = errorBody(error, locale);
  return data(
    { error: { ...body.error, locale } },
    { status: error.status, headers: errorHeaders(error) },
  );
}

/**
 * Wraps a loader or action so domain errors become 4xx answers in the reader's language.
 * Usage: `export const loader = handle(async ({ request }) => { ... })`.
 */
export function handle<Args extends { request: Request }, Result>(
  fn: (args: Args) => Promise<Result>,
) {
  return async (args: Args): Promise<Result> => {
    try {
      return await fn(args);
    } catch (error) {
      throw toResponse(error, localeOfRequest(args.request));
    }
  };
}

/** A domain error as the API's JSON answer; a thrown Response passes through. */
export function apiError(error: unknown, locale: Locale = DEFAULT_LOCALE): Response {
  if (error instanceof Response) return error;
  if (!(error instanceof DomainError)) throw error;
  return new Response(JSON.stringify(errorBody(error, locale)), {
    status: error.status,
    headers: errorHeaders(error, "application/json; charset=utf-8"),
  });
}

/**
 * A successful answer of the public, read-only API: JSON that shared caches may keep for
 * `maxAgeSeconds` (30 s unless told). Its errors go through `apiError`.
 */
export function apiJson(
  body: unknown,
  init: { status?: number; maxAgeSeconds?: number } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": `public, max-age=${init.maxAgeSeconds ?? 30}`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * For actions of pages with forms: a domain error becomes `{ formError, fieldErrors }` with
 * its status, shown next to the form instead of an error page; anything else is rethrown.
 */
export function formError(error: unknown, locale: Locale) {
  if (error instanceof DomainError) {
    return data(
      {
        formError: error.messageIn(locale),
        fieldErrors: null as Record<string, string> | null,
      },
      { status: error.status, headers: errorHeaders(error) },
    );
  }
  throw error;
}

/**
 * The same for forms built with conform: an error naming a field (e.g. a title already used)
 * shows under that field, others above the form, in the reader's language. Anything else,
 * a 404 included, is rethrown for `handle()` or the error boundary.
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
