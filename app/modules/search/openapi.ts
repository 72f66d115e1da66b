import { CERT_KINDS } from "./certifications";
import { MAX_PER_PAGE, SEARCH_SORTS } from "./types";

/**
 * The public, read-only product API in OpenAPI 3.1 terms: its paths and schemas, composed
 * with the orders API's into one document by its route (/api/v1/openapi.json). Plain data,
 * no server code: it describes app/routes/api.v1.products*.ts.
 */

const facet = {
  type: "object",
  additionalProperties: { type: "integer", minimum: 0 },
  description: "Facet value → number of matching products.",
};
const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["invalid", "not_found"] },
        message: {
          type: "string",
          description:
            "For people, in the reader's language (the lang cookie; Vietnamese by default).",
        },
        details: {
          type: ["object", "null"],
          properties: { parameter: { type: "string", description: "The invalid parameter." } },
        },
      },
    },
  },
};
const param = (name: string, description: string, schema: Record<string, unknown>) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});

/** The paths of the product API. */
export const productsOpenApiPaths = {
  "/api/v1/products": {
    get: {
      operationId: "searchProducts",
      summary: "Search products with facets",
      parameters: [
        param("q", "Words to search for (plain text, ≤ 200 characters).", {
          type: "string",
          maxLength: 200,
        }),
        param("category", "Category code; subcategories are included.", {
          type: "string",
          pattern: "^[a-z0-9-]{1,60}$",
          examples: ["ca-phe"],
        }),
        param("commune", "Commune or ward as in the facets, e.g. 'xã Khe Sanh'.", {
          type: "string",
          maxLength: 100,
        }),
        param("ocop_min", "Minimum stars of a valid OCOP certificate.", {
          type: "integer",
          minimum: 1,
          maximum: 5,
        }),
        param("certification", "A certification kind (marks and case are ignored).", {
          type: "string",
          enum: [...CERT_KINDS],
        }),
        param("price_min", "Minimum price in đồng.", { type: "integer", minimum: 0 }),
        param("price_max", "Maximum price in đồng (≥ price_min).", {
          type: "integer",
          minimum: 0,
        }),
        param("campaign", "A campaign's slug: only products in that campaign while it runs.", {
          type: "string",
          pattern: "^[a-z0-9-]{3,80}$",
          examples: ["chung-tay-vung-lu"],
        }),
        param("sort", "Order; out-of-stock products always come last.", {
          type: "string",
          enum: [...SEARCH_SORTS],
          default: "relevance",
        }),
        param("page", "1-based page.", { type: "integer", minimum: 1, default: 1 }),
        param("per_page", "Products per page.", {
          type: "integer",
          minimum: 1,
          maximum: MAX_PER_PAGE,
          default: 20,
        }),
        param("match", "all: every word must match; any: at least one (stop words ignored).", {
          type: "string",
          enum: ["all", "any"],
          default: "all",
        }),
      ],
      responses: {
        "200": {
          description: "A page of products with facet counts.",
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/ProductList" } },
          },
        },
        "400": {
          description: "An invalid parameter, named in error.details.parameter.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
  },
  "/api/v1/products/{sku}": {
    get: {
      operationId: "getProduct",
      summary: "One product",
      parameters: [
        {
          name: "sku",
          in: "path",
          required: true,
          schema: { type: "string" },
          example: "SP0143",
        },
      ],
      responses: {
        "200": {
          description: "The product with its description, photos and certificates.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Product" } } },
        },
        "404": {
          description: "No published product with this sku.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
  },
};

/** The schemas the product paths refer to, the shared error shape included. */
export const productsOpenApiSchemas = {
  ProductHit: {
    type: "object",
    required: [
      "sku",
      "slug",
      "title",
      "price_vnd",
      "unit",
      "stock",
      "ocop_stars",
      "category",
      "commune",
      "producer",
      "image_url",
      "url",
    ],
    properties: {
      sku: { type: "string" },
      slug: { type: "string" },
      title: { type: "string" },
      price_vnd: { type: "integer", description: "Price per unit, in đồng." },
      unit: { type: "string" },
      stock: { type: "integer", minimum: 0 },
      ocop_stars: {
        type: "integer",
        enum: [0, 3, 4, 5],
        description: "0 without a valid certificate.",
      },
      category: { type: "string", description: "Category code." },
      commune: { type: "string" },
      producer: {
        type: "object",
        required: ["code", "name"],
        properties: { code: { type: "string" }, name: { type: "string" } },
      },
      image_url: { type: ["string", "null"], format: "uri" },
      url: { type: "string", format: "uri" },
    },
  },
  ProductList: {
    type: "object",
    required: ["total", "page", "per_page", "hits", "facets", "engine", "took_ms"],
    properties: {
      total: { type: "integer", minimum: 0 },
      page: { type: "integer", minimum: 1 },
      per_page: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE },
      hits: { type: "array", items: { $ref: "#/components/schemas/ProductHit" } },
      facets: {
        type: "object",
        required: ["category", "commune", "ocop_stars", "certification"],
        properties: {
          category: { ...facet, description: "Category code → count (parents included)." },
          commune: facet,
          ocop_stars: facet,
          certification: facet,
        },
      },
      engine: { type: "string", enum: ["fts", "meilisearch"] },
      took_ms: { type: "number" },
    },
  },
  Product: {
    allOf: [
      { $ref: "#/components/schemas/ProductHit" },
      {
        type: "object",
        required: ["description", "images", "certifications", "ocop"],
        properties: {
          description: { type: "string" },
          season: { type: "string" },
          min_order_qty: { type: "integer", minimum: 1 },
          tags: { type: "array", items: { type: "string" } },
          category_path: {
            type: "array",
            items: {
              type: "object",
              properties: { code: { type: "string" }, name: { type: "string" } },
            },
          },
          images: {
            type: "array",
            items: {
              type: "object",
              required: ["url", "width", "height", "alt"],
              properties: {
                url: { type: "string", format: "uri" },
                width: { type: "integer" },
                height: { type: "integer" },
                alt: { type: "string" },
                variants: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      url: { type: "string", format: "uri" },
                      width: { type: "integer" },
                    },
                  },
                },
              },
            },
          },
          ocop: {
            type: ["object", "null"],
            properties: {
              stars: { type: "integer" },
              certificate_no: { type: ["string", "null"] },
              issued_on: { type: ["string", "null"], format: "date" },
              expires_on: { type: ["string", "null"], format: "date" },
            },
          },
          certifications: {
            type: "array",
            items: {
              type: "object",
              required: ["kind"],
              properties: {
                kind: { type: "string", enum: [...CERT_KINDS] },
                certificate_no: { type: ["string", "null"] },
                issued_on: { type: ["string", "null"], format: "date" },
                expires_on: { type: ["string", "null"], format: "date" },
              },
            },
          },
        },
      },
    ],
  },
  Error: error,
};
