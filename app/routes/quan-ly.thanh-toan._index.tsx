import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { Invalid } from "~/lib/errors";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { pageTitleMeta } from "~/lib/orders";
import { formatVnd } from "~/lib/money";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { markTransferReceived } from "~/modules/orders/fulfilment.server";
import { staffPaymentsOverview } from "~/modules/money/payouts.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "staffPayments.title");

/**
 * Payments of the staff member's subtree: transfers to confirm, what the platform holds for
 * each producer, and the refunds producers still owe.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "payout:manage");
  return staffPaymentsOverview(getDb(), actor);
});

const markSchema = z.object({ orderId: z.coerce.number().int().positive() });

/** Marks a bank transfer received (payment:manage over the order's org unit; audited). */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "payment:manage");
  const input = markSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) return formError(new Invalid("orderError.badRequest"), actor.locale);
  try {
    markTransferReceived(getDb(), actor, input.data.orderId);
  } catch (error) {
    return formError(error, actor.locale);
  }
  return redirect("/quan-ly/thanh-toan?xong=1", 303);
});

export default function StaffPayments() {
  const { pendingTransfers, balances, openRefunds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("staffPayments.title")}</h1>
      {params.get("xong") ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t("staffPayments.marked")}
        </p>
      ) : null}
      {actionData && "formError" in actionData ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {actionData.formError}
        </p>
      ) : null}

      <section aria-labelledby="transfers-heading">
        <h2 id="transfers-heading" className="text-lg font-semibold">
          {t("staffPayments.pendingTransfers")}
        </h2>
        {pendingTransfers.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("staffPayments.noPendingTransfers")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {pendingTransfers.map((order) => (
              <li key={order.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <div className="text-sm">
                  <p className="font-semibold">
                    {order.code} · {formatVnd(order.totalVnd, locale)}
                  </p>
                  <p className="text-stone-700">
                    {t("staffPayments.transferLine", {
                      producer: order.producerName,
                      buyer: order.buyerName,
                      due: order.paymentDueAt ? formatDate(order.paymentDueAt, locale) : "—",
                    })}
                  </p>
                </div>
                <Form method="post">
                  <input type="hidden" name="orderId" value={order.id} />
                  <button
                    type="submit"
                    className="rounded-lg bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800"
                  >
                    {t("staffPayments.markReceived", { code: order.code })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="balances-heading">
        <h2 id="balances-heading" className="text-lg font-semibold">
          {t("staffPayments.balances")}
        </h2>
        {balances.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("staffPayments.noBalances")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {balances.map((b) => (
              <li key={b.producer.id} className="flex flex-wrap justify-between gap-2 p-3">
                <Link
                  to={`/quan-ly/thanh-toan/${b.producer.id}`}
                  className="font-medium text-brand-800 underline underline-offset-2"
                >
                  {b.producer.name}
                </Link>
                <span className="font-semibold">{formatVnd(b.balanceVnd, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="open-refunds-heading">
        <h2 id="open-refunds-heading" className="text-lg font-semibold">
          {t("money.openRefunds.title")}
        </h2>
        {openRefunds.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("money.openRefunds.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {openRefunds.map((refund) => (
              <li key={refund.id} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
                <span>
                  {t("money.openRefunds.line", {
                    producer: refund.producerName,
                    code: refund.orderCode,
                    buyer: refund.buyerName,
                    date: formatDate(new Date(refund.createdAt), locale),
                  })}
                </span>
                <span className="font-semibold">{formatVnd(refund.amountVnd, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
