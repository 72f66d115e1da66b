import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { NotFound } from "~/lib/errors";
import { getListingSkuSlug } from "~/modules/catalog/queries.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

/**
 * /p/<sku>: the short address printed in QR codes on packaging. It never changes, so it
 * answers with a permanent redirect to the product's current slug.
 */
export const loader = handle(async ({ params }: LoaderFunctionArgs) => {
  const slug = getListingSkuSlug(getDb(), params.sku ?? "");
  if (!slug) throw new NotFound("listing.error.productNotFound");
  return redirect(`/san-pham/${slug}`, 301);
});
