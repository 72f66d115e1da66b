import type { LoaderFunctionArgs } from "@remix-run/node";
import { t } from "~/lib/i18n";
import { readVariant } from "~/modules/images/store.server";
import { localeOfRequest } from "~/modules/platform/http.server";

/**
 * Serves one WebP variant of an uploaded image: /media/<key>/<width>.webp. Keys are random,
 * so variants are public and cached forever; originals are never stored, so never served.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = /^(\d{3,4})\.webp$/.exec(params.file ?? "");
  const bytes = match ? await readVariant(params.key ?? "", Number(match[1])) : null;
  if (!bytes) {
    return new Response(t(localeOfRequest(request), "images.error.notFound"), {
      status: 404,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
      },
    });
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Disposition": "inline",
    },
  });
}
