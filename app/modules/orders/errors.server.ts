import { Conflict, DomainError, Invalid } from "~/lib/errors";
import type { Locale } from "~/lib/i18n/locales";
import { t, type MessageKey, type MessageParams } from "~/lib/i18n/translate";
import { quantityProblemParams, type OrderMessage, type QuantityProblem } from "~/lib/orders";

/**
 * Errors below whose parameters are themselves messages (a list of products, the name of a
 * state) render them in the reader's language before putting them in the sentence:
 * `message` stays the Vietnamese rendering, `messageIn(locale)` any other.
 */
type ParamsIn = (locale: Locale) => MessageParams;

/** A domain error of its own code whose parameters depend on the reader's language. */
class ComposedError extends DomainError {
  private readonly paramsIn: ParamsIn;

  constructor(
    status: number,
    code: string,
    key: MessageKey,
    paramsIn: ParamsIn,
    details?: Record<string, unknown>,
  ) {
    super(status, code, key, paramsIn("vi"), details);
    this.paramsIn = paramsIn;
  }

  override messageIn(locale: Locale): string {
    return t(locale, this.messageKey, this.paramsIn(locale));
  }
}

const render = (locale: Locale, message: OrderMessage) => t(locale, message.key, message.params);

/** Some products are short of stock; `details.skus` names them with what is left. */
export class OutOfStock extends ComposedError {
  constructor(public readonly shortages: { sku: string; title: string; available: number }[]) {
    super(
      409,
      "out_of_stock",
      "orderError.outOfStock",
      (locale) => ({
        items: shortages.map((s) => t(locale, "orderError.shortage", { ...s })).join("; "),
      }),
      { skus: shortages.map((s) => s.sku), shortages },
    );
  }
}

/** A price changed since the buyer saw it; they must see the new price and confirm again. */
export class PriceChanged extends DomainError {
  constructor(
    public readonly changes: { sku: string; title: string; fromVnd: number; toVnd: number }[],
  ) {
    super(409, "price_changed", "orderError.priceChanged", {}, { changes });
  }
}

/** What is wrong with the items of an order, per sku; also bad fields by path. */
export interface OrderProblems {
  fields: Record<string, OrderMessage>;
  notOnSale: string[];
  belowMinOrder: { sku: string; minOrderQty: number }[];
}

/** The message of each bad field in one language, by field name. */
function fieldMessages(problems: OrderProblems, locale: Locale): Record<string, string> {
  return Object.fromEntries(
    Object.entries(problems.fields).map(([field, message]) => [field, render(locale, message)]),
  );
}

/** Each problem as one message, in the order the sentence lists them. */
function problemMessages(problems: OrderProblems): ((locale: Locale) => string)[] {
  const parts: ((locale: Locale) => string)[] = [];
  for (const [field, message] of Object.entries(problems.fields)) {
    parts.push((locale) =>
      t(locale, "orderError.fieldProblem", { field, message: render(locale, message) }),
    );
  }
  if (problems.notOnSale.length > 0) {
    const skus = problems.notOnSale.join(", ");
    parts.push((locale) => t(locale, "orderError.notOnSale", { skus }));
  }
  for (const { sku, minOrderQty } of problems.belowMinOrder) {
    parts.push((locale) => t(locale, "orderError.belowMinOrder", { sku, min: minOrderQty }));
  }
  return parts;
}

/** The order cannot be placed as asked; `details` names every field and sku at fault. */
export class InvalidOrder extends ComposedError {
  constructor(public readonly problems: OrderProblems) {
    const parts = problemMessages(problems);
    super(
      400,
      "invalid_order",
      "orderError.invalidOrder",
      (locale) => ({ problems: parts.map((part) => part(locale)).join("; ") }),
      {
        // The API documents these in Vietnamese; pages show `problems` in the reader's language.
        fields: fieldMessages(problems, "vi"),
        not_on_sale: problems.notOnSale,
        below_min_order: problems.belowMinOrder.map((b) => ({
          sku: b.sku,
          min_order_qty: b.minOrderQty,
        })),
      },
    );
  }

  /** The message of each bad field in the reader's language, by field name. */
  fieldMessagesIn(locale: Locale): Record<string, string> {
    return fieldMessages(this.problems, locale);
  }

  /** One bad field, as the checkout's own checks report it. */
  static field(field: string, key: MessageKey): InvalidOrder {
    return new InvalidOrder({ fields: { [field]: { key } }, notOnSale: [], belowMinOrder: [] });
  }
}

/** The idempotency key was already used for a different request. */
export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super(422, "idempotency_key_reused", "orderError.idempotencyKeyReused");
  }
}

const STATE_KEYS = {
  pending_payment: "orderState.pending_payment",
  confirmed: "orderState.confirmed",
  shipping: "orderState.shipping",
  delivered: "orderState.delivered",
  completed: "orderState.completed",
  cancelled: "orderState.cancelled",
} as const satisfies Record<string, MessageKey>;

/** An order is no longer in a state that allows the step (a stale page, a second click). */
export class WrongOrderState extends Conflict {
  private readonly paramsIn: ParamsIn;

  constructor(code: string, status: keyof typeof STATE_KEYS) {
    const paramsIn: ParamsIn = (locale) => ({ code, status: t(locale, STATE_KEYS[status]) });
    super("orderError.wrongState", paramsIn("vi"), { status });
    this.paramsIn = paramsIn;
  }

  override messageIn(locale: Locale): string {
    return t(locale, this.messageKey, this.paramsIn(locale));
  }
}

/** A cart quantity that cannot be ordered (minimum, stock, no longer on sale). */
export class QuantityRefused extends Invalid {
  private readonly paramsIn: ParamsIn;

  constructor(problem: QuantityProblem, details: Record<string, unknown>) {
    const paramsIn: ParamsIn = (locale) => quantityProblemParams(locale, problem);
    super(problem.key, paramsIn("vi"), details);
    this.paramsIn = paramsIn;
  }

  override messageIn(locale: Locale): string {
    return t(locale, this.messageKey, this.paramsIn(locale));
  }
}
