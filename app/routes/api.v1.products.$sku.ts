import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/modules/platform/db.server";
import { apiError, apiJson, localeOfRequest } from "~/modules/platform/http.server";
import { publicOrigin, toApiProduct } from "~/modules/search/api.server";
import { getPublicProduct } from "~/modules/search/product.server";

/** GET /api/v1/products/{sku}: one visible product; 404 JSON otherwise. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const product = getPublicProduct(getDb(), params.sku ?? "");
    return apiJson(toApiProduct(product, publicOrigin(request)));
  } catch (error) {
    return apiError(error, localeOfRequest(request));
  }
}
