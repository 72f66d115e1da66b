import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "~db/client.server";
import {
  buyerProfiles,
  orders,
  payments,
  producers,
  users,
  type DeliveryMethod,
  type PaymentMethod,
} from "~db/schema";
import { NotFound } from "~/lib/errors";
import { officialProvinceCode } from "~/lib/places";
import { findProvince } from "~/lib/provinces";
import { nationalPhone } from "~/lib/schemas/shipping";
import { placeOptions } from "~/modules/demand/request-form.server";
import {
  availablePaymentMethods,
  paymentProvider,
  PaymentUnavailable,
  type CheckoutToPay,
  type PaymentProvider,
  type PaymentUrls,
} from "~/modules/payments/index.server";
import { producersWithoutBankAccount } from "~/modules/payments/bank-transfer.server";
import { openSessionUrl } from "~/modules/payments/stripe.server";
import { logger } from "~/modules/platform/logger.server";
import { preferredAddress, rememberAddress } from "./address-book.server";
import { getCart, type CartView } from "./cart.server";
import { InvalidOrder } from "./errors.server";
import { cancelOrderBySystem } from "./fulfilment.server";
import { placeOrder, type ShippingAddress } from "./place-order.server";

/** A place of the picker: an official code and the name people read. */
interface PlaceChoice {
  code: string;
  name: string;
}

/** The form's address as it starts: province and commune by official code. */
export interface CheckoutDefaults {
  name: string;
  phone: string;
  province: string;
  commune: string;
  address: string;
}

export interface CheckoutView {
  cart: CartView;
  /** The 34 provinces, and the communes of the province the form starts with. */
  provinces: PlaceChoice[];
  communes: PlaceChoice[];
  /** Where and when each producer of the cart hands over a pickup order, by producer code. */
  pickupPlaces: Record<string, { address: string; pickupHours: string | null }>;
  paymentMethods: PaymentMethod[];
  /** The cart's producers without a bank account: while any is there, no bank transfer. */
  transferUnavailableFrom: { code: string; name: string }[];
  defaults: CheckoutDefaults;
  /** A new key for this checkout form; a resubmitted form reuses it. */
  idempotencyKey: string;
}

/**
 * The form's address: the buyer's address last used (or default) from the address book, else
 * their name, phone and the province of their profile.
 */
function checkoutDefaults(db: Db, userId: number): CheckoutDefaults {
  const saved = preferredAddress(db, userId);
  if (saved) {
    return {
      name: saved.name,
      phone: saved.phone,
      province: officialProvinceCode(saved.province) ?? "",
      commune: saved.communeCode,
      address: saved.address,
    };
  }
  const user = db
    .select({ displayName: users.displayName, phone: users.phone })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  const profile = db
    .select({ province: buyerProfiles.province, city: buyerProfiles.city })
    .from(buyerProfiles)
    .where(eq(buyerProfiles.userId, userId))
    .get();
  const province = findProvince(profile?.province ?? "");
  return {
    name: user?.displayName ?? "",
    phone: user?.phone ? nationalPhone(user.phone) : "",
    province: province ? (officialProvinceCode(province.code) ?? "") : "",
    commune: "",
    address: "",
  };
}

/** The picker's provinces, and the communes of `provinceCode` (an official code, or none). */
export function checkoutPlaces(provinceCode: string | undefined) {
  return placeOptions(provinceCode);
}

/** Everything the checkout page shows: the cart with current prices, and form defaults. */
export function getCheckoutView(db: Db, userId: number): CheckoutView {
  const cart = getCart(db, { userId });
  const defaults = checkoutDefaults(db, userId);
  const producerIds = cart.groups.map((g) => g.producer.id);
  const pickupRows = db
    .select({
      code: producers.code,
      address: producers.address,
      pickupHours: producers.pickupHours,
    })
    .from(producers)
    .where(inArray(producers.id, producerIds))
    .all();
  return {
    cart,
    ...checkoutPlaces(defaults.province),
    pickupPlaces: Object.fromEntries(
      pickupRows.map(({ code, ...place }) => [code, place] as const),
    ),
    paymentMethods: availablePaymentMethods(),
    transferUnavailableFrom: producersWithoutBankAccount(
      db,
      cart.groups.map((g) => g.producer.id),
    ).map(({ code, name }) => ({ code, name })),
    defaults,
    idempotencyKey: randomUUID(),
  };
}

export interface CheckoutForm {
  /** Empty province, commune and address when every producer is picked up. */
  shipping: ShippingAddress;
  /** The official code of the delivery commune; null when nothing is delivered. */
  communeCode?: string | null;
  /** Keep the delivery address in the buyer's address book ("Lưu địa chỉ này"). */
  saveAddress?: boolean;
  note: string | null;
  paymentMethod: PaymentMethod;
  delivery: Record<string, DeliveryMethod>;
  /** The unit price the buyer saw for each sku on the checkout page. */
  seenPrices: Record<string, number>;
  idempotencyKey: string;
}

