import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { OfferFormAlert, OfferPage } from "~/components/demand/offer-page";
import { formatDate, isMessageKey, t as translate, useLocale, useT } from "~/lib/i18n";
import { recordPageMeta } from "~/lib/i18n/meta";
import { offerMessageSchema, parseOfferForm } from "~/lib/schemas/offer";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import {
  assertThreadParty,
  offerThread,
  postOfferMessage,
} from "~/modules/demand/offer-threads.server";
import { offerIdFromUrl } from "~/modules/demand/offers.server";
import { getDb } from "~/modules/platform/db.server";
import { narrowToPermission } from "~/modules/team/access";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = recordPageMeta(({ offer }, locale) => ({
  title: translate(locale, "offers.thread.title", { producer: offer.producerName }),
}));

/** The question thread of one offer: the request's owner and the producer's members only. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  // A team member answers for the producers that let her handle orders (and requests).
  const actor = narrowToPermission(await requireUser(request), "orders");
  return offerThread(getDb(), actor, params.code ?? "", offerIdFromUrl(params.offerId));
});

/** Adds a question (the buyer) or an answer (the producer). */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  // A team member answers for the producers that let her handle orders (and requests).
  const actor = narrowToPermission(await requireUser(request), "orders");
  const code = (params.code ?? "").toUpperCase();
  const offerId = offerIdFromUrl(params.offerId);
  const db = getDb();
  // Who may write comes before what the form says: outsiders get 404, not a form error.
  assertThreadParty(db, actor, code, offerId);
  const parsed = parseOfferForm(offerMessageSchema, await request.formData());
  if (!parsed.ok) {
    return data({ formError: null, fieldErrors: parsed.errors }, { status: 400 });
  }
  try {
    postOfferMessage(db, actor, code, offerId, parsed.value.body);
  } catch (error) {
    return formError(error, actor.locale);
  }
  return redirect(`/yeu-cau-mua/${code}/hoi-dap/${offerId}?da-gui=1#cuoi`, 303);
});

export default function OfferThreadPage() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const bodyError = actionData?.fieldErrors?.body;
  return (
    <OfferPage
      backTo={`/yeu-cau-mua/${view.request.code}`}
      title={t("offers.thread.title", { producer: view.offer.producerName })}
    >
      <p className="mt-1 text-stone-700">
        {view.request.title} · {view.offer.goods} · {t(`offers.status.${view.offer.status}`)}
      </p>
      <p className="mt-2 text-sm text-stone-600">{t("offers.thread.privacy")}</p>
      {searchParams.get("da-gui") === "1" ? (
        <p role="status" className="mt-3 rounded-lg bg-brand-50 px-4 py-2 text-brand-800">
          {t("offers.thread.sent")}
        </p>
      ) : null}
      {view.messages.length === 0 ? (
        <p className="mt-4 text-stone-700">{t("offers.thread.empty")}</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {view.messages.map((message) => (
            <li
              key={message.id}
              className={`rounded-xl border p-3 ${
                message.mine
                  ? "ml-6 border-brand-200 bg-brand-50"
                  : "mr-6 border-stone-200 bg-white"
              }`}
            >
              <p className="text-sm font-semibold text-stone-700">
                {message.mine
                  ? t("offers.thread.you")
                  : message.side === "buyer"
                    ? t("offers.thread.buyer")
                    : view.offer.producerName}
                {" · "}
                {formatDate(message.createdAt, locale)}
              </p>
              <p className="mt-1 whitespace-pre-line text-stone-900">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      <div id="cuoi" />
      {view.canWrite ? (
        <Form method="post" className="mt-6 space-y-2">
          <OfferFormAlert message={actionData?.formError} />
          <label htmlFor="thread-body" className="block font-medium">
            {t("offers.thread.body")}
          </label>
          <textarea
            id="thread-body"
            name="body"
            rows={4}
            required
            maxLength={2000}
            className="w-full rounded-lg border border-stone-300 px-3 py-2.5"
          />
          {bodyError ? (
            <p className="text-sm text-rose-800">
              {isMessageKey(bodyError) ? t(bodyError) : bodyError}
            </p>
          ) : null}
          <button
            type="submit"
            className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {t("offers.thread.send")}
          </button>
        </Form>
      ) : (
        <p className="mt-6 rounded-lg bg-stone-100 px-4 py-3">{t("offers.thread.closed")}</p>
      )}
    </OfferPage>
  );
}
