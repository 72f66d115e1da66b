import { useT } from "~/lib/i18n";
import type { PaymentMethodName } from "~/lib/orders";

/**
 * The checkout's payment choice. Bank transfer is offered only when every producer of the
 * cart has a bank account; otherwise its radio is disabled and the reason names the producers
 * without one (the server refuses a forged choice as well).
 */
export function PaymentMethodChoice({
  methods,
  transferUnavailableFrom,
  chosen,
  error,
}: {
  methods: PaymentMethodName[];
  transferUnavailableFrom: { code: string; name: string }[];
  /** The method of a form sent back with errors; cash on delivery otherwise. */
  chosen: string | undefined;
  error: string | null;
}) {
  const t = useT();
  const isTransferBlocked = transferUnavailableFrom.length > 0;
  const isOffered = (method: PaymentMethodName) => method !== "bank_transfer" || !isTransferBlocked;
  const checked = chosen && methods.some((m) => m === chosen && isOffered(m)) ? chosen : "cod";
  return (
    <fieldset
      className="space-y-2 rounded-xl border border-stone-200 bg-white p-4"
      aria-describedby={error ? "checkout-paymentMethod-error" : undefined}
    >
      <legend className="px-1 text-lg font-semibold">{t("order.paymentMethod")}</legend>
      {methods.map((method) => {
        const offered = isOffered(method);
        return (
          <div key={method} className="flex items-start gap-2">
            <input
              id={`pay-${method}`}
              type="radio"
              name="paymentMethod"
              value={method}
              required
              disabled={!offered}
              defaultChecked={checked === method}
              aria-describedby={`pay-${method}-hint`}
              className="mt-1"
            />
            <div>
              <label
                htmlFor={`pay-${method}`}
                className={offered ? "font-medium" : "font-medium text-stone-500"}
              >
                {t(`paymentMethod.${method}`)}
              </label>
              <p
                id={`pay-${method}-hint`}
                className={offered ? "text-sm text-stone-700" : "text-sm text-amber-900"}
              >
                {offered
                  ? t(`checkoutPage.payHint.${method}`)
                  : t("transfer.checkout.unavailable", {
                      producers: transferUnavailableFrom.map((p) => p.name).join(", "),
                    })}
              </p>
            </div>
          </div>
        );
      })}
      {error ? (
        <p id="checkout-paymentMethod-error" className="text-sm text-rose-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
