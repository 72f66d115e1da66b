import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { buyerProfiles, users, type DeliveryMethod, type PaymentMethod } from "~db/schema";
import { availablePaymentMethods, paymentProvider } from "~/modules/payments/index.server";
import { getCart, type CartView } from "./cart.server";
import { InvalidOrder } from "./errors.server";
import { placeOrder, type ShippingAddress } from "./place-order.server";
import { findProvince, listProvinces, type Province } from "./provinces.server";

export interface CheckoutView {
  cart: CartView;
  provinces: Province[];
  paymentMethods: PaymentMethod[];
  defaults: ShippingAddress;
  /** A new key for this checkout form; a resubmitted form reuses it. */
  idempotencyKey: string;
}

/** Everything the checkout page shows: the cart with current prices, and form defaults. */
export function getCheckoutView(db: Db, userId: number): CheckoutView {
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
  return {
    cart: getCart(db, { userId }),
    provinces: listProvinces(),
    paymentMethods: availablePaymentMethods(),
    defaults: {
      name: user?.displayName ?? "",
      phone: user?.phone ? user.phone.replace(/^\+84/, "0") : "",
      province: findProvince(profile?.province ?? "")?.name ?? "",
      commune: "",
      address: "",
    },
    idempotencyKey: randomUUID(),
  };
}

export interface CheckoutForm {
  shipping: ShippingAddress;
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
  const province = findProvince(form.shipping.province);
  if (!province) {
    throw new InvalidOrder({
      fields: { province: "Vui lòng chọn tỉnh/thành phố." },
      notOnSale: [],
      belowMinOrder: [],
    });
  }
  const provider = paymentProvider(form.paymentMethod);
  if (!provider.isAvailable()) {
    throw new InvalidOrder({
      fields: { paymentMethod: "Cách thanh toán này chưa được hỗ trợ." },
      notOnSale: [],
      belowMinOrder: [],
    });
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
    shipping: { ...form.shipping, province: province.name },
    note: form.note,
    delivery: form.delivery,
    paymentMethod: form.paymentMethod,
    idempotency: { scope: `web:${userId}`, key: form.idempotencyKey, matchRequest: false },
    clearCart: true,
  });
  const ordersUrl = `/don-hang?dat-hang=${encodeURIComponent(result.checkoutId)}`;
  if (result.replayed) return { checkoutId: result.checkoutId, redirectTo: ordersUrl };
  const buyer = db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  const { redirectUrl } = await provider.start(
    db,
    { checkoutId: result.checkoutId, buyerEmail: buyer?.email ?? null, orders: result.orders },
    {
      successUrl: `${urls.origin}${ordersUrl}&thanh-toan=ok`,
      cancelUrl: `${urls.origin}${ordersUrl}`,
    },
  );
  return { checkoutId: result.checkoutId, redirectTo: redirectUrl ?? ordersUrl };
}
