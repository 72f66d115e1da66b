import type { LoaderFunctionArgs } from "@remix-run/node";
import { NotFound } from "~/lib/errors";
import { handle } from "~/modules/platform/http.server";
import { refusalError } from "~/modules/platform/load-context";

/**
 * Every address no other route answers: a 404 rendered by the root error boundary, with
 * the full header (the root loader runs, so the visitor keeps their language and menus).
 * A request the server refused before Remix (server/remix-adapter.ts) is rendered here too,
 * with its own status and message.
 */
export const loader = handle(async ({ context }: LoaderFunctionArgs) => {
  throw context.refusal ? refusalError(context.refusal) : new NotFound();
});

export default function NotFoundPage() {
  return null;
}
