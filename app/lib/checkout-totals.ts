/**
 * What a checkout costs for the delivery methods chosen: the goods plus the delivery fee of
 * each producer who delivers. The page shows it before "Đặt hàng" (the browser recomputes it
 * on change; without JavaScript the server does after "Cập nhật"); placing the order computes
 * the amounts again from the database, so this is only what the buyer is told.
 */

export type DeliveryChoice = "pickup" | "delivery";

export interface CheckoutGroupCost {
  producer: { code: string; deliveryFeeVnd: number };
  subtotalVnd: number;
}

export interface CheckoutTotals {
  subtotalVnd: number;
  deliveryFeesVnd: number;
  totalVnd: number;
}

/** A producer not named in `choices` is picked up, as the order module assumes. */
export function chosenMethod(
  choices: Record<string, string | undefined>,
  producerCode: string,
): DeliveryChoice {
  return choices[`delivery.${producerCode}`] === "delivery" ? "delivery" : "pickup";
}

/** The totals for `choices`, the form's values (`delivery.<producer code>` → method). */
export function checkoutTotals(
  groups: CheckoutGroupCost[],
  choices: Record<string, string | undefined>,
): CheckoutTotals {
  let subtotalVnd = 0;
  let deliveryFeesVnd = 0;
  for (const group of groups) {
    subtotalVnd += group.subtotalVnd;
    if (chosenMethod(choices, group.producer.code) === "delivery") {
      deliveryFeesVnd += group.producer.deliveryFeeVnd;
    }
  }
  return { subtotalVnd, deliveryFeesVnd, totalVnd: subtotalVnd + deliveryFeesVnd };
}

/** Whether every producer of the checkout hands over by pickup: then no address is asked. */
export function isAllPickup(
  groups: { producer: { code: string } }[],
  choices: Record<string, string | undefined>,
): boolean {
  return groups.every((group) => chosenMethod(choices, group.producer.code) === "pickup");
}
