import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/modules/auth/session.server";
import { importTemplate } from "~/modules/import/templates.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { downloadHeaders } from "~/modules/platform/spreadsheet.server";

/** The staff import's templates: san-pham.csv|xlsx and nha-san-xuat.csv|xlsx. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "catalog:import");
  const file = await importTemplate(getDb(), actor, "staff", params.file ?? "");
  return new Response(file.body, { headers: downloadHeaders(file) });
});
