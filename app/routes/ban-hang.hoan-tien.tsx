import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { bankByBin } from "~/lib/banks";
import { Invalid } from "~/lib/errors";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import { pageTitleMeta } from "~/lib/orders";
import { refundSentSchema } from "~/lib/schemas/money";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { listRefundTasks, markRefundSent } from "~/modules/money/refunds.server";
import { reasonText } from "~/modules/notifications/messages";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "money.tasks.title");

/** The refunds the member's producers owe buyers (money they received), and those sent back. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "statement");
  return listRefundTasks(getDb(), actor);
});

/** "Đã chuyển trả": the member marks one refund sent back; the buyer is told. */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireProducerActor(request, "statement");
  const input = refundSentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) return formError(new Invalid("orderError.badRequest"), actor.locale);
  let code: string;
  try {
    code = markRefundSent(getDb(), actor, input.data.refundId).orderCode;
  } catch (error) {
    return formError(error, actor.locale);
  }
  return redirect(`/ban-hang/hoan-tien?xong=${encodeURIComponent(code)}`, 303);
});

export default function RefundTasks() {
  const { open, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const sent = params.get("xong");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("money.tasks.title")}</h1>
      <p className="text-stone-700">{t("money.tasks.intro")}</p>
      {sent ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t("money.tasks.sent", { code: sent })}
        </p>
      ) : null}
      {actionData && "formError" in actionData ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {actionData.formError}
        </p>
      ) : null}
      {open.length === 0 ? (
        <p className="text-stone-700">{t("money.tasks.none")}</p>
      ) : (
        <ul className="space-y-3">
          {open.map((task) => (
            <li key={task.id} className="rounded-xl border border-amber-300 bg-white p-4">
              <p className="flex flex-wrap justify-between gap-2 font-semibold">
                <Link
                  to={`/ban-hang/don-hang/${task.orderId}`}
                  className="text-brand-800 underline underline-offset-2"
                >
                  {t("money.tasks.order", { code: task.orderCode, buyer: task.buyerName })}
                </Link>
                <span>{formatVnd(task.amountVnd, locale)}</span>
              </p>
              <p className="mt-1 text-sm">
                {task.toAccountNumber
                  ? t("money.tasks.to", {
                      bank: bankByBin(task.toBankBin)?.shortName ?? task.toBankBin ?? "",
                      account: task.toAccountNumber,
                      name: task.toAccountName ?? "",
                    })
                  : t("money.tasks.noAccount")}
              </p>
              <p className="mt-1 text-sm text-stone-700">
                {t("money.tasks.since", { date: formatDate(new Date(task.createdAt), locale) })}
                {" · "}
                {reasonText(locale, task.reasonKey, task.reason)}
              </p>
              <Form method="post" className="mt-3">
                <input type="hidden" name="refundId" value={task.id} />
                <button
                  type="submit"
                  className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
                >
                  {t("money.tasks.markSent")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {done.length > 0 ? (
        <section aria-labelledby="done-heading">
          <h2 id="done-heading" className="text-lg font-semibold">
            {t("money.tasks.doneTitle")}
          </h2>
          <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {done.map((task) => (
              <li key={task.id} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
                <span>
                  {t("money.tasks.order", { code: task.orderCode, buyer: task.buyerName })} ·{" "}
                  {t("money.tasks.sentOn", {
                    date: formatDate(new Date(task.settledAt ?? task.createdAt), locale),
                  })}
                </span>
                <span>{formatVnd(task.amountVnd, locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
