import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RefundAccountFields } from "~/components/money/refund-account-fields";
import { RefundList } from "~/components/money/refund-list";
import { BuyerInvoicePanel } from "~/components/invoice/buyer-invoice-panel";
import { CancelOrderForm, OrderHeader, OrderPanel, StepButton } from "~/components/order-page";
import { StarRatingInput } from "~/components/product-reviews";
import { ProducerPhone } from "~/components/producer-phone";
import { TransferPanel, TransferUnavailable } from "~/components/transfer/transfer-panel";
import { OrderContents, OrderShipment } from "~/components/order-parts";
import { isMessageKey, useLocale, useT } from "~/lib/i18n";
import { orderPageMeta, refundStateOf } from "~/lib/orders";
import { asksRefundAccount } from "~/lib/refunds";
import { isInvoiceIntent } from "~/lib/schemas/business";
import { buyerActionSchema, fieldErrorsOf } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { buyerInvoiceAction } from "~/modules/invoices/invoice-forms.server";
import { buyerInvoiceView } from "~/modules/invoices/invoice-requests.server";
import { resumeCardPayment } from "~/modules/orders/checkout.server";
import { cancelOrderByBuyer, confirmReceipt } from "~/modules/orders/fulfilment.server";
import { createReview } from "~/modules/orders/reviews.server";
import { buyerOrderView, idFromUrl } from "~/modules/orders/views.server";
import { reasonText } from "~/modules/notifications/messages";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = orderPageMeta;

const DONE_KEYS = {
  cancel: "orderPage.done.cancel",
  confirm_receipt: "orderPage.done.confirm_receipt",
  review: "orderPage.done.review",
} as const;

