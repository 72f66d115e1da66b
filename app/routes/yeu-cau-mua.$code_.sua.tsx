import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PurchaseRequestForm } from "~/components/purchase-request-form";
import { vietnamToday } from "~/lib/dates";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { getOwnPurchaseRequest } from "~/modules/demand/buyer-requests.server";
import { updatePurchaseRequest } from "~/modules/demand/purchase-requests.server";
import {
  categoryChoices,
  placeOptions,
  readRequestForm,
  refusedForm,
  unfinishedForm,
} from "~/modules/demand/request-form.server";
import { refreshRequestMatches } from "~/modules/demand/stored-matches.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, keepRetryAfter } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "requestLife.editTitle", { code: data?.code ?? "" }));
};

export const headers = keepRetryAfter;

/** The owner's edit form for her request (404 for anyone else); offers already made stay. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const db = getDb();
  const { request: own, categoryCode } = getOwnPurchaseRequest(db, actor, params.code ?? "");
  const categories = categoryChoices(db);
  return {
    code: own.code,
    isOpen: own.status === "open",
    categories,
    today: vietnamToday(),
    ...placeOptions(own.provinceCode ?? undefined),
    defaults: {
      title: own.title,
      description: own.description,
      categoryCode: categoryCode ?? "",
      quantity: String(own.quantity),
      unit: own.unit,
      targetPriceVnd: own.targetPriceVnd === null ? "" : String(own.targetPriceVnd),
      provinceCode: own.provinceCode ?? "",
      communeCode: own.communeCode ?? "",
      neededBy: own.neededBy,
      recurrence: own.recurrence,
    },
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireUser(request);
  assertSameOrigin(request);
  const db = getDb();
  // Someone else's request is a 404 before the form is even read.
  const { request: own } = getOwnPurchaseRequest(db, actor, params.code ?? "");
  const read = readRequestForm(await request.formData());
  if (read.kind !== "valid") return unfinishedForm(read);
  try {
    updatePurchaseRequest(db, actor, own.code, read.value);
  } catch (error) {
    return refusedForm(read, error, actor.locale);
  }
  await refreshRequestMatches(db, own.id);
  return redirect(`/yeu-cau-mua/${own.code}?da-luu=1`);
});

export default function EditPurchaseRequestPage() {
  const page = useLoaderData<typeof loader>();
  const { code, isOpen } = page;
  const answer = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("requestLife.editTitle", { code })}</h1>
      {isOpen ? (
        <>
          <p className="mt-1 text-stone-700">{t("requestLife.editIntro")}</p>
          <PurchaseRequestForm
            page={page}
            answer={answer}
            submitLabel={t("requestLife.save")}
            errorSummary={t("requestLife.editErrorSummary")}
          />
        </>
      ) : (
        <p role="status" className="mt-4 rounded-lg border border-stone-300 bg-stone-50 px-4 py-3">
          {t("requestLife.notEditable")}
        </p>
      )}
      <p className="mt-6">
        <Link to={`/yeu-cau-mua/${code}`} className="font-medium text-brand-800 underline">
          {t("requestLife.cancel")}
        </Link>
      </p>
    </div>
  );
}
