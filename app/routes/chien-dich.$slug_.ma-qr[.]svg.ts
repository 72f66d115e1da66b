import type { LoaderFunctionArgs } from "@remix-run/node";
import { campaignQrSvg } from "~/modules/campaigns/public.server";
import { getDb } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";
import { handle } from "~/modules/platform/http.server";

/**
 * /chien-dich/<slug>/ma-qr.svg: a printable QR code of the campaign's page for posters
 * (<PUBLIC_URL>/chien-dich/<slug>); `?tai=1` downloads it. A draft is not found.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const publicUrl = getEnv().PUBLIC_URL ?? url.origin;
  const slug = params.slug ?? "";
  const svg = await campaignQrSvg(getDb(), slug, publicUrl);
  const disposition = url.searchParams.has("tai") ? "attachment" : "inline";
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": `${disposition}; filename="qr-chien-dich-${slug.replace(/[^a-z0-9-]/g, "")}.svg"`,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
