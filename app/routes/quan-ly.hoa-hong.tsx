import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useFieldError } from "~/components/field-error";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { pageTitleMeta } from "~/lib/orders";
import { commissionRateSchema, percentOfBasisPoints } from "~/lib/schemas/money";
import { fieldErrorsOf } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { commissionPage, setCommissionRate } from "~/modules/money/commission-rates.server";
import { getDb } from "~/modules/platform/db.server";
import { formErrorKeepingEntries, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "money.commission.title");

/** The units of the admin's subtree with the rate in force today and each unit's history. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "commission:manage");
  return commissionPage(getDb(), actor);
});

/** Sets a unit's rate from a day on (today or later; commission:manage over the unit; audited). */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "commission:manage");
  const form = await request.formData();
  const input = commissionRateSchema.safeParse(Object.fromEntries(form));
  if (!input.success) {
    return data({ formError: null, fieldErrors: fieldErrorsOf(input.error) }, { status: 400 });
  }
  try {
    setCommissionRate(getDb(), actor, input.data, new Date(), clientIpOf(context));
  } catch (error) {
    // A refusal naming a field (a day in the past, more than is left) shows under it.
    return formErrorKeepingEntries(error, actor.locale, form);
  }
  return redirect("/quan-ly/hoa-hong?xong=1", 303);
});

/** The tree's depth as an indent (classes written out so Tailwind keeps them; no inline styles under the CSP). */
const INDENT = ["pl-3", "pl-7", "pl-11", "pl-14"] as const;

export default function CommissionRates() {
  const { today, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const rate = (basisPoints: number) =>
    percentOfBasisPoints(basisPoints, locale === "vi" ? "," : ".");
  const fieldError = useFieldError(actionData);
  const input = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("money.commission.title")}</h1>
      <p className="text-stone-700">{t("money.commission.intro")}</p>
      {params.get("xong") ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t("money.commission.saved")}
        </p>
      ) : null}

      <section
        aria-labelledby="rate-form-heading"
        className="rounded-xl border border-stone-200 bg-white p-4"
      >
        <h2 id="rate-form-heading" className="font-semibold">
          {t("money.commission.formTitle")}
        </h2>
        {actionData?.formError ? (
          <p role="alert" className="mt-2 rounded-lg bg-rose-50 px-3 py-2 text-rose-900">
            {actionData.formError}
          </p>
        ) : null}
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor="rate-unit" className="block text-sm font-medium">
              {t("money.commission.unit")}
            </label>
            <select id="rate-unit" name="unitCode" required className={input}>
              {units.map((unit) => (
                <option key={unit.code} value={unit.code}>
                  {"\u00a0\u00a0".repeat(unit.depth)}
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="rate-percent" className="block text-sm font-medium">
              {t("money.commission.percent")}
            </label>
            <input
              id="rate-percent"
              name="basisPoints"
              inputMode="decimal"
              required
              maxLength={8}
              placeholder={rate(250)}
              aria-describedby={fieldError("basisPoints") ? "rate-percent-error" : undefined}
              className={input}
            />
            {fieldError("basisPoints") ? (
              <p id="rate-percent-error" className="mt-1 text-sm text-rose-800">
                {fieldError("basisPoints")}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="rate-starts" className="block text-sm font-medium">
              {t("money.commission.startsOn")}
            </label>
            <input
              id="rate-starts"
              name="startsOn"
              type="date"
              min={today}
              defaultValue={today}
              required
              className={input}
            />
            {fieldError("startsOn") ? (
              <p className="mt-1 text-sm text-rose-800">{fieldError("startsOn")}</p>
            ) : null}
          </div>
          <div className="sm:col-span-3">
            <button
              type="submit"
              className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              {t("money.commission.submit")}
            </button>
          </div>
        </Form>
      </section>

      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
        {units.map((unit) => {
          const ownInForce = unit.rates.some((r) => r.startsOn <= today);
          return (
            <li key={unit.code} className={`p-3 ${INDENT[Math.min(unit.depth, 3)]}`}>
              <p className="flex flex-wrap justify-between gap-2">
                <span className="font-medium">{unit.name}</span>
                <span>
                  {t("money.commission.today", { rate: rate(unit.basisPointsToday) })}
                  {ownInForce ? null : (
                    <span className="text-sm text-stone-600">
                      {" "}
                      ({t("money.commission.inherited")})
                    </span>
                  )}
                </span>
              </p>
              {unit.rates.length > 0 ? (
                <details className="mt-1 text-sm">
                  <summary>{t("money.commission.history", { count: unit.rates.length })}</summary>
                  <ul className="mt-1 space-y-0.5">
                    {unit.rates.map((r) => (
                      <li key={r.startsOn}>
                        {t("money.commission.historyLine", {
                          date: formatDate(r.startsOn, locale),
                          rate: rate(r.basisPoints),
                          by: r.setBy ?? t("money.commission.bySystem"),
                        })}
                        {r.startsOn > today ? ` · ${t("money.commission.scheduled")}` : null}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
