import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { OfferFormAlert, OfferPage, useOfferFields } from "~/components/demand/offer-page";
import { OwnOffers } from "~/components/demand/own-offers";
import { formatNumber, t as translate, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { recordPageMeta } from "~/lib/i18n/meta";
import { offerSchema, parseOfferForm } from "~/lib/schemas/offer";
import { UNIT_OPTIONS } from "~/lib/units";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import {
  offerFormView,
  offerIdFromUrl,
  submitOffer,
  withdrawOffer,
} from "~/modules/demand/offers.server";
import { getDb } from "~/modules/platform/db.server";
import { formErrorKeepingEntries, handle, type RefusedForm } from "~/modules/platform/http.server";
import { requirePhoneConfirmed } from "~/modules/auth/phone-confirmation.server";

export const meta: MetaFunction<typeof loader> = recordPageMeta(({ request }, locale) => ({
  title: translate(locale, "offers.form.title", { title: request.title }),
}));

/** The offer form of a producer member: her producers' listings and her offers on the request. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "orders");
  return offerFormView(getDb(), actor, params.code ?? "");
});

/** Sends or edits the offer (`intent=submit`), or withdraws it after a confirmation. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireProducerActor(request, "orders");
  const code = (params.code ?? "").toUpperCase();
  const formData = await request.formData();
  const db = getDb();
  // Making an offer needs a confirmed phone (when an SMS provider is in force).
  if (formData.get("intent") !== "withdraw") requirePhoneConfirmed(db, actor);
  if (formData.get("intent") === "withdraw") {
    const offerId = offerIdFromUrl(String(formData.get("offerId") ?? ""));
    if (formData.get("confirm") !== "yes") {
      return redirect(`/yeu-cau-mua/${code}/chao-gia?rut=${offerId}#chao-gia`, 303);
    }
    withdrawOffer(db, actor, offerId);
    return redirect(`/yeu-cau-mua/${code}?chao-gia=rut#chao-gia`, 303);
  }
  const parsed = parseOfferForm(offerSchema, formData);
  if (!parsed.ok) {
    return data<RefusedForm>(
      { formError: null, fieldErrors: parsed.errors, values: parsed.values },
      { status: 400 },
    );
  }
  try {
    submitOffer(db, actor, code, parsed.value);
  } catch (error) {
    return formErrorKeepingEntries(error, actor.locale, formData);
  }
  return redirect(`/yeu-cau-mua/${code}?chao-gia=gui#chao-gia`, 303);
});

export default function OfferFormPage() {
  const view = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const { request } = view;
  const waiting = view.offers.find((o) => o.status === "submitted");
  const values: Record<string, string> = refused?.values ?? {
    producer: waiting?.producerCode ?? "",
    listingId: waiting?.listingId ? String(waiting.listingId) : "",
    goods: waiting && !waiting.listingId ? waiting.goods : "",
    unit: waiting?.unit ?? request.unit,
    priceVnd: waiting ? String(waiting.priceVnd) : "",
    quantity: String(waiting?.quantity ?? request.quantity),
    deliveryOn: waiting?.deliveryOn ?? "",
    message: waiting?.message ?? "",
  };
  const { field, controlProps } = useOfferFields("offer", refused?.fieldErrors);
  const rut = Number(searchParams.get("rut"));
  const canOffer = request.status === "open" && !view.isOwner;
  return (
    <OfferPage
      backTo={`/yeu-cau-mua/${request.code}`}
      title={t("offers.form.title", { title: request.title })}
    >
      <p className="mt-1 text-stone-700">
        {t("offers.form.intro", {
          quantity: formatNumber(request.quantity, locale),
          unit: unitLabel(locale, request.unit),
        })}
      </p>
      {view.offers.length > 0 ? (
        <OwnOffers
          code={request.code}
          offers={view.offers}
          canOffer={false}
          confirmWithdrawId={Number.isSafeInteger(rut) && rut > 0 ? rut : null}
        />
      ) : null}
      {view.isOwner ? (
        <p className="mt-6 rounded-lg bg-stone-100 px-4 py-3">{t("offers.form.ownRequest")}</p>
      ) : !canOffer ? (
        <p className="mt-6 rounded-lg bg-stone-100 px-4 py-3">{t("offers.form.closed")}</p>
      ) : (
        <Form method="post" className="mt-6 space-y-4" noValidate={false}>
          <input type="hidden" name="intent" value="submit" />
          <OfferFormAlert message={refused?.formError} />
          {view.producers.length > 1
            ? field(
                "producer",
                t("offers.form.producer"),
                <select {...controlProps("producer")} defaultValue={values.producer}>
                  {view.producers.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.name}
                    </option>
                  ))}
                </select>,
              )
            : null}
          {field(
            "listingId",
            t("offers.form.source"),
            <select {...controlProps("listingId")} defaultValue={values.listingId}>
              <option value="">{t("offers.form.freeText")}</option>
              {view.producers.map((p) =>
                p.listings.map((l) => (
                  <option key={l.id} value={l.id}>
                    {view.producers.length > 1 ? `${p.name}: ` : ""}
                    {l.title} ({l.sku})
                  </option>
                )),
              )}
            </select>,
          )}
          {field(
            "goods",
            t("offers.form.goods"),
            <input {...controlProps("goods")} maxLength={150} defaultValue={values.goods} />,
          )}
          {field(
            "unit",
            t("offers.form.unit"),
            <select {...controlProps("unit")} defaultValue={values.unit}>
              {UNIT_OPTIONS.map((unit) => (
                <option key={unit} value={unit}>
                  {unitLabel(locale, unit)}
                </option>
              ))}
            </select>,
          )}
          {field(
            "priceVnd",
            t("offers.form.price"),
            <input
              {...controlProps("priceVnd")}
              inputMode="numeric"
              required
              defaultValue={values.priceVnd}
            />,
          )}
          {field(
            "quantity",
            t("offers.form.quantity"),
            <input
              {...controlProps("quantity")}
              inputMode="numeric"
              required
              defaultValue={values.quantity}
            />,
          )}
          {field(
            "deliveryOn",
            t("offers.form.deliveryOn"),
            <input
              {...controlProps("deliveryOn")}
              type="date"
              required
              defaultValue={values.deliveryOn}
            />,
          )}
          {field(
            "message",
            t("offers.form.message"),
            <textarea
              {...controlProps("message")}
              rows={4}
              maxLength={2000}
              defaultValue={values.message}
            />,
          )}
          <button
            type="submit"
            className="w-full rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800 sm:w-auto"
          >
            {waiting ? t("offers.form.update") : t("offers.form.submit")}
          </button>
        </Form>
      )}
    </OfferPage>
  );
}
