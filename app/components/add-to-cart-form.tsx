import { Form } from "@remix-run/react";
import { useId } from "react";
import { useT } from "~/lib/i18n";

/**
 * "Add to cart" for a product page: a plain form posting to /gio-hang, so it works without
 * JavaScript; the cart page answers with the cart (or the reason the quantity is refused).
 */
export function AddToCartForm({
  listingId,
  minOrderQty,
  stock,
  unitLabel,
}: {
  listingId: number;
  minOrderQty: number;
  stock: number;
  /** The unit in the interface language ("gói", "pack"). */
  unitLabel: string;
}) {
  const t = useT();
  const id = useId();
  if (stock < minOrderQty) {
    return <p className="mt-4 font-medium text-stone-700">{t("addToCart.unavailable")}</p>;
  }
  return (
    <Form method="post" action="/gio-hang" className="mt-4 flex flex-wrap items-end gap-3">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="listingId" value={listingId} />
      <div>
        <label htmlFor={`${id}-qty`} className="block text-sm font-medium text-stone-800">
          {t("addToCart.quantity", { unit: unitLabel })}
        </label>
        <input
          id={`${id}-qty`}
          name="qty"
          type="number"
          inputMode="numeric"
          min={minOrderQty}
          max={stock}
          step={1}
          defaultValue={minOrderQty}
          required
          className="mt-1 w-28 rounded-lg border border-stone-300 px-3 py-2.5"
        />
      </div>
      <button
        type="submit"
        className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
      >
        {t("addToCart.submit")}
      </button>
    </Form>
  );
}
