import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, publicOrigin } from "~/modules/search/api.server";
import { openApiDocument } from "~/modules/search/openapi";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the public API. */
export function loader({ request }: LoaderFunctionArgs) {
  return apiJson(openApiDocument(publicOrigin(request)), { maxAgeSeconds: 3600 });
}
