import type { LoaderFunctionArgs } from "@remix-run/node";
import { getActor } from "~/modules/auth/session.server";
import { productQrSvg } from "~/modules/listings/qr.server";
import { getDb } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";
import { handle } from "~/modules/platform/http.server";

/**
 * /san-pham/<sku>/qr.svg: a printable QR code encoding <PUBLIC_URL>/p/<sku>. Without
 * PUBLIC_URL (demo mode only: production requires it) the request's own origin is used.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  const publicUrl = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  const sku = params.sku ?? "";
  const svg = await productQrSvg(getDb(), actor, sku, publicUrl);
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": `inline; filename="qr-${sku.replace(/[^A-Za-z0-9-]/g, "")}.svg"`,
      "Cache-Control": "private, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