/**
 * Places the orders for what is in the buyer's cart (quantities from the database, the
 * prices the buyer saw checked against the current ones), then starts the payment.
 * Returns where to send the buyer: the provider's page (card) or the new orders.
 */
export async function placeCheckout(
  db: Db,
  userId: number,
  form: CheckoutForm,
  urls: { origin: string },
): Promise<{ checkoutId: string; redirectTo: string }> {
  // A pickup-only checkout has no address; one that delivers must name a province.
  const isDelivered = Object.values(form.delivery).includes("delivery");
  const province = findProvince(form.shipping.province);
  if (isDelivered && !province) throw InvalidOrder.field("province", "orderError.chooseProvince");
  const provider = paymentProvider(form.paymentMethod);
  if (!provider.isAvailable()) {
    throw InvalidOrder.field("paymentMethod", "orderError.paymentMethodUnsupported");
  }
  const cart = getCart(db, { userId });
  const items = cart.groups.flatMap((group) =>
    group.lines.map((line) => ({
      sku: line.sku,
      qty: line.qty,
      expectedPriceVnd: form.seenPrices[line.sku] ?? line.seenPriceVnd,
    })),
  );
  const result = placeOrder(db, {
    buyerUserId: userId,
    items,
    shipping: province ? { ...form.shipping, province: province.name } : form.shipping,
    note: form.note,
    delivery: form.delivery,
    paymentMethod: form.paymentMethod,
    idempotency: { scope: `web:${userId}`, key: form.idempotencyKey, matchRequest: false },
    clearCart: true,
  });
  const ordersUrl = `/don-hang?dat-hang=${encodeURIComponent(result.checkoutId)}`;
  if (result.replayed) return { checkoutId: result.checkoutId, redirectTo: ordersUrl };
  if (isDelivered && province && form.communeCode && form.saveAddress) {
    rememberAddress(db, userId, {
      ...form.shipping,
      province: province.name,
      communeCode: form.communeCode,
    });
  }
  const buyer = db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  const redirectUrl = await startPayment(
    db,
    provider,
    { checkoutId: result.checkoutId, buyerEmail: buyer?.email ?? null, orders: result.orders },
    {
      successUrl: `${urls.origin}${ordersUrl}&thanh-toan=ok`,
      cancelUrl: `${urls.origin}${ordersUrl}`,
    },
  );
  return { checkoutId: result.checkoutId, redirectTo: redirectUrl ?? ordersUrl };
}

/**
 * Starts paying a committed checkout; the URL of the provider's page, or null to stay here.
 * The orders were committed first and hold stock: when the payment cannot start nobody can
 * pay them, so this step undoes the checkout (the orders are cancelled, stock released)
 * before the error goes on. The payments module only knows payments.
 */
export async function startPayment(
  db: Db,
  provider: PaymentProvider,
  checkout: CheckoutToPay,
  urls: PaymentUrls,
): Promise<string | null> {
  try {
    const { redirectUrl, payBy } = await provider.start(db, checkout, urls);
    if (payBy) {
      db.update(orders)
        .set({ paymentDueAt: payBy })
        .where(
          inArray(
            orders.id,
            checkout.orders.map((o) => o.id),
          ),
        )
        .run();
    }
    return redirectUrl;
  } catch (error) {
    logger.error({ err: error, checkoutId: checkout.checkoutId }, "payment could not start");
    for (const order of checkout.orders) {
      try {
        cancelOrderBySystem(db, order.id, "cancelReason.cardSessionFailed");
      } catch (cancelError) {
        logger.error({ err: cancelError, orderId: order.id }, "could not cancel order");
      }
    }
    if (error instanceof PaymentUnavailable) {
      throw new PaymentUnavailable("paymentError.cardUnreachable");
    }
    throw error;
  }
}

/**
 * The buyer comes back to pay one of their card orders still waiting: the page of its open
 * session. NotFound for another buyer's order, one no longer waiting, or an expired session.
 */
export async function resumeCardPayment(
  db: Db,
  buyerUserId: number,
  orderId: number,
): Promise<string> {
  const row = db
    .select({ ref: payments.providerRef })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        eq(orders.id, orderId),
        eq(orders.buyerUserId, buyerUserId),
        eq(orders.status, "pending_payment"),
        eq(payments.provider, "stripe"),
        eq(payments.status, "pending"),
      ),
    )
    .get();
  if (!row?.ref) throw new NotFound("paymentError.noOpenSession");
  return openSessionUrl(row.ref);
}
