import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import type { InputHTMLAttributes } from "react";
import { StatementView } from "~/components/statement-view";
import { isMessageKey, useLocale, useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import { pageTitleMeta } from "~/lib/orders";
import { fieldErrorsOf, payoutSchema } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { getLedgerForStaff, ledgerMonth } from "~/modules/money/ledger.server";
import { recordPayout } from "~/modules/money/payouts.server";
import { idFromUrl } from "~/modules/orders/views.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitleMeta(matches, "staffPayout.title", { name: data?.producer.name ?? "" });

/** A producer's ledger for staff of its subtree, with the payout form when the platform holds money. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "payout:manage");
  return getLedgerForStaff(
    getDb(),
    actor,
    idFromUrl(params.producerId, "orderError.producerNotFound"),
    ledgerMonth(new URL(request.url).searchParams.get("thang")),
  );
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "payout:manage");
  const producerId = idFromUrl(params.producerId, "orderError.producerNotFound");
  const input = payoutSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) {
    return data({ formError: null, fieldErrors: fieldErrorsOf(input.error) }, { status: 400 });
  }
  try {
    recordPayout(getDb(), actor, { producerId, ...input.data }, context.clientIp ?? null);
  } catch (error) {
    return formError(error, actor.locale);
  }
  return redirect(`/quan-ly/thanh-toan/${producerId}?xong=1`, 303);
});

export default function StaffPayout() {
  const ledger = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const balanceVnd = ledger.platform.balanceVnd;
  const fieldError = (name: string) => {
    const key = actionData?.fieldErrors?.[name];
    return key && isMessageKey(key) ? t(key) : null;
  };
  /** A labelled input of the payout form with its error below. */
  const field = (name: string, label: string, props: InputHTMLAttributes<HTMLInputElement>) => (
    <div>
      <label htmlFor={`payout-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`payout-${name}`}
        name={name}
        className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
        {...props}
      />
      {fieldError(name) ? (
        <p id={`payout-${name}-error`} className="mt-1 text-sm text-rose-800">
          {fieldError(name)}
        </p>
      ) : null}
    </div>
  );
  return (
    <div className="space-y-6">
      <Link
        to="/quan-ly/thanh-toan"
        className="text-sm text-brand-800 underline underline-offset-2"
      >
        {t("staffPayout.back")}
      </Link>
      <h1 className="text-2xl font-bold">
        {t("staffPayout.title", { name: ledger.producer.name })}
      </h1>
      {params.get("xong") ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t("staffPayout.recorded")}
        </p>
      ) : null}
      {params.get("hoan") ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t("money.staffRefund.recorded")}
        </p>
      ) : null}
      <StatementView
        ledger={ledger}
        refundLinkOf={(entry) =>
          entry.kind === "cod" || entry.kind === "transfer" || entry.kind === "card"
            ? `/quan-ly/thanh-toan/${ledger.producer.id}/hoan-tien/${entry.reference}`
            : null
        }
      />
      <section
        aria-labelledby="payout-heading"
        className="rounded-xl border border-stone-200 bg-white p-4"
      >
        <h2 id="payout-heading" className="font-semibold">
          {t("staffPayout.formTitle")}
        </h2>
        {balanceVnd <= 0 ? (
          <p className="mt-2 text-stone-700">{t("money.payout.noBalance")}</p>
        ) : null}
        {actionData?.formError ? (
          <p role="alert" className="mt-2 rounded-lg bg-rose-50 px-3 py-2 text-rose-900">
            {actionData.formError}
          </p>
        ) : null}
        {balanceVnd > 0 ? (
          <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
            {field("amountVnd", t("staffPayout.amount"), {
              type: "number",
              inputMode: "numeric",
              min: 1,
              max: balanceVnd,
              required: true,
              "aria-describedby": "payout-max",
            })}
            <p id="payout-max" className="text-sm text-stone-700 sm:col-span-2">
              {t("money.payout.max", { amount: formatVnd(balanceVnd, locale) })}
            </p>
            {field("reference", t("staffPayout.reference"), { required: true, maxLength: 100 })}
            {field("paidOn", t("staffPayout.paidOn"), { type: "date", required: true })}
            {field("note", t("staffPayout.note"), { maxLength: 500 })}
            <div className="sm:col-span-2">
              <button
                type="submit"
                className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
              >
                {t("staffPayout.submit")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
