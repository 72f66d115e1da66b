import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type HeadersFunction } from "@remix-run/node";
import type { z } from "zod";
import { DomainError, TooManyRequests } from "~/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "~/lib/i18n/locales";
import { runInAuditScope } from "./audit-scope.server";
import { auditAssistedRequest } from "./audit.server";
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
 * Wraps a loader or action so domain errors become 4xx answers in the reader's language, and
 * a legacy `?_data=` request gets the page's status and headers with its data as JSON.
 * Usage: `export const loader = handle(async ({ request }) => { ... })`.
 */
export function handle<Args extends { request: Request }, Result>(
  fn: (args: Args) => Promise<Result>,
) {
  return async (args: Args): Promise<Result> => {
    const legacy = isLegacyDataRequest(args.request);
    let result: Result;
    try {
      // Each loader and action in its own audit scope (audit-scope.server.ts); a form post
      // made for a producer in assisted mode is audited when it succeeds.
      result = await runInAuditScope(async () => {
        try {
          const value = await fn(args);
          if (statusOf(value) < 400) auditAssistedRequest(args.request);
          return value;
        } catch (error) {
          if (error instanceof Response && statusOf(error) < 400) {
            auditAssistedRequest(args.request);
          }
          throw error;
        }
      });
    } catch (error) {
      const answer = toResponse(error, localeOfRequest(args.request));
      throw legacy && isDataWithInit(answer) ? legacyDataAnswer(answer) : answer;
    }
    // Thrown, so the answer's type stays the page's: Remix sends a thrown Response as it is.
    if (legacy && !(result instanceof Response)) throw legacyDataAnswer(result);
    return result;
  };
}

/** The HTTP status a loader's or action's answer will have. */
function statusOf(value: unknown): number {
  if (value instanceof Response) return value.status;
  if (isDataWithInit(value)) return value.init?.status ?? 200;
  return 200;
}

/**
 * Remix's pre-single-fetch `?_data=<route>` requests. The app's own client never makes them
 * (it asks for `<page>.data`), but Remix still serves them, and there a `data()` answer lost
 * its status and headers: a form's 400 or 429 became a 500, other answers an empty 200.
 */
function isLegacyDataRequest(request: Request): boolean {
  return new URL(request.url).searchParams.has("_data");
}

interface DataWithInit {
  type: "DataWithResponseInit";
  data: unknown;
  init: ResponseInit | null;
}

/** Remix's `data()` value (its class is not exported, only its shape is known). */
function isDataWithInit(value: unknown): value is DataWithInit {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    value.type === "DataWithResponseInit"
  );
}

/** A legacy data request's answer: the page's status and headers, its data as JSON. */
function legacyDataAnswer(value: unknown): Response {
  const { data: body, init } = isDataWithInit(value) ? value : { data: value, init: null };
  const headers = new Headers(init?.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  // Like the page (app/entry.server.tsx): what a signed-in reader sees is never shared.
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body ?? null), { status: init?.status ?? 200, headers });
}

/**
 * A page's `headers` export that passes `Retry-After` on from its action, loader or error:
 * Remix keeps only cookies from those unless the route says otherwise, and every 429 must
 * say when to come back (docs/decisions/004). Usage: `export const headers = keepRetryAfter`.
 */
export const keepRetryAfter: HeadersFunction = ({
  parentHeaders,
  actionHeaders,
  loaderHeaders,
  errorHeaders,
}) => {
  const headers = new Headers(parentHeaders);
  const retryAfter =
    errorHeaders?.get("Retry-After") ??
    actionHeaders.get("Retry-After") ??
    loaderHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

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

/** A refused hand-written form: its messages, and the reader's entries to fill it again. */
export interface RefusedForm {
  formError: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/**
 * For hand-written forms that keep the reader's entries (the offer and accept-offer forms): a
 * domain error shows under the field it names, else above the form, and the form is filled
 * again. Anything else, a 404 included, is rethrown for `handle()` or the error boundary.
 */
export function formErrorKeepingEntries(error: unknown, locale: Locale, formData: FormData) {
  if (!(error instanceof DomainError) || error.status === 404) throw error;
  const message = error.messageIn(locale);
  const field = error.details?.field;
  return data<RefusedForm>(
    {
      formError: typeof field === "string" ? null : message,
      fieldErrors: typeof field === "string" ? { [field]: message } : {},
      values: Object.fromEntries(
        [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
      ),
    },
    { status: error.status },
  );
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

/**
 * Reads a posted form and runs `change` (one module call) with it, then sends the reader (303) where
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