/** One of the buyer's orders: status, lines, how to pay, and what they can do next. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const db = getDb();
  const orderId = idFromUrl(params.id);
  const view = await buyerOrderView(db, actor.userId, orderId);
  return { ...view, invoice: buyerInvoiceView(db, actor.userId, orderId) };
});

/** Cancel, confirm receipt, review a product, or go back to the card payment page. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const orderId = idFromUrl(params.id);
  const formData = await request.formData();
  // The VAT-invoice request (issue 15) has its own form and answer.
  if (isInvoiceIntent(formData.get("intent"))) {
    return buyerInvoiceAction(getDb(), actor, orderId, formData);
  }
  const input = buyerActionSchema.safeParse(Object.fromEntries(formData));
  if (!input.success) {
    return data({ formError: null, fieldErrors: fieldErrorsOf(input.error) }, { status: 400 });
  }
  const db = getDb();
  try {
    switch (input.data.intent) {
      case "cancel":
        cancelOrderByBuyer(db, actor.userId, orderId, input.data.reason, new Date(), {
          bankBin: input.data.refundBankBin,
          accountNumber: input.data.refundAccountNumber,
          accountName: input.data.refundAccountName,
        });
        break;
      case "confirm_receipt":
        confirmReceipt(db, actor.userId, orderId);
        break;
      case "pay_card":
        return redirect(await resumeCardPayment(db, actor.userId, orderId), 303);
      case "review":
        createReview(db, actor.userId, {
          orderId,
          listingId: input.data.listingId,
          rating: input.data.rating,
          comment: input.data.comment,
        });
        break;
    }
  } catch (error) {
    return formError(error, actor.locale);
  }
  return redirect(`/don-hang/${orderId}?xong=${input.data.intent}`, 303);
});

export default function MyOrder() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const { order, actions, transfer } = view;
  const cancelReason = reasonText(locale, order.cancelReasonKey, order.cancelReason);
  const done = params.get("xong");
  const doneKey =
    done === "cancel" || done === "confirm_receipt" || done === "review" ? DONE_KEYS[done] : null;
  const ratingError = actionData?.fieldErrors?.rating;
  // The refund account's fields live in the folded cancel form: their error shows on top.
  const refundFieldError = (["refundBankBin", "refundAccountNumber", "refundAccountName"] as const)
    .map((name) => actionData?.fieldErrors?.[name])
    .find((key) => key !== undefined && isMessageKey(key));
  return (
    <div className="space-y-6">
      <OrderHeader
        backTo="/don-hang"
        backLabel={t("order.backToOrders")}
        order={{ ...order, refundState: refundStateOf(view.refunds) }}
        placedBy={view.producer.name}
        done={doneKey ? t(doneKey) : null}
        error={
          actionData?.formError ??
          (refundFieldError && isMessageKey(refundFieldError) ? t(refundFieldError) : null)
        }
      />
      {cancelReason ? (
        <p className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {t("order.cancelledBecause", { reason: cancelReason })}
        </p>
      ) : null}

      {transfer ? (
        <TransferPanel
          orderId={order.id}
          orderCode={order.code}
          transfer={transfer}
          dueAt={order.paymentDueAt}
        />
      ) : order.paymentMethod === "bank_transfer" && order.status === "pending_payment" ? (
        <TransferUnavailable
          producerName={view.producer.name}
          phone={view.contactPhone}
          dueAt={order.paymentDueAt}
        />
      ) : null}

      {actions.some((a) => a === "pay_card" || a === "confirm_receipt") ? (
        <div className="flex flex-wrap gap-2">
          {actions.includes("pay_card") ? (
            <StepButton intent="pay_card" label={t("orderPage.payCard")} />
          ) : null}
          {actions.includes("confirm_receipt") ? (
            <StepButton intent="confirm_receipt" label={t("orderPage.confirmReceipt")} />
          ) : null}
        </div>
      ) : null}

      {view.contactPhone ? (
        <OrderPanel id="contact-heading" title={t("offers.contact.title")}>
          <p className="mt-1">
            {t("offers.contact.producer")}{" "}
            <ProducerPhone phone={view.contactPhone} name={view.producer.name} />
          </p>
          <p className="mt-1 text-sm text-stone-600">{t("offers.contact.until")}</p>
        </OrderPanel>
      ) : null}

      <OrderShipment order={order} />

      <OrderContents
        lines={view.lines}
        order={order}
        pickupAddress={view.producer.address}
        pickupHours={view.producer.pickupHours}
        linkProducts
      />

      {view.refunds.length > 0 ? (
        <OrderPanel id="refund-heading" title={t("orderPage.refunds")}>
          <RefundList refunds={view.refunds} payments={view.payments} />
        </OrderPanel>
      ) : null}

      {view.reviewable.length > 0 ? (
        <section aria-labelledby="review-heading" className="space-y-3">
          <h2 id="review-heading" className="text-lg font-semibold">
            {t("orderPage.reviewTitle")}
          </h2>
          {view.lines
            .flatMap((line) =>
              line.listingId !== null && view.reviewable.includes(line.listingId)
                ? [{ ...line, listingId: line.listingId }]
                : [],
            )
            .map((line) => (
              <ReviewForm
                key={line.id}
                line={line}
                ratingError={ratingError && isMessageKey(ratingError) ? t(ratingError) : null}
              />
            ))}
        </section>
      ) : null}
      {view.reviews.length > 0 ? (
        <p className="text-sm text-stone-700">
          {t("orderPage.reviewed", { count: view.reviews.length })}
        </p>
      ) : null}

      <BuyerInvoicePanel invoice={view.invoice} />

      {actions.includes("cancel") ? (
        <CancelOrderForm
          className="rounded-xl border border-stone-200 bg-white p-4"
          title={t("orderPage.cancelTitle")}
          reasonLabel={t("orderPage.cancelReason")}
          submitLabel={t("orderPage.cancel")}
        >
          {asksRefundAccount(view.payments) ? (
            <fieldset className="space-y-2">
              <legend className="text-sm">{t("money.cancel.accountIntro")}</legend>
              <RefundAccountFields idPrefix="cancel-refund" required />
            </fieldset>
          ) : null}
        </CancelOrderForm>
      ) : null}
    </div>
  );
}

/** Rate one product of a completed order. */
function ReviewForm({
  line,
  ratingError,
}: {
  line: { id: number; listingId: number; title: string };
  ratingError: string | null;
}) {
  const t = useT();
  return (
    <Form method="post" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4">
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="listingId" value={line.listingId} />
      <StarRatingInput legend={t("orderPage.rate", { title: line.title })} error={ratingError} />
      <label htmlFor={`comment-${line.id}`} className="block text-sm font-medium">
        {t("orderPage.comment")}
      </label>
      <textarea
        id={`comment-${line.id}`}
        name="comment"
        rows={3}
        maxLength={2000}
        className="w-full rounded-lg border border-stone-300 px-3 py-2"
      />
      <button
        type="submit"
        className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {t("orderPage.submitReview")}
      </button>
    </Form>
  );
}
