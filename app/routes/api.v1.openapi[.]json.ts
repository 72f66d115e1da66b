import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestsOpenApiPaths, requestsOpenApiSchemas } from "~/modules/demand/openapi";
import {
  ordersOpenApiPaths,
  ordersOpenApiSchemas,
  ordersOpenApiSecuritySchemes,
} from "~/modules/orders/openapi";
import { apiJson } from "~/modules/platform/http.server";
import { publicOrigin } from "~/modules/search/api.server";
import { productsOpenApiPaths, productsOpenApiSchemas } from "~/modules/search/openapi";

/**
 * The OpenAPI 3.1 document of the public API, composed here from the parts each module
 * describes (products: search, orders: orders, purchase requests: demand), so none of those
 * modules imports another.
 */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Cung Cầu — API sản phẩm / product API",
      version: "1.0.0",
      description:
        "Read-only, no login. Products of the Quảng Trị Women's Union marketplace: only published " +
        "listings of verified producers. Text search ignores tone marks and case ('ca phe' finds " +
        "'Cà phê'), tolerates typos and knows synonyms; any text is searched as plain words. " +
        "Business buyers place orders with POST /api/v1/orders and a bearer token. Open " +
        "purchase requests and their matching producers are public; business buyers post " +
        "requests with POST /api/v1/purchase-requests and the same token.",
    },
    servers: [{ url: serverUrl }],
    paths: { ...productsOpenApiPaths, ...ordersOpenApiPaths, ...requestsOpenApiPaths },
    components: {
      securitySchemes: ordersOpenApiSecuritySchemes,
      schemas: { ...productsOpenApiSchemas, ...ordersOpenApiSchemas, ...requestsOpenApiSchemas },
    },
  };
}

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the public API. */
export function loader({ request }: LoaderFunctionArgs) {
  return apiJson(openApiDocument(publicOrigin(request)), { maxAgeSeconds: 3600 });
}
