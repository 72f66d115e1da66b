import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProducerActor } from "~/modules/auth/session.server";
import { importTemplate } from "~/modules/import/templates.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { downloadHeaders } from "~/modules/platform/spreadsheet.server";

/** The products template of the producer's import page: san-pham.csv or san-pham.xlsx. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "listings");
  const file = await importTemplate(getDb(), actor, "producer", params.file ?? "");
  return new Response(file.body, { headers: downloadHeaders(file) });
});
