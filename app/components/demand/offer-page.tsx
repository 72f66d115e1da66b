import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { useMessage } from "~/components/auth-form";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";

/**
 * The pieces shared by the pages about one offer (the offer form, the accept and decline
 * pages, the question thread), so that they look and read alike.
 */

const inputClass = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2.5";

/** The frame of an offer page: the way back to the request, the title, then the page. */
export function OfferPage({
  backTo,
  title,
  children,
}: {
  backTo: string;
  title: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link to={backTo} className="text-brand-800 underline">
          {t("offers.form.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

/** The error about the whole form (not one field), above its fields. */
export function OfferFormAlert({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
      {message}
    </p>
  ) : null;
}

/**
 * The labelled fields of an offer page's hand-written form: `field(name, label, control)`
 * puts a control under its label with its error below, `controlProps(name)` ties the control
 * to both. The prefix keeps the ids unique on the page.
 */
export function useOfferFields(idPrefix: string, fieldErrors: Record<string, string> | undefined) {
  const message = useMessage();
  const errorOf = (name: string) => {
    const error = fieldErrors?.[name];
    return error ? message(error) : null;
  };
  const field = (name: string, label: string, control: ReactNode) => (
    <div>
      <label htmlFor={`${idPrefix}-${name}`} className="block font-medium">
        {label}
      </label>
      {control}
      {errorOf(name) ? (
        <p id={`${idPrefix}-${name}-error`} className="mt-1 text-sm text-rose-800">
          {errorOf(name)}
        </p>
      ) : null}
    </div>
  );
  const controlProps = (name: string) => ({
    id: `${idPrefix}-${name}`,
    name,
    className: inputClass,
    "aria-invalid": errorOf(name) ? true : undefined,
    "aria-describedby": errorOf(name) ? `${idPrefix}-${name}-error` : undefined,
  });
  return { field, controlProps };
}

/** What an offer sells and for how much, as the owner reads it before deciding. */
export function OfferSummary({
  offer,
}: {
  offer: { goods: string; quantity: number; unit: string; priceVnd: number; totalVnd: number };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="mt-2 rounded-lg bg-stone-100 px-4 py-3">
      <span className="font-medium">{offer.goods}</span>
      <br />
      {t("offers.acceptPage.summary", {
        quantity: formatNumber(offer.quantity, locale),
        unit: unitLabel(locale, offer.unit),
        price: formatVnd(offer.priceVnd, locale),
        total: formatVnd(offer.totalVnd, locale),
      })}
    </p>
  );
}
