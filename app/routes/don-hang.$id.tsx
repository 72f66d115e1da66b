import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { OrderLines, OrderTotals, ShippingAddress } from "~/components/order-parts";
import { OrderStatusBadge } from "~/components/order-status-badge";
import { NotFound } from "~/lib/errors";
import { formatDate, isMessageKey, t, useLocale, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { formatVnd } from "~/lib/money";
import { buyerActionSchema } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { formErrorData } from "~/modules/orders/form-errors.server";
import { cancelOrderByBuyer, confirmReceipt } from "~/modules/orders/fulfilment.server";
import { createReview } from "~/modules/orders/reviews.server";
import { buyerOrderView } from "~/modules/orders/views.server";
import { resumeCardPayment } from "~/modules/payments/stripe.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "order.title", { code: data?.order.code ?? "" }));
};

const DONE_KEYS = {
  cancel: "orderPage.done.cancel",
  confirm_receipt: "orderPage.done.confirm_receipt",
  review: "orderPage.done.review",
} as const;

function orderIdOf(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound("Không tìm thấy đơn hàng.");
  return id;
}

/** One of the buyer's orders: status, lines, how to pay, and what they can do next. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  return buyerOrderView(getDb(), actor.userId, orderIdOf(params));
});

/** Cancel, confirm receipt, review a product, or go back to the card payment page. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const orderId = orderIdOf(params);
  const input = buyerActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of input.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return data({ formError: null, fieldErrors }, { status: 400 });
  }
  const db = getDb();
  try {
    switch (input.data.intent) {
      case "cancel":
        cancelOrderByBuyer(db, actor.userId, orderId, input.data.reason);
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
    return formErrorData(error);
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
  const done = params.get("xong");
  const doneKey =
    done === "cancel" || done === "confirm_receipt" || done === "review" ? DONE_KEYS[done] : null;
  const ratingError = actionData?.fieldErrors?.rating;
  return (
    <div className="space-y-6">
      <div>
        <Link to="/don-hang" className="text-sm text-brand-800 underline underline-offset-2">
          {t("order.backToOrders")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{t("order.title", { code: order.code })}</h1>
          <OrderStatusBadge status={order.status} paymentMethod={order.paymentMethod} />
        </div>
        <p className="mt-1 text-sm text-stone-700">
          {view.producer.name} ·{" "}
          {t("order.placedAt", { date: formatDate(order.createdAt, locale) })}
        </p>
      </div>
      {doneKey ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t(doneKey)}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {actionData.formError}
        </p>
      ) : null}
      {order.cancelReason ? (
        <p className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {t("order.cancelledBecause", { reason: order.cancelReason })}
        </p>
      ) : null}

      {transfer ? (
        <section
          aria-labelledby="transfer-heading"
          className="rounded-xl border border-brand-600 bg-white p-4"
        >
          <h2 id="transfer-heading" className="text-lg font-semibold">
            {t("orderPage.transferTitle")}
          </h2>
          <p className="mt-1 text-sm text-stone-700">
            {t("orderPage.transferDue", {
              date: order.paymentDueAt ? formatDate(order.paymentDueAt, locale) : "—",
            })}
          </p>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            <figure>
              {/* The SVG is generated by the server from the payload (no user input). */}
              <div
                className="mx-auto w-56 max-w-full"
                role="img"
                aria-label={t("orderPage.qrLabel")}
                dangerouslySetInnerHTML={{ __html: transfer.svg }}
              />
              <figcaption className="mt-1 text-center text-sm text-stone-700">
                {t("orderPage.qrCaption")}
              </figcaption>
            </figure>
            <dl className="space-y-1 text-sm">
              <div>
                <dt className="text-stone-600">{t("orderPage.bankBin")}</dt>
                <dd className="font-medium">
                  {transfer.bankName
                    ? `${transfer.bankName} (${transfer.bankBin})`
                    : transfer.bankBin}
                </dd>
              </div>
              <div>
                <dt className="text-stone-600">{t("orderPage.account")}</dt>
                <dd className="font-medium">{transfer.accountNumber}</dd>
              </div>
              {transfer.accountName ? (
                <div>
                  <dt className="text-stone-600">{t("orderPage.accountName")}</dt>
                  <dd className="font-medium">{transfer.accountName}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-stone-600">{t("orderPage.amount")}</dt>
                <dd className="font-medium">{formatVnd(transfer.amountVnd, locale)}</dd>
              </div>
              <div>
                <dt className="text-stone-600">{t("orderPage.message")}</dt>
                <dd className="font-mono font-medium">{transfer.message}</dd>
              </div>
            </dl>
          </div>
        </section>
      ) : order.paymentMethod === "bank_transfer" && order.status === "pending_payment" ? (
        <p className="rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
          {t("orderPage.noBankAccount")}
        </p>
      ) : null}

      {actions.some((a) => a === "pay_card" || a === "confirm_receipt") ? (
        <div className="flex flex-wrap gap-2">
          {actions.includes("pay_card") ? (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="pay_card"
                className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
              >
                {t("orderPage.payCard")}
              </button>
            </Form>
          ) : null}
          {actions.includes("confirm_receipt") ? (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="confirm_receipt"
                className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
              >
                {t("orderPage.confirmReceipt")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <OrderLines lines={view.lines} linkProducts />
      <OrderTotals order={order} />

      <section
        aria-labelledby="ship-heading"
        className="rounded-xl border border-stone-200 bg-white p-4"
      >
        <h2 id="ship-heading" className="font-semibold">
          {t("order.shipTo")}
        </h2>
        <ShippingAddress order={order} />
        <p className="mt-2 text-sm text-stone-700">
          {t(`paymentMethod.${order.paymentMethod}`)} ·{" "}
          {t(`deliveryMethod.${order.deliveryMethod}`)}
        </p>
      </section>

      {view.refunds.length > 0 ? (
        <section
          aria-labelledby="refund-heading"
          className="rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 id="refund-heading" className="font-semibold">
            {t("orderPage.refunds")}
          </h2>
          <ul className="mt-2 text-sm">
            {view.refunds.map((refund) => (
              <li key={refund.id}>
                {formatVnd(refund.amountVnd, locale)} · {refund.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.reviewable.length > 0 ? (
        <section aria-labelledby="review-heading" className="space-y-3">
          <h2 id="review-heading" className="text-lg font-semibold">
            {t("orderPage.reviewTitle")}
          </h2>
          {view.lines
            .filter((line) => view.reviewable.includes(line.listingId))
            .map((line) => (
              <Form
                key={line.id}
                method="post"
                className="space-y-2 rounded-xl border border-stone-200 bg-white p-4"
              >
                <input type="hidden" name="intent" value="review" />
                <input type="hidden" name="listingId" value={line.listingId} />
                <fieldset>
                  <legend className="font-medium">
                    {t("orderPage.rate", { title: line.title })}
                  </legend>
                  <div className="mt-1 flex flex-wrap gap-3">
                    {[5, 4, 3, 2, 1].map((stars) => (
                      <label key={stars} className="flex items-center gap-1">
                        <input type="radio" name="rating" value={stars} required />
                        {t("reviews.stars", { rating: stars })}
                      </label>
                    ))}
                  </div>
                </fieldset>
                {ratingError && isMessageKey(ratingError) ? (
                  <p className="text-sm text-rose-800">{t(ratingError)}</p>
                ) : null}
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
            ))}
        </section>
      ) : null}
      {view.reviews.length > 0 ? (
        <p className="text-sm text-stone-700">
          {t("orderPage.reviewed", { count: view.reviews.length })}
        </p>
      ) : null}

      {actions.includes("cancel") ? (
        <details className="rounded-xl border border-stone-200 bg-white p-4">
          <summary className="font-medium text-rose-800">{t("orderPage.cancelTitle")}</summary>
          <Form method="post" className="mt-3 space-y-2">
            <label htmlFor="cancel-reason" className="block text-sm font-medium">
              {t("orderPage.cancelReason")}
            </label>
            <textarea
              id="cancel-reason"
              name="reason"
              rows={2}
              maxLength={500}
              className="w-full rounded-lg border border-stone-300 px-3 py-2"
            />
            <button
              type="submit"
              name="intent"
              value="cancel"
              className="rounded-lg border border-rose-700 px-4 py-2 font-semibold text-rose-800 hover:bg-rose-50"
            >
              {t("orderPage.cancel")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
