import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useFieldError } from "~/components/field-error";
import { RefundAccountFields } from "~/components/money/refund-account-fields";
import { useLocale, useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import { pageTitleMeta } from "~/lib/orders";
import { staffRefundSchema } from "~/lib/schemas/money";
import { fieldErrorsOf } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { recordRefundForStaff, refundableOrder } from "~/modules/money/staff-refunds.server";
import { idFromUrl } from "~/modules/orders/views.server";
import { getDb } from "~/modules/platform/db.server";
import { formErrorKeepingEntries, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitleMeta(matches, "money.staffRefund.title", { code: data?.code ?? "" });

/** One order of a producer of the staff member's subtree, with what can still be refunded. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "payment:manage");
  return refundableOrder(
    getDb(),
    actor,
    idFromUrl(params.producerId, "orderError.producerNotFound"),
    params.orderCode ?? "",
  );
});

/** Records the refund (payment:manage over the order's unit; audited), back to her ledger. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "payment:manage");
  const producerId = idFromUrl(params.producerId, "orderError.producerNotFound");
  const form = await request.formData();
  const input = staffRefundSchema.safeParse(Object.fromEntries(form));
  if (!input.success) {
    return data({ formError: null, fieldErrors: fieldErrorsOf(input.error) }, { status: 400 });
  }
  const { refundBankBin, refundAccountNumber, refundAccountName, ...refund } = input.data;
  try {
    recordRefundForStaff(getDb(), actor, producerId, params.orderCode ?? "", {
      ...refund,
      refundTo: {
        bankBin: refundBankBin,
        accountNumber: refundAccountNumber,
        accountName: refundAccountName,
      },
    });
  } catch (error) {
    // A refusal naming a field (a day in the past, more than is left) shows under it.
    return formErrorKeepingEntries(error, actor.locale, form);
  }
  return redirect(`/quan-ly/thanh-toan/${producerId}?hoan=1`, 303);
});

export default function StaffRefund() {
  const order = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const fieldError = useFieldError(actionData);
  const accountError =
    fieldError("refundBankBin") ??
    fieldError("refundAccountNumber") ??
    fieldError("refundAccountName");
  const payment = order.payment;
  const maxVnd = payment ? payment.amountVnd - payment.refundedVnd : 0;
  return (
    <div className="space-y-6">
      <Link
        to={`/quan-ly/thanh-toan/${order.producerId}`}
        className="text-sm text-brand-800 underline underline-offset-2"
      >
        {t("money.staffRefund.back", { name: order.producerName })}
      </Link>
      <h1 className="text-2xl font-bold">{t("money.staffRefund.title", { code: order.code })}</h1>
      {actionData?.formError ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {actionData.formError}
        </p>
      ) : null}
      {!payment || maxVnd <= 0 ? (
        <p className="text-stone-700">
          {payment
            ? t("money.staffRefund.paid", {
                amount: formatVnd(payment.amountVnd, locale),
                refunded: formatVnd(payment.refundedVnd, locale),
              })
            : t("money.staffRefund.nothing")}
        </p>
      ) : (
        <Form method="post" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
          <p>
            {t("money.staffRefund.paid", {
              amount: formatVnd(payment.amountVnd, locale),
              refunded: formatVnd(payment.refundedVnd, locale),
            })}
          </p>
          <p className="text-sm text-stone-700">
            {payment.owedBy === "platform"
              ? t("money.staffRefund.byPlatform")
              : t("money.staffRefund.byProducer")}
          </p>
          <div>
            <label htmlFor="refund-amount" className="block text-sm font-medium">
              {t("money.staffRefund.amount")}
            </label>
            <input
              id="refund-amount"
              name="amountVnd"
              type="number"
              inputMode="numeric"
              min={1}
              max={maxVnd}
              required
              className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
            />
            <p className="mt-1 text-sm text-stone-700">
              {fieldError("amountVnd") ??
                t("money.payout.max", { amount: formatVnd(maxVnd, locale) })}
            </p>
          </div>
          <div>
            <label htmlFor="refund-reason" className="block text-sm font-medium">
              {t("money.staffRefund.reason")}
            </label>
            <textarea
              id="refund-reason"
              name="reason"
              required
              minLength={3}
              maxLength={500}
              rows={2}
              className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
            />
            {fieldError("reason") ? (
              <p className="mt-1 text-sm text-rose-800">{fieldError("reason")}</p>
            ) : null}
          </div>
          {payment.owedBy === "producer" ? (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("money.staffRefund.account")}</legend>
              <RefundAccountFields idPrefix="refund" />
              {accountError ? <p className="text-sm text-rose-800">{accountError}</p> : null}
              <label className="flex items-center gap-2">
                <input type="checkbox" name="alreadySettled" />
                {t("money.staffRefund.alreadySettled")}
              </label>
            </fieldset>
          ) : null}
          <button
            type="submit"
            className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {t("money.staffRefund.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
