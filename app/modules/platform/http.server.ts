import { data } from "@remix-run/node";
import { DomainError, TooManyRequests } from "~/lib/errors";

/**
 * Turns a domain error into the Response Remix should throw: a page route gets its
 * status and Vietnamese message for the error boundary; anything else is rethrown
 * untouched (a Response from `redirect`, or a real bug that must stay a 500).
 */
export function toResponse(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const headers = new Headers();
  if (error instanceof TooManyRequests) headers.set("Retry-After", String(error.retryAfterSeconds));
  return data(
    { error: { code: error.code, message: error.message, details: error.details ?? null } },
    { status: error.status, headers },
  );
}

/**
 * Wraps a loader or action so domain errors become 4xx responses in one place.
 * Usage: `export const loader = handle(async ({ request }) => { ... })`.
 */
export function handle<Args, Result>(fn: (args: Args) => Promise<Result>) {
  return async (args: Args): Promise<Result> => {
    try {
      return await fn(args);
    } catch (error) {
      throw toResponse(error);
    }
  };
}

/** A JSON error body for the API: `{ error: { code, message, details } }` with its status. */
export function apiError(error: unknown): Response {
  if (error instanceof Response) return error;
  if (!(error instanceof DomainError)) throw error;
  const headers = new Headers({ "Content-Type": "application/json; charset=utf-8" });
  if (error instanceof TooManyRequests) headers.set("Retry-After", String(error.retryAfterSeconds));
  return new Response(
    JSON.stringify({
      error: { code: error.code, message: error.message, details: error.details ?? null },
    }),
    { status: error.status, headers },
  );
}
