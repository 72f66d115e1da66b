import { formatNumber } from "~/lib/i18n/format";
import { formatVnd } from "~/lib/money";
import { fillIn, pageLocale, readData } from "./texts";

/** What components/add-to-cart-form.tsx writes on its total (`data-line-total`). */
export interface LineTotalTexts extends Record<string, unknown> {
  priceVnd: number;
  /** "{quantity}: {total}" in the page's language. */
  total: string;
  /** "{qty} {unit}". */
  quantity: string;
  /** The unit's name for one, and for any other count. */
  one: string;
  other: string;
}

/**
 * The total beside the quantity of an "add to cart" form, on a page sent without React: it
 * follows the field as the buyer types, as the React form does (and stays empty while the field
 * holds no whole number). Without JavaScript the server's total names its own quantity.
 */
export function enhanceLineTotals(): void {
  const locale = pageLocale();
  for (const output of document.querySelectorAll<HTMLOutputElement>("output[data-line-total]")) {
    const texts = readData<LineTotalTexts>(output.dataset.lineTotal, {
      priceVnd: "number",
      total: "string",
      quantity: "string",
      one: "string",
      other: "string",
    });
    const field = document.getElementById(output.htmlFor.value);
    if (!texts || !(field instanceof HTMLInputElement)) continue;
    field.addEventListener("input", () => {
      const qty = field.valueAsNumber;
      const total = qty * texts.priceVnd;
      output.textContent =
        Number.isInteger(qty) && qty >= 1 && Number.isSafeInteger(total)
          ? fillIn(texts.total, {
              quantity: fillIn(texts.quantity, {
                qty: formatNumber(qty, locale),
                unit: qty === 1 ? texts.one : texts.other,
              }),
              total: formatVnd(total, locale),
            })
          : "";
    });
  }
}
