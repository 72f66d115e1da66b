import { NotFound } from "~/lib/errors";
import { handle } from "~/modules/platform/http.server";

/**
 * Every address no other route answers: a 404 rendered by the root error boundary, with
 * the full header (the root loader runs, so the visitor keeps their language and menus).
 */
export const loader = handle(async () => {
  throw new NotFound();
});

export default function NotFoundPage() {
  return null;
}
