import { Link } from "@remix-run/react";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";

/** The cart as the orders module returns it (only what is shown here). */
export interface CartSummaryData {
  groups: {
    producer: { code: string; name: string };
    subtotalVnd: number;
    lines: {
      sku: string;
      slug: string;
      title: string;
      unit: string;
      qty: number;
      priceVnd: number;
      seenPriceVnd: number;
      lineTotalVnd: number;
      problem: string | null;
    }[];
  }[];
  totalVnd: number;
}

/** The cart's lines grouped by producer (each producer ships its own order), with totals. */
export function CartSummary({ cart }: { cart: CartSummaryData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-4">
      {cart.groups.map((group) => (
        <section
          key={group.producer.code}
          aria-labelledby={`cart-${group.producer.code}`}
          className="rounded-xl border border-stone-200 bg-white"
        >
          <h2
            id={`cart-${group.producer.code}`}
            className="border-b border-stone-200 px-3 py-2 font-semibold"
          >
            {t("cart.fromProducer", { name: group.producer.name })}
          </h2>
          <ul className="divide-y divide-stone-100">
            {group.lines.map((line) => {
              const unit = unitLabel(locale, line.unit);
              return (
                <li key={line.sku} className="flex flex-wrap justify-between gap-2 px-3 py-3">
                  <div className="min-w-0">
                    <Link
                      to={`/san-pham/${line.slug}`}
                      className="font-medium text-stone-900 underline-offset-2 hover:underline"
                    >
                      {line.title}
                    </Link>
                    <p className="text-sm text-stone-600">
                      {t("product.quantityUnit", { qty: formatNumber(line.qty, locale), unit })}
                      {" × "}
                      {t("product.pricePerUnit", { price: formatVnd(line.priceVnd, locale), unit })}
                    </p>
                    {line.priceVnd !== line.seenPriceVnd ? (
                      <p className="text-sm text-amber-800">
                        {t("cart.priceChanged", {
                          from: formatVnd(line.seenPriceVnd, locale),
                          to: formatVnd(line.priceVnd, locale),
                        })}
                      </p>
                    ) : null}
                    {line.problem ? <p className="text-sm text-red-700">{line.problem}</p> : null}
                  </div>
                  <p className="font-semibold">{formatVnd(line.lineTotalVnd, locale)}</p>
                </li>
              );
            })}
          </ul>
          <p className="flex justify-between border-t border-stone-200 px-3 py-2 text-sm">
            <span>{t("cart.subtotal")}</span>
            <span className="font-semibold">{formatVnd(group.subtotalVnd, locale)}</span>
          </p>
        </section>
      ))}
      <p className="flex justify-between rounded-xl bg-brand-50 px-3 py-3 text-lg">
        <span className="font-semibold">{t("cart.total")}</span>
        <span className="font-bold text-accent-700">{formatVnd(cart.totalVnd, locale)}</span>
      </p>
    </div>
  );
}
