import { useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDate, useLocale, useT } from "~/lib/i18n";

/**
 * The parts both order pages share in their invoice panel: the request as sent with its
 * outcome, a notice after a step (`?hoa-don=`), and one labelled field of the forms.
 */

export interface InvoiceRequestData {
  companyName: string;
  taxCode: string;
  address: string;
  email: string | null;
  status: "requested" | "issued" | "declined";
  invoiceNumber: string | null;
  declineReason: string | null;
  decidedAt: Date | string | null;
  createdAt: Date | string;
}

const STATUS_LOOK = {
  requested: "bg-amber-50 text-amber-900",
  issued: "bg-brand-50 text-brand-800",
  declined: "bg-rose-50 text-rose-900",
} as const;

/** What was asked, and the producer's answer: the invoice number, or the reason she declined. */
export function InvoiceSummary({ request }: { request: InvoiceRequestData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mt-2 space-y-1 text-stone-800">
      <p className={`rounded-lg px-3 py-2 font-semibold ${STATUS_LOOK[request.status]}`}>
        {t(`business.invoice.status.${request.status}`)}
      </p>
      {request.invoiceNumber ? (
        <p className="font-medium">
          {t("business.invoice.number", { number: request.invoiceNumber })}
        </p>
      ) : null}
      {request.declineReason ? (
        <p className="whitespace-pre-line">
          {t("business.invoice.reason", { reason: request.declineReason })}
        </p>
      ) : null}
      <p>
        {t("business.invoice.company", {
          company: request.companyName,
          taxCode: request.taxCode,
        })}
      </p>
      <p className="text-sm">{t("business.invoice.addressValue", { address: request.address })}</p>
      {request.email ? (
        <p className="text-sm">{t("business.invoice.emailValue", { email: request.email })}</p>
      ) : null}
      <p className="text-sm text-stone-600">
        {t("business.invoice.requestedAt", { date: formatDate(request.createdAt, locale) })}
        {request.decidedAt
          ? ` · ${t("business.invoice.decidedAt", { date: formatDate(request.decidedAt, locale) })}`
          : null}
      </p>
    </div>
  );
}

const DONE = ["da-gui", "da-xuat", "tu-choi"] as const;

/** The notice after an invoice step, from the page's `?hoa-don=`. */
export function InvoiceDoneNotice() {
  const t = useT();
  const [params] = useSearchParams();
  const done = DONE.find((value) => value === params.get("hoa-don"));
  if (!done) return null;
  return (
    <p role="status" className="mt-2 rounded-lg bg-brand-50 px-3 py-2 text-brand-800">
      {t(`business.invoice.done.${done}`)}
    </p>
  );
}

/** A refusal of the whole form (e.g. already answered), above its fields. */
export function InvoiceFormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-2 rounded-lg bg-rose-50 px-3 py-2 text-rose-900">
      {message}
    </p>
  );
}

/** One field of an invoice form: label, the input (given), its hint and its error. */
export function InvoiceField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-rose-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The accessibility attributes of an input inside `InvoiceField`. */
export function describedBy(id: string, hint: boolean, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
    "aria-invalid": error ? true : undefined,
  };
}

export const invoiceInputClass = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2";
