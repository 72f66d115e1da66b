import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, FormErrors, SubmitButton } from "~/components/auth-form";
import { OfflineDealList } from "~/components/connect/offline-deal-list";
import { Pagination } from "~/components/pagination";
import { QuantityAndUnit } from "~/components/unit-select";
import { StaffNav } from "~/components/supply/workspace-nav";
import { vietnamToday } from "~/lib/dates";
import { DomainError } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { CONNECT_LIMITS, offlineDealSchema, type OfflineDealInput } from "~/lib/schemas/connect";
import { cleanText } from "~/lib/text";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import {
  listOfflineDeals,
  producersInScope,
  recordOfflineDeal,
} from "~/modules/demand/connecting.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, replyWithDomainError } from "~/modules/platform/http.server";

export const meta = titledPage("connect.deals.title");

/**
 * Deals made offline (trade fairs, matchmaking conferences) for staff with `deal:record`:
 * the form (prefilled with `?yeu-cau=<code>` from the connecting page) and the deals of
 * their subtree, a page at a time.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "deal:record");
  const url = new URL(request.url);
  const db = getDb();
  return {
    producers: producersInScope(db, actor),
    deals: listOfflineDeals(db, actor, Number(url.searchParams.get("trang")) || 1),
    today: vietnamToday(),
    recorded: url.searchParams.has("da-ghi"),
    defaults: {
      requestCode: cleanText(url.searchParams.get("yeu-cau") ?? "")
        .toUpperCase()
        .slice(0, 40),
      unit: "kg" as const,
      dealOn: vietnamToday(),
    },
  };
});

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "deal:record");
  const submission = parseWithZod(await request.formData(), { schema: offlineDealSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    recordOfflineDeal(getDb(), actor, submission.value, { ipAddress: clientIpOf(context) });
  } catch (error) {
    // Errors naming a field (a future date, an unknown request code) show under it; a
    // producer outside the subtree is a 404 like any object staff may not see.
    const reply = replyWithDomainError(submission, error, actor.locale);
    return data(reply, { status: error instanceof DomainError ? error.status : 400 });
  }
  return redirect("/quan-ly/ket-noi/giao-dich?da-ghi=1", 303);
});

export default function OfflineDealsPage() {
  const { producers, deals, today, recorded, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm<OfflineDealInput>({
    id: "offline-deal",
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(offlineDealSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: offlineDealSchema }),
  });
  return (
    <div className="space-y-6">
      <div>
        <StaffNav />
        <Link to="/quan-ly/ket-noi" className="text-sm text-brand-800 underline underline-offset-2">
          {t("connect.deals.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-stone-900">{t("connect.deals.title")}</h1>
        <p className="mt-1 text-stone-700">{t("connect.deals.intro")}</p>
      </div>
      {recorded ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t("connect.deals.recorded")}
        </p>
      ) : null}
      <section
        aria-labelledby="deal-form-title"
        className="rounded-xl border border-stone-200 bg-white p-4"
      >
        <h2 id="deal-form-title" className="text-lg font-semibold">
          {t("connect.deals.formTitle")}
        </h2>
        {form.status === "error" ? (
          <div className="mt-3 space-y-2">
            <FormErrors id={form.errorId} errors={form.errors} />
            {form.errors?.length ? null : (
              <p
                role="alert"
                className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800"
              >
                {t("connect.deals.errorSummary")}
              </p>
            )}
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="mt-3 grid gap-4 sm:grid-cols-2">
          <Field
            field={fields.buyerName}
            label={t("connect.deals.buyerName")}
            hint={t("connect.deals.buyerNameHint")}
          >
            <input
              {...getInputProps(fields.buyerName, {
                type: "text",
                ariaDescribedBy: fields.buyerName.descriptionId,
              })}
              maxLength={CONNECT_LIMITS.buyerNameMax}
              className={inputClass}
            />
          </Field>
          <Field field={fields.producerCode} label={t("connect.deals.producer")}>
            <select {...getSelectProps(fields.producerCode)} className={inputClass}>
              <option value="">{t("connect.invite.choose")}</option>
              {producers.map((producer) => (
                <option key={producer.code} value={producer.code}>
                  {producer.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            field={fields.goods}
            label={t("connect.deals.goods")}
            hint={t("connect.deals.goodsHint")}
          >
            <input
              {...getInputProps(fields.goods, {
                type: "text",
                ariaDescribedBy: fields.goods.descriptionId,
              })}
              maxLength={CONNECT_LIMITS.goodsMax}
              className={inputClass}
            />
          </Field>
          <QuantityAndUnit
            quantity={fields.quantity}
            unit={fields.unit}
            quantityLabel={t("connect.deals.quantity")}
            unitLabel={t("connect.deals.unit")}
            blankUnit={false}
          />
          <Field field={fields.amountVnd} label={t("connect.deals.amount")}>
            <input
              {...getInputProps(fields.amountVnd, { type: "text" })}
              inputMode="numeric"
              className={inputClass}
            />
          </Field>
          <Field field={fields.dealOn} label={t("connect.deals.dealOn")}>
            <input
              {...getInputProps(fields.dealOn, { type: "date" })}
              max={today}
              className={inputClass}
            />
          </Field>
          <Field
            field={fields.requestCode}
            label={t("connect.deals.requestCode")}
            hint={t("connect.deals.requestCodeHint")}
          >
            <input
              {...getInputProps(fields.requestCode, {
                type: "text",
                ariaDescribedBy: fields.requestCode.descriptionId,
              })}
              maxLength={40}
              autoCapitalize="characters"
              className={inputClass}
            />
          </Field>
          <div className="sm:col-span-2">
            <SubmitButton busy={navigation.state === "submitting"}>
              {t("connect.deals.submit")}
            </SubmitButton>
          </div>
        </Form>
      </section>
      <section aria-labelledby="deal-list-title">
        <h2 id="deal-list-title" className="text-lg font-semibold">
          {t("connect.deals.listTitle")}
        </h2>
        <OfflineDealList deals={deals.items} />
        <Pagination page={deals.page} pageCount={deals.pageCount} />
      </section>
    </div>
  );
}

const inputClass =
  "mt-1 min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600";
