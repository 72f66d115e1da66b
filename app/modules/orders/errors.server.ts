import { DomainError } from "~/lib/errors";

/** Some products are short of stock; `details.skus` names them with what is left. */
export class OutOfStock extends DomainError {
  constructor(public readonly shortages: { sku: string; title: string; available: number }[]) {
    super(
      `Không đủ hàng: ${shortages.map((s) => `${s.title} (${s.sku}) chỉ còn ${s.available}`).join("; ")}.`,
      409,
      "out_of_stock",
      { skus: shortages.map((s) => s.sku), shortages },
    );
  }
}

/** A price changed since the buyer saw it; they must see the new price and confirm again. */
export class PriceChanged extends DomainError {
  constructor(
    public readonly changes: { sku: string; title: string; fromVnd: number; toVnd: number }[],
  ) {
    super(
      "Giá một số sản phẩm đã thay đổi. Vui lòng xem lại giá mới trước khi đặt hàng.",
      409,
      "price_changed",
      { changes },
    );
  }
}

/** What is wrong with the items of an order, per sku; also bad fields by path. */
export interface OrderProblems {
  fields: Record<string, string>;
  notOnSale: string[];
  belowMinOrder: { sku: string; minOrderQty: number }[];
}

export class InvalidOrder extends DomainError {
  constructor(public readonly problems: OrderProblems) {
    const parts: string[] = [];
    for (const [field, message] of Object.entries(problems.fields))
      parts.push(`${field}: ${message}`);
    if (problems.notOnSale.length > 0) {
      parts.push(`Sản phẩm không còn bán: ${problems.notOnSale.join(", ")}`);
    }
    for (const { sku, minOrderQty } of problems.belowMinOrder) {
      parts.push(`${sku} cần đặt tối thiểu ${minOrderQty}`);
    }
    super(`Đơn hàng chưa hợp lệ. ${parts.join("; ")}.`, 400, "invalid_order", {
      fields: problems.fields,
      not_on_sale: problems.notOnSale,
      below_min_order: problems.belowMinOrder.map((b) => ({
        sku: b.sku,
        min_order_qty: b.minOrderQty,
      })),
    });
  }
}

/** The idempotency key was already used for a different request. */
export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super(
      "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.",
      422,
      "idempotency_key_reused",
    );
  }
}
