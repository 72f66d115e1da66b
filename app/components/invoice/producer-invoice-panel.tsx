import { Form, useActionData } from "@remix-run/react";
import { OrderPanel } from "~/components/order-page";
import { useT } from "~/lib/i18n";
import { DECLINE_REASON_MAX, INVOICE_NUMBER_MAX, invoiceReplyOf } from "~/lib/schemas/business";
import {
  describedBy,
  InvoiceDoneNotice,
  InvoiceField,
  InvoiceFormError,
  invoiceInputClass,
  InvoiceSummary,
  type InvoiceRequestData,
} from "./invoice-summary";

/**
 * The VAT-invoice part of the producer's order page: what the buyer asked for and, while it is
 * open, "Đã xuất hóa đơn" with the invoice number or "Từ chối" with a reason. Nothing when the
 * buyer asked for no invoice.
 */
export function ProducerInvoicePanel({
  invoice,
}: {
  invoice: { request: InvoiceRequestData | null; canAnswer: boolean };
}) {
  const t = useT();
  const reply = invoiceReplyOf(useActionData());
  const { request } = invoice;
  if (!request) return null;
  const values = reply?.values ?? {};
  const errors = reply?.fieldErrors ?? {};
  return (
    <OrderPanel
      id="invoice-heading"
      title={t("business.invoice.title")}
      highlight={request.status === "requested"}
    >
      <InvoiceDoneNotice />
      {request.status === "requested" ? (
        <p className="mt-2 text-sm text-stone-700">{t("business.invoice.producerIntro")}</p>
      ) : null}
      <InvoiceSummary request={request} />
      {request.status === "requested" && invoice.canAnswer ? (
        <div className="mt-4 space-y-4">
          <InvoiceFormError message={reply?.formError ?? null} />
          <Form method="post" className="space-y-3 rounded-lg bg-stone-50 p-3">
            <h3 className="font-semibold">{t("business.invoice.issueTitle")}</h3>
            <InvoiceField
              id="invoice-number"
              label={t("business.invoice.numberLabel")}
              hint={t("business.invoice.numberHint")}
              error={errors.invoiceNumber}
            >
              <input
                {...describedBy("invoice-number", true, errors.invoiceNumber)}
                name="invoiceNumber"
                defaultValue={values.invoiceNumber ?? ""}
                required
                maxLength={INVOICE_NUMBER_MAX}
                autoComplete="off"
                className={invoiceInputClass}
              />
            </InvoiceField>
            <button
              type="submit"
              name="intent"
              value="invoice_issue"
              className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              {t("business.invoice.issue")}
            </button>
          </Form>
          <details open={errors.declineReason !== undefined}>
            <summary className="font-medium text-rose-800">
              {t("business.invoice.declineTitle")}
            </summary>
            <Form method="post" className="mt-3 space-y-3">
              <InvoiceField
                id="invoice-declineReason"
                label={t("business.invoice.declineReasonLabel")}
                hint={t("business.invoice.declineReasonHint")}
                error={errors.declineReason}
              >
                <textarea
                  {...describedBy("invoice-declineReason", true, errors.declineReason)}
                  name="declineReason"
                  defaultValue={values.declineReason ?? ""}
                  required
                  minLength={3}
                  maxLength={DECLINE_REASON_MAX}
                  rows={2}
                  className={invoiceInputClass}
                />
              </InvoiceField>
              <button
                type="submit"
                name="intent"
                value="invoice_decline"
                className="rounded-lg border border-rose-700 px-4 py-2 font-semibold text-rose-800 hover:bg-rose-50"
              >
                {t("business.invoice.decline")}
              </button>
            </Form>
          </details>
        </div>
      ) : null}
    </OrderPanel>
  );
}
