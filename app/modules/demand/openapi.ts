import { PURCHASE_REQUEST_LIMITS, RECURRENCE_OPTIONS } from "~/lib/schemas/purchase-request";
import { UNIT_OPTIONS } from "~/lib/units";

/**
 * The purchase-request API in OpenAPI 3.1 terms: paths and schemas, composed with the
 * product and orders APIs into one document by its route (/api/v1/openapi.json). Plain
 * data, no server code: it describes app/modules/demand/requests-api.server.ts. The bearer
 * scheme (`bearerToken`) is the orders API's.
 */

const json = (schema: Record<string, unknown>) => ({ "application/json": { schema } });
const errorRef = { $ref: "#/components/schemas/PurchaseRequestError" };
const L = PURCHASE_REQUEST_LIMITS;

const codeParam = {
  name: "code",
  in: "path",
  required: true,
  description: "The request's code, as on its page.",
  schema: { type: "string" },
  example: "YC001",
};
const notFound = {
  description: "No such request, or a moderator hid it.",
  content: json(errorRef),
};
const languageHeader = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description: "vi (default) or en: the language of messages and match reasons.",
  schema: { type: "string" },
  example: "en",
};

export const requestsOpenApiPaths = {
  "/api/v1/purchase-requests": {
    get: {
      operationId: "listPurchaseRequests",
      summary: "Open purchase requests, newest first",
      description:
        "Requests buyers posted and that are still open (not past their date, not hidden). " +
        "Public fields only: never the buyer's identity or contact.",
      parameters: [
        {
          name: "status",
          in: "query",
          required: false,
          description: "Only open requests are listed; a closed one is read by its code.",
          schema: { type: "string", enum: ["open"], default: "open" },
        },
        {
          name: "page",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: 10000, default: 1 },
        },
        {
          name: "per_page",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: 50, default: 20 },
        },
        languageHeader,
      ],
      responses: {
        "200": {
          description: "One page of requests.",
          content: json({ $ref: "#/components/schemas/PurchaseRequestList" }),
        },
        "400": {
          description: "A bad parameter, named in error.details.parameter.",
          content: json(errorRef),
        },
      },
    },
    post: {
      operationId: "postPurchaseRequest",
      summary: "Post a purchase request for a business buyer",
      description:
        "The same rules as the web form: at most 10 open requests and 5 new ones in 24 hours " +
        "per buyer (429 with Retry-After past them). The request is public at once and " +
        "matched to producers; the token's owner needs a buyer profile (403 otherwise).",
      security: [{ bearerToken: [] }],
      parameters: [languageHeader],
      requestBody: {
        required: true,
        content: json({ $ref: "#/components/schemas/PurchaseRequestInput" }),
      },
      responses: {
        "201": {
          description: "Posted: its code and its page.",
          headers: { Location: { schema: { type: "string", format: "uri" } } },
          content: json({
            type: "object",
            required: ["code", "url"],
            properties: {
              code: { type: "string", examples: ["YC041"] },
              url: { type: "string", format: "uri" },
            },
          }),
        },
        "400": {
          description:
            "Invalid body: error.details.fields names each bad field (e.g. `commune`) with a " +
            "message in the reader's language. Nothing was written.",
          content: json(errorRef),
        },
        "401": {
          description: "No valid token: missing, malformed, unknown or revoked.",
          headers: { "WWW-Authenticate": { schema: { type: "string" } } },
          content: json(errorRef),
        },
        "403": {
          description: "The token's owner has no buyer profile.",
          content: json(errorRef),
        },
        "429": {
          description: "Past the buyer's limits (10 open, 5 new a day). Nothing was written.",
          headers: { "Retry-After": { schema: { type: "integer" } } },
          content: json(errorRef),
        },
      },
    },
  },
  "/api/v1/purchase-requests/{code}": {
    get: {
      operationId: "getPurchaseRequest",
      summary: "One purchase request, whatever its status",
      parameters: [codeParam],
      responses: {
        "200": {
          description: "The request.",
          content: json({ $ref: "#/components/schemas/PurchaseRequest" }),
        },
        "404": notFound,
      },
    },
  },
  "/api/v1/purchase-requests/{code}/matches": {
    get: {
      operationId: "getPurchaseRequestMatches",
      summary: "Producers and listings that can supply a request, best first",
      description:
        "The matcher's stored answer (refreshed when the request changes and daily). Each " +
        "reason says why, in the reader's language. An empty list: no producer matched.",
      parameters: [codeParam, languageHeader],
      responses: {
        "200": {
          description: "The matches.",
          content: json({
            type: "object",
            required: ["matches"],
            properties: {
              matches: { type: "array", items: { $ref: "#/components/schemas/RequestMatch" } },
            },
          }),
        },
        "404": notFound,
      },
    },
  },
};

