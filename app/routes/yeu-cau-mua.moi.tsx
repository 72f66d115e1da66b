import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PurchaseRequestForm } from "~/components/purchase-request-form";
import { vietnamToday } from "~/lib/dates";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { cleanText } from "~/lib/text";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireBuyer } from "~/modules/auth/session.server";
import { createPurchaseRequest } from "~/modules/demand/purchase-requests.server";
import { REQUEST_LIMITS } from "~/modules/demand/request-limits.server";
import {
  HOME_PROVINCE_CODE,
  placeOptions,
  readRequestForm,
  refusedForm,
  unfinishedForm,
  categoryChoices,
} from "~/modules/demand/request-form.server";
import { refreshRequestMatches } from "~/modules/demand/stored-matches.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, keepRetryAfter } from "~/modules/platform/http.server";
import { requirePhoneConfirmed } from "~/modules/auth/phone-confirmation.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "requestForm.title"), t(locale, "requestForm.intro"));
};

export const headers = keepRetryAfter;

/**
 * The "post a purchase request" form for signed-in buyers, prefilled from `q` and `danh-muc`
 * (the search page links here when nothing matched; a guest logs in and comes back here
 * with the same query, as requireBuyer sends her to /dang-nhap?next=<this page>).
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  await requireBuyer(request);
  const url = new URL(request.url);
  const wanted = url.searchParams.get("danh-muc") ?? "";
  const categories = categoryChoices(getDb());
  return {
    categories,
    today: vietnamToday(),
    limits: REQUEST_LIMITS,
    ...placeOptions(HOME_PROVINCE_CODE),
    defaults: {
      title: cleanText(url.searchParams.get("q") ?? "").slice(0, 150),
      categoryCode: categories.some((option) => option.code === wanted) ? wanted : "",
      recurrence: "none",
      provinceCode: HOME_PROVINCE_CODE,
    },
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireBuyer(request);
  assertSameOrigin(request);
  requirePhoneConfirmed(getDb(), actor);
  const read = readRequestForm(await request.formData());
  if (read.kind !== "valid") return unfinishedForm(read);
  const db = getDb();
  let created: { id: number; code: string };
  try {
    created = createPurchaseRequest(db, actor, read.value);
  } catch (error) {
    return refusedForm(read, error, actor.locale);
  }
  await refreshRequestMatches(db, created.id);
  return redirect(`/yeu-cau-mua/${created.code}?da-dang=1`);
});

export default function NewPurchaseRequestPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("requestForm.title")}</h1>
      <p className="mt-1 text-stone-700">{t("requestForm.intro")}</p>
      <p className="mt-1 text-sm text-stone-600">
        {t("requestLife.limitsNote", {
          open: page.limits.open,
          perDay: page.limits.newPerDay,
        })}
      </p>
      <PurchaseRequestForm
        page={page}
        answer={answer}
        submitLabel={t("requestForm.submit")}
        errorSummary={t("requestForm.errorSummary")}
      />
    </div>
  );
}
