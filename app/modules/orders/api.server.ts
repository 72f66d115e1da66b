import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { DomainError, NotFound, Unauthorized } from "~/lib/errors";
import type { Locale } from "~/lib/i18n/locales";
import { authenticateApiToken } from "~/modules/auth/api-tokens.server";
import { reasonText } from "~/modules/notifications/messages";
import { isMessageKey, t, type MessageKey } from "~/lib/i18n/translate";
import { DELIVERY_CHOICES, orderNoteSchema, shippingAddressSchema } from "~/lib/schemas/shipping";
import { errorBody } from "~/modules/platform/http.server";
import type { Db } from "~db/client.server";
import { orderLines, orders, producers } from "~db/schema";
import { placeOrder, type PlacedOrder } from "./place-order.server";
import { inSharedCommit } from "./shared-commit.server";

/** A JSON answer of the business API: status and body. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The same message for a missing field and one of the wrong type. */
const message = (key: MessageKey) => ({ required_error: key, invalid_type_error: key });

/** The body of `POST /api/v1/orders`; the delivery address is the web checkout's schema. */
const ApiOrderBody = z
  .object(
    {
      items: z
        .array(
          z.object({
            sku: z
              .string(message("apiOrder.error.sku"))
              .trim()
              .min(1, "apiOrder.error.sku")
              .max(40, "apiOrder.error.sku"),
            qty: z
              .number(message("apiOrder.error.qty"))
              .int("apiOrder.error.qty")
              .min(1, "apiOrder.error.qty")
              .max(100_000, "apiOrder.error.qty"),
          }),
          message("apiOrder.error.items"),
        )
        .min(1, "apiOrder.error.items")
        .max(100, "apiOrder.error.items"),
      shipping: shippingAddressSchema(message("apiOrder.error.shipping")),
      delivery: z
        .record(z.enum(DELIVERY_CHOICES, { message: "apiOrder.error.delivery" }))
        .optional(),
      payment_method: z.enum(["cod", "bank_transfer"], {
        message: "apiOrder.error.paymentMethod",
      }),
      note: orderNoteSchema.optional(),
    },
    message("apiOrder.error.body"),
  )
  .strict("apiOrder.error.unknownField");

/** A domain error as the API's answer, in the documented shape (platform/http). */
function errorAnswer(error: DomainError, locale: Locale): ApiAnswer {
  return { status: error.status, body: errorBody(error, locale) };
}

/** The API's view of an order: snake_case, amounts in đồng. */
export function toApiOrder(order: PlacedOrder) {
  return {
    id: order.id,
    code: order.code,
    producer: { code: order.producer.code, name: order.producer.name },
    status: order.status,
    payment_method: order.paymentMethod,
    delivery_method: order.deliveryMethod,
    subtotal_vnd: order.subtotalVnd,
    delivery_fee_vnd: order.deliveryFeeVnd,
    total_vnd: order.totalVnd,
    lines: order.lines.map((l) => ({
      sku: l.sku,
      title: l.title,
      unit: l.unit,
      qty: l.qty,
      unit_price_vnd: l.unitPriceVnd,
      line_total_vnd: l.lineTotalVnd,
    })),
  };
}

/**
 * `POST /api/v1/orders`: validates the body (400 naming each bad field), then places the
 * orders under the caller's Idempotency-Key. 201 with the orders; 400 naming skus not on
 * sale or below their minimum; 409 naming skus short of stock; 422 for a reused key.
 */
export function createOrdersFromApi(
  db: Db,
  userId: number,
  idempotencyKey: string | null,
  rawBody: string,
  locale: Locale = "vi",
): ApiAnswer {
  try {
    return placeOrdersFromApi(db, userId, idempotencyKey, rawBody);
  } catch (error) {
    if (error instanceof DomainError) return errorAnswer(error, locale);
    throw error;
  }
}

/** What `POST /api/v1/orders` reads of a request, whichever server read it. */
export interface OrdersApiRequest {
  /** The `Authorization` header: "Bearer cc_…". */
  authorization: string | null;
  idempotencyKey: string | null;
  /** The language of error messages (the `lang` cookie). */
  locale: Locale;
  body: string;
}

