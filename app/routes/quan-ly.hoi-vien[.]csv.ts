import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { memberDownload } from "~/modules/members/export.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { downloadHeaders } from "~/modules/platform/spreadsheet.server";

/**
 * The member list (the page's filters) as CSV in UTF-8 with a BOM (Excel shows Vietnamese), for staff with `member:view`;
 * the export is audited (`member.export`).
 */
export const loader = handle(async ({ request, context }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "member:view");
  const url = new URL(request.url);
  const file = await memberDownload(getDb(), actor, url, "csv", clientIpOf(context));
  return new Response(file.body, { headers: downloadHeaders(file) });
});
