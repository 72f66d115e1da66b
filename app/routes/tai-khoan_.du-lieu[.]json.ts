import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { exportUserData } from "~/modules/privacy/export.server";

/** GET /tai-khoan/du-lieu.json: the signed-in user's own data, as a file to keep. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const data = exportUserData(getDb(), actor.userId);
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="cung-cau-du-lieu-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
