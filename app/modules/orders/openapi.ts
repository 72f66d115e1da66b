/**
 * The business orders API in OpenAPI 3.1 terms: paths, schemas and the bearer scheme, merged
 * into the public document by its route, app/routes/api.v1.openapi[.]json.ts.
 * Plain data, no server code: it describes app/modules/orders/api.server.ts.
 */

const errorRef = { $ref: "#/components/schemas/OrderError" };
const json = (schema: Record<string, unknown>) => ({ "application/json": { schema } });
const bearer = [{ bearerToken: [] }];

const unauthorized = {
  description: "No valid token: missing, malformed, unknown or revoked.",
  headers: { "WWW-Authenticate": { schema: { type: "string" } } },
  content: json(errorRef),
};

export const ordersOpenApiPaths = {
  "/api/v1/orders": {
    post: {
      operationId: "placeOrders",
      summary: "Place orders (one per producer) for a business buyer",
      description:
        "Prices, delivery fees and totals come from the database at the moment of ordering. " +
        "Stock is reserved in the same transaction; the whole request succeeds or nothing " +
        "is ordered. Repeating a request with the same Idempotency-Key and body returns the " +
        "first answer (header Idempotent-Replayed: true); the same key with another body is 422.",
      security: bearer,
      parameters: [
        {
          name: "Idempotency-Key",
          in: "header",
          required: true,
          description: "One key per checkout, 1–255 printable ASCII characters (e.g. a UUID).",
          schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
        },
      ],
      requestBody: {
        required: true,
        content: json({ $ref: "#/components/schemas/OrderRequest" }),
      },
      responses: {
        "201": {
          description: "The orders, one per producer.",
          headers: {
            "Idempotent-Replayed": {
              description: "`true` when this is the stored answer to an earlier request.",
              schema: { type: "string", enum: ["true"] },
            },
          },
          content: json({ $ref: "#/components/schemas/PlacedOrders" }),
        },
        "400": {
          description:
            "Invalid request: error.details.fields names each bad field (by path, e.g. " +
            "`shipping.phone`, or `Idempotency-Key`), not_on_sale each sku not on sale, " +
            "below_min_order each sku below its minimum order.",
          content: json(errorRef),
        },
        "401": unauthorized,
        "409": {
          description:
            "Not enough stock: error.details.skus names the skus short of stock, " +
            "error.details.shortages what is left of each. Nothing was ordered.",
          content: json(errorRef),
        },
        "422": {
          description: "This Idempotency-Key was already used with a different body.",
          content: json(errorRef),
        },
      },
    },
  },
  "/api/v1/orders/{id}": {
    get: {
      operationId: "getOrder",
      summary: "One of the token owner's orders",
      security: bearer,
      parameters: [
        {
          name: "id",
          in: "path",
          required: true,
          schema: { type: "integer", minimum: 1 },
          example: 42,
        },
      ],
      responses: {
        "200": {
          description: "The order with its lines.",
          content: json({
            type: "object",
            required: ["order"],
            properties: {
              order: {
                allOf: [
                  { $ref: "#/components/schemas/Order" },
                  {
                    type: "object",
                    required: ["created_at", "cancel_reason"],
                    properties: {
                      created_at: { type: "string", format: "date-time" },
                      cancel_reason: { type: ["string", "null"] },
                    },
                  },
                ],
              },
            },
          }),
        },
        "401": unauthorized,
        "404": {
          description: "No such order among the token owner's orders.",
          content: json(errorRef),
        },
      },
    },
  },
};

const orderStatuses = [
  "pending_payment",
  "confirmed",
  "shipping",
  "delivered",
  "completed",
  "cancelled",
];