const hitProperties = {
  code: { type: "string", examples: ["YC001"] },
  title: { type: "string" },
  category: { type: ["string", "null"], description: "Category code.", examples: ["gao"] },
  quantity: { type: "integer", minimum: 1 },
  unit: { type: "string", enum: [...UNIT_OPTIONS] },
  target_price_vnd: {
    type: ["integer", "null"],
    description: "Wanted price per unit in đồng; null: negotiable.",
  },
  province: {
    type: ["string", "null"],
    description: "Official name of the delivery province.",
    examples: ["Tỉnh Quảng Trị"],
  },
  commune: {
    type: ["string", "null"],
    description: "Official name of the delivery commune, ward or special zone.",
    examples: ["Phường Đông Hà"],
  },
  needed_by: {
    type: "string",
    format: "date",
    description: "One-off: needed by this day. Weekly or monthly: the last day it runs.",
  },
  recurrence: { type: "string", enum: [...RECURRENCE_OPTIONS] },
  offers: { type: "integer", minimum: 0, description: "Offers made and not withdrawn." },
};

export const requestsOpenApiSchemas = {
  PurchaseRequestHit: {
    type: "object",
    required: Object.keys(hitProperties),
    properties: hitProperties,
  },
  PurchaseRequestList: {
    type: "object",
    required: ["total", "page", "per_page", "hits"],
    properties: {
      total: { type: "integer", minimum: 0 },
      page: { type: "integer", minimum: 1 },
      per_page: { type: "integer", minimum: 1 },
      hits: { type: "array", items: { $ref: "#/components/schemas/PurchaseRequestHit" } },
    },
  },
  PurchaseRequest: {
    allOf: [
      { $ref: "#/components/schemas/PurchaseRequestHit" },
      {
        type: "object",
        required: ["description", "status", "delivery_location", "created_at", "url"],
        properties: {
          description: { type: "string" },
          status: { type: "string", enum: ["open", "closed", "fulfilled"] },
          delivery_location: {
            type: "string",
            description: "The place as people read it (also for old requests without codes).",
          },
          created_at: { type: "string", format: "date-time" },
          url: { type: "string", format: "uri" },
        },
      },
    ],
  },
  PurchaseRequestInput: {
    type: "object",
    additionalProperties: false,
    required: ["title", "category", "quantity", "unit", "province", "commune", "needed_by"],
    properties: {
      title: { type: "string", minLength: L.titleMin, maxLength: L.titleMax },
      description: { type: "string", maxLength: L.descriptionMax },
      category: { type: "string", pattern: "^[a-z0-9-]{1,60}$", examples: ["gao"] },
      quantity: { type: "integer", minimum: 1, maximum: L.maxQuantity },
      unit: { type: "string", enum: [...UNIT_OPTIONS] },
      target_price_vnd: {
        type: ["integer", "null"],
        minimum: 1,
        maximum: L.maxPriceVnd,
        description: "Per unit, in đồng; omit or null for a negotiable price.",
      },
      province: {
        type: "string",
        description: "One of the 34 provinces and cities: official name or code.",
        examples: ["Quảng Trị", "44"],
      },
      commune: {
        type: "string",
        description: "A commune, ward or special zone of that province: official name or code.",
        examples: ["Phường Đông Hà", "19333"],
      },
      needed_by: {
        type: "string",
        format: "date",
        description: "Today or later. For a weekly or monthly request: its last day.",
      },
      recurrence: { type: "string", enum: [...RECURRENCE_OPTIONS], default: "none" },
    },
  },
  RequestMatch: {
    type: "object",
    required: ["producer", "listing", "score", "reasons"],
    properties: {
      producer: {
        type: "object",
        required: ["code", "name"],
        properties: { code: { type: "string" }, name: { type: "string" } },
      },
      listing: {
        type: ["object", "null"],
        required: ["sku", "title"],
        properties: { sku: { type: "string" }, title: { type: "string" } },
      },
      score: { type: "number", description: "Higher is a better match." },
      reasons: {
        type: "array",
        items: { type: "string" },
        examples: [["cùng danh mục Hồ tiêu", "còn 60 kg, cần 30 kg", "cùng xã"]],
      },
    },
  },
  PurchaseRequestError: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: {
            type: "string",
            examples: [
              "invalid",
              "invalid_json",
              "invalid_request",
              "unauthorized",
              "forbidden",
              "not_found",
              "too_many_requests",
            ],
          },
          message: { type: "string", description: "For people, in the reader's language." },
          details: {
            type: ["object", "null"],
            properties: {
              parameter: { type: "string", description: "The invalid query parameter." },
              fields: {
                type: "object",
                additionalProperties: { type: "string" },
                description: "Bad body field → message.",
              },
              retryAfterSeconds: { type: "integer" },
            },
          },
        },
      },
    },
  },
};
