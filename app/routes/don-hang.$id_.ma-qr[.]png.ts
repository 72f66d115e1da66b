import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { idFromUrl } from "~/modules/orders/views.server";
import { transferQrPng } from "~/modules/payments/bank-transfer.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

/**
 * /don-hang/<id>/ma-qr.png: the order's VietQR code as a PNG to save and open in a banking
 * app, for its buyer or its producer while the order waits for the transfer; 404 otherwise.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const { png, filename } = await transferQrPng(getDb(), actor, idFromUrl(params.id));
  // A copy as a plain Uint8Array: the Fetch API types do not take a Node Buffer.
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(png.length),
      // The account and amount are the buyer's business: never in a shared cache.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