export const ordersOpenApiSchemas = {
  OrderRequest: {
    type: "object",
    additionalProperties: false,
    required: ["items", "shipping", "payment_method"],
    properties: {
      items: {
        type: "array",
        minItems: 1,
        maxItems: 100,
        items: {
          type: "object",
          required: ["sku", "qty"],
          properties: {
            sku: { type: "string", examples: ["SP0001"] },
            qty: { type: "integer", minimum: 1, maximum: 100000 },
          },
        },
      },
      shipping: {
        type: "object",
        required: ["name", "phone", "province", "commune", "address"],
        properties: {
          name: { type: "string", minLength: 2, maxLength: 120 },
          phone: { type: "string", description: "Vietnamese phone, 0xxxxxxxxx or +84…" },
          province: {
            type: "string",
            description: "One of the 34 provinces and cities since 1 July 2025.",
            examples: ["Quảng Trị"],
          },
          commune: {
            type: "string",
            description:
              "Commune or ward (xã/phường/đặc khu) of that province in the official list since 1 July 2025: its name, with or without its kind, or its five-digit code. Stored under its official name.",
            examples: ["Phường Đông Hà", "19333"],
          },
          address: { type: "string", description: "House number, street, village." },
        },
      },
      delivery: {
        type: "object",
        description:
          "Delivery choice per producer code; a producer not named gets pickup (delivery " +
          "adds the producer's delivery fee).",
        additionalProperties: { type: "string", enum: ["pickup", "delivery"] },
      },
      payment_method: { type: "string", enum: ["cod", "bank_transfer"] },
      note: { type: "string", maxLength: 1000 },
    },
  },
  Order: {
    type: "object",
    required: [
      "id",
      "code",
      "producer",
      "status",
      "payment_method",
      "delivery_method",
      "subtotal_vnd",
      "delivery_fee_vnd",
      "total_vnd",
      "lines",
    ],
    properties: {
      id: { type: "integer" },
      code: { type: "string", description: "Order code to quote in a bank transfer." },
      producer: {
        type: "object",
        required: ["code", "name"],
        properties: { code: { type: "string" }, name: { type: "string" } },
      },
      status: { type: "string", enum: orderStatuses },
      payment_method: { type: "string", enum: ["cod", "bank_transfer", "card"] },
      delivery_method: { type: "string", enum: ["pickup", "delivery"] },
      subtotal_vnd: { type: "integer", description: "In đồng." },
      delivery_fee_vnd: { type: "integer", description: "In đồng." },
      total_vnd: { type: "integer", description: "In đồng." },
      lines: {
        type: "array",
        items: {
          type: "object",
          required: ["sku", "title", "unit", "qty", "unit_price_vnd", "line_total_vnd"],
          properties: {
            sku: { type: "string" },
            title: { type: "string" },
            unit: { type: "string" },
            qty: { type: "integer", minimum: 1 },
            unit_price_vnd: { type: "integer" },
            line_total_vnd: { type: "integer" },
          },
        },
      },
    },
  },
  PlacedOrders: {
    type: "object",
    required: ["checkout_id", "orders"],
    properties: {
      checkout_id: { type: "string", format: "uuid" },
      orders: { type: "array", items: { $ref: "#/components/schemas/Order" } },
    },
  },
  OrderError: {
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
              "invalid_request",
              "invalid_order",
              "out_of_stock",
              "unauthorized",
              "idempotency_key_reused",
              "not_found",
            ],
          },
          message: {
            type: "string",
            description: "For people: Vietnamese, or English when the `lang` cookie asks for it.",
          },
          details: {
            type: ["object", "null"],
            properties: {
              fields: {
                type: "object",
                additionalProperties: { type: "string" },
                description: "Bad field path → message (Vietnamese).",
              },
              not_on_sale: { type: "array", items: { type: "string" } },
              below_min_order: {
                type: "array",
                items: {
                  type: "object",
                  properties: { sku: { type: "string" }, min_order_qty: { type: "integer" } },
                },
              },
              skus: {
                type: "array",
                items: { type: "string" },
                description: "Skus short of stock (409).",
              },
            },
          },
        },
      },
    },
  },
};

export const ordersOpenApiSecuritySchemes = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description:
      "A business buyer's API token (cc_…), created with `npm run cli -- token:create --user <phone|e-mail>`.",
  },
};
