import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { downloadHeaders } from "~/modules/platform/spreadsheet.server";
import { reportDownload } from "~/modules/reports/export.server";

/**
 * /quan-ly/bao-cao.xlsx?tu=&den=&don-vi=&bang=: a report table (the table by unit when `bang`
 * is absent) as an Excel workbook (XLSX); staff with `report:export` over the
 * unit. Bad dates or an unknown table are a 400, another unit's report 403, an unknown one 404.
 */
export const loader = handle(async ({ request, context }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "report:export");
  const url = new URL(request.url);
  const download = await reportDownload(getDb(), actor, url, "xlsx", clientIpOf(context));
  return new Response(download.bytes, { headers: downloadHeaders(download) });
});
