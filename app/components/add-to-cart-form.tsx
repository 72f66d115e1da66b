import { Form } from "@remix-run/react";
import { useId, useState } from "react";
import { useLocale, useT } from "~/lib/i18n";
import { formatQuantity, unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import type { LineTotalTexts } from "~/islands/line-total";

/**
 * "Add to cart" for a product page: a plain form posting to /gio-hang, so it works without
 * JavaScript; the cart page answers with the cart (or the reason the quantity is refused).
 * Beside the quantity it states the minimum order and what the chosen quantity costs; the
 * total names its quantity, so without JavaScript (where it cannot follow the field) it
 * stays true. On a page sent without React the island (app/islands/line-total.ts) follows the
 * field, with the words and price written in `data-line-total`.
 */
export function AddToCartForm({
  listingId,
  minOrderQty,
  stock,
  priceVnd,
  unit,
}: {
  listingId: number;
  minOrderQty: number;
  stock: number;
  priceVnd: number;
  /** The unit of sale as stored ("gói"); worded here for the interface language. */
  unit: string;
}) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [qty, setQty] = useState(minOrderQty);
  if (stock < minOrderQty) {
    return <p className="mt-4 font-medium text-stone-700">{t("addToCart.unavailable")}</p>;
  }
  const qtyId = `${id}-qty`;
  const limitsId = `${id}-limits`;
  // A number too large to price (typed by hand) shows no total rather than a wrong one.
  const isCountable = Number.isInteger(qty) && qty >= 1 && Number.isSafeInteger(qty * priceVnd);
  const lineTotalTexts: LineTotalTexts = {
    priceVnd,
    total: t("journey.buy.lineTotal", { quantity: "{quantity}", total: "{total}" }),
    quantity: t("journey.quantity", { qty: "{qty}", unit: "{unit}" }),
    one: unitLabel(locale, unit, 1),
    other: unitLabel(locale, unit, 2),
  };
  return (
    <Form method="post" action="/gio-hang" className="mt-4 space-y-2">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="listingId" value={listingId} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={qtyId} className="block text-sm font-medium text-stone-800">
            {/* A count other than one gives the plural: "Quantity (packs)". */}
            {t("addToCart.quantity", { unit: unitLabel(locale, unit, 0) })}
          </label>
          <input
            id={qtyId}
            name="qty"
            type="number"
            inputMode="numeric"
            min={minOrderQty}
            max={stock}
            step={1}
            defaultValue={minOrderQty}
            onChange={(event) => setQty(event.currentTarget.valueAsNumber)}
            required
            aria-describedby={limitsId}
            className="mt-1 w-28 rounded-lg border border-stone-300 px-3 py-2.5"
          />
        </div>
        <button
          type="submit"
          className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
        >
          {t("addToCart.submit")}
        </button>
      </div>
      <p id={limitsId} className="text-sm text-stone-700">
        <span data-min-order={minOrderQty}>
          {t("journey.buy.minimum", { quantity: formatQuantity(locale, minOrderQty, unit) })}
        </span>{" "}
        {t("journey.buy.available", { quantity: formatQuantity(locale, stock, unit) })}
      </p>
      <p className="font-semibold text-stone-900">
        <output htmlFor={qtyId} aria-live="polite" data-line-total={JSON.stringify(lineTotalTexts)}>
          {isCountable
            ? t("journey.buy.lineTotal", {
                quantity: formatQuantity(locale, qty, unit),
                total: formatVnd(qty * priceVnd, locale),
              })
            : null}
        </output>
      </p>
    </Form>
  );
}
