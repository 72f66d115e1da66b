import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { DomainError } from "~/lib/errors";
import { normalizePhone, VN_PHONE } from "~/lib/schemas/checkout";
import type { Db } from "~db/client.server";
import { orderLines, orders, producers } from "~db/schema";
import { InvalidOrder } from "./errors.server";
import { placeOrder, type PlacedOrder } from "./place-order.server";
import { findProvince } from "./provinces.server";

/** A JSON answer of the business API: status and body. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const text = (field: string, min: number, max: number) =>
  z
    .string({
      required_error: `Thiếu ${field}.`,
      invalid_type_error: `${field} phải là chuỗi.`,
    })
    .transform((s) => s.normalize("NFC").trim())
    .refine((s) => s.length >= min && s.length <= max, {
      message: `${field} phải dài từ ${min} đến ${max} ký tự.`,
    });

const ApiOrderBody = z
  .object(
    {
      items: z
        .array(
          z.object({
            sku: text("sku", 1, 40),
            qty: z
              .number({ required_error: "Thiếu qty.", invalid_type_error: "qty phải là số." })
              .int("qty phải là số nguyên.")
              .min(1, "qty phải từ 1 trở lên.")
              .max(100_000, "qty quá lớn."),
          }),
          { required_error: "Thiếu items.", invalid_type_error: "items phải là một mảng." },
        )
        .min(1, "items cần ít nhất một sản phẩm.")
        .max(100, "Tối đa 100 dòng mỗi đơn."),
      shipping: z.object(
        {
          name: text("shipping.name", 2, 120),
          phone: text("shipping.phone", 9, 20)
            .transform(normalizePhone)
            .refine((v) => VN_PHONE.test(v), {
              message: "Số điện thoại không hợp lệ (0xxxxxxxxx hoặc +84…).",
            }),
          province: text("shipping.province", 2, 60)
            .refine((v) => findProvince(v) !== undefined, {
              message: "Tỉnh/thành không thuộc 34 tỉnh, thành phố hiện hành.",
            })
            .transform((v) => findProvince(v)?.name ?? v),
          commune: text("shipping.commune", 2, 120),
          address: text("shipping.address", 3, 300),
        },
        { required_error: "Thiếu shipping.", invalid_type_error: "shipping phải là object." },
      ),
      delivery: z
        .record(
          z.enum(["pickup", "delivery"], {
            errorMap: () => ({ message: 'Chỉ nhận "pickup" hoặc "delivery".' }),
          }),
        )
        .optional(),
      payment_method: z.enum(["cod", "bank_transfer"], {
        errorMap: () => ({ message: 'payment_method phải là "cod" hoặc "bank_transfer".' }),
      }),
      note: text("note", 0, 1000).optional(),
    },
    { invalid_type_error: "Nội dung phải là một object JSON." },
  )
  .strict("Có trường không được hỗ trợ.");

function error(status: number, code: string, message: string, details: unknown = null): ApiAnswer {
  return { status, body: { error: { code, message, details } } };
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
): ApiAnswer {
  const fields: Record<string, string> = {};
  const key = idempotencyKey?.trim() ?? "";
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    fields["Idempotency-Key"] = "Cần header Idempotency-Key (1–255 ký tự ASCII in được).";
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return error(400, "invalid_json", "Nội dung yêu cầu không phải JSON hợp lệ.", { fields });
  }
  const parsed = ApiOrderBody.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".") || "body";
      fields[path] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(fields).length > 0) {
    return error(400, "invalid_request", "Yêu cầu có trường không hợp lệ.", {
      fields,
      not_on_sale: [],
      below_min_order: [],
    });
  }
  const body = parsed.data;
  try {
    const result = placeOrder(db, {
      buyerUserId: userId,
      items: body.items,
      shipping: body.shipping,
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
  } catch (e) {
    if (e instanceof InvalidOrder) return error(400, e.code, e.message, e.details);
    if (e instanceof DomainError) return error(e.status, e.code, e.message, e.details ?? null);
    throw e;
  }
}

/** `GET /api/v1/orders/{id}`: one of the caller's own orders, 404 for anything else. */
export function getOrderForApi(db: Db, userId: number, orderId: number): ApiAnswer {
  const row = db
    .select({ order: orders, producerCode: producers.code, producerName: producers.name })
    .from(orders)
    .innerJoin(producers, eq(producers.id, orders.producerId))
    .where(and(eq(orders.id, orderId), eq(orders.buyerUserId, userId)))
    .get();
  if (!row) return error(404, "not_found", "Không tìm thấy đơn hàng.");
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
        cancel_reason: order.cancelReason,
      },
    },
  };
}

export const unauthorizedAnswer = (): ApiAnswer => ({
  ...error(401, "unauthorized", "Thiếu hoặc sai token (Authorization: Bearer …)."),
  headers: { "WWW-Authenticate": 'Bearer realm="cung-cau"' },
});
