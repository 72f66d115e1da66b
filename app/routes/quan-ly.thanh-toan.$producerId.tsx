import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { StatementView } from "~/components/statement-view";
import { NotFound } from "~/lib/errors";
import { isMessageKey, t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { payoutSchema } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { formErrorData } from "~/modules/orders/form-errors.server";
import { getStatementForAdmin, recordPayout } from "~/modules/orders/ledger.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "adminPayout.title", { name: data?.producer.name ?? "" }));
};

function producerIdOf(params: { producerId?: string }): number {
  const id = Number(params.producerId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound("Không tìm thấy nhà sản xuất.");
  return id;
}

/** A producer's statement for an admin of its subtree, with the payout form. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "payout:manage");
  return getStatementForAdmin(getDb(), actor, producerIdOf(params));
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "payout:manage");
  const producerId = producerIdOf(params);
  const input = payoutSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of input.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return data({ formError: null, fieldErrors }, { status: 400 });
  }
  try {
    recordPayout(getDb(), actor, { producerId, ...input.data }, context.clientIp ?? null);
  } catch (error) {
    return formErrorData(error);
  }
  return redirect(`/quan-ly/thanh-toan/${producerId}?xong=1`, 303);
});

export default function AdminPayout() {
  const statement = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const fieldError = (name: string) => {
    const key = actionData?.fieldErrors?.[name];
    return key && isMessageKey(key) ? t(key) : null;
  };
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={`payout-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      {input}
      {fieldError(name) ? (
        <p id={`payout-${name}-error`} className="mt-1 text-sm text-rose-800">
          {fieldError(name)}
        </p>
      ) : null}
    </div>
  );
  const inputClass = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2";
  return (
    <div className="space-y-6">
      <Link
        to="/quan-ly/thanh-toan"
        className="text-sm text-brand-800 underline underline-offset-2"
      >
        {t("adminPayout.back")}
      </Link>
      <h1 className="text-2xl font-bold">
        {t("adminPayout.title", { name: statement.producer.name })}
      </h1>
      {params.get("xong") ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t("adminPayout.recorded")}
        </p>
      ) : null}
      <StatementView statement={statement} />
      <section
        aria-labelledby="payout-heading"
        className="rounded-xl border border-stone-200 bg-white p-4"
      >
        <h2 id="payout-heading" className="font-semibold">
          {t("adminPayout.formTitle")}
        </h2>
        {actionData?.formError ? (
          <p role="alert" className="mt-2 rounded-lg bg-rose-50 px-3 py-2 text-rose-900">
            {actionData.formError}
          </p>
        ) : null}
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
          {field(
            "amountVnd",
            t("adminPayout.amount"),
            <input
              id="payout-amountVnd"
              name="amountVnd"
              type="number"
              inputMode="numeric"
              min={1}
              max={Math.max(1, statement.balanceVnd)}
              required
              className={inputClass}
            />,
          )}
          {field(
            "reference",
            t("adminPayout.reference"),
            <input
              id="payout-reference"
              name="reference"
              required
              maxLength={100}
              className={inputClass}
            />,
          )}
          {field(
            "paidOn",
            t("adminPayout.paidOn"),
            <input id="payout-paidOn" name="paidOn" type="date" required className={inputClass} />,
          )}
          {field(
            "note",
            t("adminPayout.note"),
            <input id="payout-note" name="note" maxLength={500} className={inputClass} />,
          )}
          <div className="sm:col-span-2">
            <button
              type="submit"
              className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              {t("adminPayout.submit")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