/** An answer as it goes on the wire: status, headers and the JSON text. */
export interface EncodedApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * `POST /api/v1/orders`, from the parts of the request to the bytes of the answer: the
 * caller's token (401 with the Bearer challenge), then the orders, both in a shared commit
 * (shared-commit.server.ts) with the others that arrived in the same turn of the event loop.
 * Reading the token inside that transaction spares a read transaction of its own per request
 * (about 5 µs on a quiet file, more beside a writer; docs/decisions/036-speed-orders.md). The
 * Remix route and the server's direct path (server/api-fast-path.ts) both answer with it.
 */
export async function answerOrdersApi(
  db: Db,
  request: OrdersApiRequest,
): Promise<EncodedApiAnswer> {
  const answer = await inSharedCommit(db, (): ApiAnswer => {
    const caller = authenticateApiToken(db, request.authorization);
    if (!caller) {
      return {
        ...errorAnswer(new Unauthorized("apiOrder.error.unauthorized"), request.locale),
        headers: { "WWW-Authenticate": 'Bearer realm="cung-cau"' },
      };
    }
    return createOrdersFromApi(
      db,
      caller.userId,
      request.idempotencyKey,
      request.body,
      request.locale,
    );
  });
  const body = JSON.stringify(answer.body);
  return {
    status: answer.status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // A known length lets the compression middleware skip small answers (most of them).
      "Content-Length": String(Buffer.byteLength(body)),
      "Cache-Control": "no-store",
      ...answer.headers,
    },
    body,
  };
}

function placeOrdersFromApi(
  db: Db,
  userId: number,
  idempotencyKey: string | null,
  rawBody: string,
): ApiAnswer {
  // Field messages are documented in Vietnamese, whatever the caller's language.
  const fields: Record<string, string> = {};
  const key = idempotencyKey?.trim() ?? "";
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    fields["Idempotency-Key"] = t("vi", "apiOrder.error.idempotencyKey");
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new DomainError(400, "invalid_json", "apiOrder.error.invalidJson", {}, { fields });
  }
  const parsed = ApiOrderBody.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".") || "body";
      fields[path] ??= isMessageKey(issue.message) ? t("vi", issue.message) : issue.message;
    }
  }
  if (!parsed.success || Object.keys(fields).length > 0) {
    throw new DomainError(
      400,
      "invalid_request",
      "apiOrder.error.invalidRequest",
      {},
      {
        fields,
        not_on_sale: [],
        below_min_order: [],
      },
    );
  }
  const body = parsed.data;
  const result = placeOrder(db, {
    buyerUserId: userId,
    items: body.items,
    shipping: {
      name: body.shipping.name,
      phone: body.shipping.phone,
      province: body.shipping.province,
      commune: body.shipping.commune,
      address: body.shipping.address,
    },
    note: body.note ?? null,
    delivery: body.delivery ?? {},
    paymentMethod: body.payment_method,
    idempotency: { scope: `api:${userId}`, key },
  });
  return {
    status: 201,
    body: { checkout_id: result.checkoutId, orders: result.orders.map(toApiOrder) },
    headers: result.replayed ? { "Idempotent-Replayed": "true" } : {},
  };
}

/** `GET /api/v1/orders/{id}`: one of the caller's own orders, 404 for anything else. */
export function getOrderForApi(
  db: Db,
  userId: number,
  orderId: number,
  locale: Locale = "vi",
): ApiAnswer {
  const row = db
    .select({ order: orders, producerCode: producers.code, producerName: producers.name })
    .from(orders)
    .innerJoin(producers, eq(producers.id, orders.producerId))
    .where(and(eq(orders.id, orderId), eq(orders.buyerUserId, userId)))
    .get();
  if (!row) return errorAnswer(new NotFound("orderError.notFound"), locale);
  const lines = db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).all();
  const { order } = row;
  return {
    status: 200,
    body: {
      order: {
        ...toApiOrder({
          ...order,
          producer: { id: order.producerId, code: row.producerCode, name: row.producerName },
          lines,
        }),
        created_at: order.createdAt.toISOString(),
        cancel_reason: reasonText(locale, order.cancelReasonKey, order.cancelReason),
      },
    },
  };
}
