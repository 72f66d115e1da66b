import { Form, useActionData } from "@remix-run/react";
import { Link } from "~/components/link";
import { OrderPanel } from "~/components/order-page";
import { useT } from "~/lib/i18n";
import { COMPANY_NAME_MAX, INVOICE_ADDRESS_MAX, invoiceReplyOf } from "~/lib/schemas/business";
import {
  describedBy,
  InvoiceDoneNotice,
  InvoiceField,
  InvoiceFormError,
  invoiceInputClass,
  InvoiceSummary,
  type InvoiceRequestData,
} from "./invoice-summary";

export interface BuyerInvoiceData {
  request: InvoiceRequestData | null;
  canRequest: boolean;
  prefill: { companyName: string; taxCode: string; address: string; email: string } | null;
}

/**
 * The VAT-invoice part of the buyer's order page: her request and its outcome, and the form to
 * ask (or, once declined, to correct and ask again), prefilled from her business profile.
 * Nothing on a cancelled order without a request.
 */
export function BuyerInvoicePanel({ invoice }: { invoice: BuyerInvoiceData }) {
  const t = useT();
  const reply = invoiceReplyOf(useActionData());
  if (!invoice.request && !invoice.canRequest) return null;
  const values = reply?.values ?? invoice.prefill ?? {};
  const errors = reply?.fieldErrors ?? {};
  const value = (name: string) => (values as Record<string, string | undefined>)[name] ?? "";
  return (
    <OrderPanel id="invoice-heading" title={t("business.invoice.title")}>
      <InvoiceDoneNotice />
      {invoice.request ? <InvoiceSummary request={invoice.request} /> : null}
      {invoice.canRequest ? (
        <details open={invoice.request === null || reply !== null} className="mt-3">
          <summary className="font-medium text-brand-800">
            {t(invoice.request ? "business.invoice.sendAgain" : "business.invoice.send")}
          </summary>
          {invoice.request ? null : (
            <p className="mt-2 text-sm text-stone-700">{t("business.invoice.intro")}</p>
          )}
          <InvoiceFormError message={reply?.formError ?? null} />
          <Form method="post" className="mt-3 space-y-3" noValidate={false}>
            <input type="hidden" name="intent" value="invoice_request" />
            <InvoiceField
              id="invoice-companyName"
              label={t("business.invoice.companyName")}
              error={errors.companyName}
            >
              <input
                {...describedBy("invoice-companyName", false, errors.companyName)}
                name="companyName"
                defaultValue={value("companyName")}
                required
                minLength={2}
                maxLength={COMPANY_NAME_MAX}
                autoComplete="organization"
                className={invoiceInputClass}
              />
            </InvoiceField>
            <InvoiceField
              id="invoice-taxCode"
              label={t("business.invoice.taxCode")}
              hint={t("business.profile.taxCodeHint")}
              error={errors.taxCode}
            >
              <input
                {...describedBy("invoice-taxCode", true, errors.taxCode)}
                name="taxCode"
                defaultValue={value("taxCode")}
                required
                inputMode="numeric"
                maxLength={20}
                autoComplete="off"
                className={invoiceInputClass}
              />
            </InvoiceField>
            <InvoiceField
              id="invoice-address"
              label={t("business.invoice.address")}
              error={errors.address}
            >
              <input
                {...describedBy("invoice-address", false, errors.address)}
                name="address"
                defaultValue={value("address")}
                required
                minLength={5}
                maxLength={INVOICE_ADDRESS_MAX}
                autoComplete="street-address"
                className={invoiceInputClass}
              />
            </InvoiceField>
            <InvoiceField
              id="invoice-email"
              label={t("business.invoice.email")}
              error={errors.email}
            >
              <input
                {...describedBy("invoice-email", false, errors.email)}
                name="email"
                type="email"
                defaultValue={value("email")}
                autoComplete="email"
                className={invoiceInputClass}
              />
            </InvoiceField>
            <p className="text-sm text-stone-600">
              {t("business.invoice.prefilled")}{" "}
              <Link to="/tai-khoan/doanh-nghiep" className="text-brand-800 underline">
                {t("business.invoice.profileLink")}
              </Link>
            </p>
            <button
              type="submit"
              className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              {t(invoice.request ? "business.invoice.sendAgain" : "business.invoice.send")}
            </button>
          </Form>
        </details>
      ) : null}
    </OrderPanel>
  );
}
