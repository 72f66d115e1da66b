import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import {
  OfferFormAlert,
  OfferPage,
  OfferSummary,
  useOfferFields,
} from "~/components/demand/offer-page";
import { t as translate, useT } from "~/lib/i18n";
import { recordPageMeta } from "~/lib/i18n/meta";
import { listProvinces } from "~/lib/provinces";
import { acceptOfferSchema, OFFER_PAYMENT_CHOICES, parseOfferForm } from "~/lib/schemas/offer";
import { DELIVERY_CHOICES } from "~/lib/schemas/shipping";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { acceptOffer, acceptOfferView, declineOffer } from "~/modules/demand/accept-offer.server";
import { offerIdFromUrl } from "~/modules/demand/offers.server";
import { getDb } from "~/modules/platform/db.server";
import { formErrorKeepingEntries, handle, type RefusedForm } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = recordPageMeta(({ offer }, locale) => ({
  title: translate(locale, "offers.acceptPage.title", { producer: offer.producerName }),
}));

/**
 * The owner's decision on one waiting offer: the accept page (checkout's delivery form, the
 * confirmation step) or, with `?tu-choi=1`, the decline confirmation.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  return {
    ...acceptOfferView(getDb(), actor, params.code ?? "", offerIdFromUrl(params.offerId)),
    provinces: listProvinces().map((p) => p.name),
  };
});

/** `intent=accept` places the order and goes to it; `intent=decline` (confirmed) declines. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const code = (params.code ?? "").toUpperCase();
  const offerId = offerIdFromUrl(params.offerId);
  const formData = await request.formData();
  const db = getDb();
  // Who may decide comes before what the form says: anyone but the owner gets 404.
  acceptOfferView(db, actor, code, offerId);
  if (formData.get("intent") === "decline") {
    if (formData.get("confirm") !== "yes") {
      return redirect(`/yeu-cau-mua/${code}/nhan/${offerId}?tu-choi=1`, 303);
    }
    declineOffer(db, actor, code, offerId);
    return redirect(`/yeu-cau-mua/${code}?chao-gia=tu-choi#chao-gia`, 303);
  }
  const parsed = parseOfferForm(acceptOfferSchema, formData);
  if (!parsed.ok) {
    return data<RefusedForm>(
      { formError: null, fieldErrors: parsed.errors, values: parsed.values },
      { status: 400 },
    );
  }
  try {
    const { orderId } = acceptOffer(db, actor, code, offerId, parsed.value);
    return redirect(`/don-hang/${orderId}`, 303);
  } catch (error) {
    return formErrorKeepingEntries(error, actor.locale, formData);
  }
});

export default function AcceptOfferPage() {
  const view = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const { offer, request } = view;
  const values: Record<string, string> = {
    ...view.defaults,
    deliveryMethod: "delivery",
    paymentMethod: "cod",
    ...refused?.values,
  };
  const { field, controlProps } = useOfferFields("accept", refused?.fieldErrors);
  const backTo = `/yeu-cau-mua/${request.code}#chao-gia`;
  if (searchParams.get("tu-choi") === "1") {
    return (
      <OfferPage
        backTo={backTo}
        title={t("offers.declinePage.title", { producer: offer.producerName })}
      >
        <OfferSummary offer={offer} />
        <p className="mt-3">{t("offers.declinePage.body")}</p>
        <Form method="post" className="mt-4 flex flex-wrap gap-2">
          <input type="hidden" name="intent" value="decline" />
          <input type="hidden" name="confirm" value="yes" />
          <button
            type="submit"
            className="rounded-lg bg-red-700 px-4 py-2.5 font-semibold text-white"
          >
            {t("offers.declinePage.confirm")}
          </button>
          <Link to={backTo} className="rounded-lg border border-stone-300 px-4 py-2.5">
            {t("offers.cancel")}
          </Link>
        </Form>
      </OfferPage>
    );
  }
  return (
    <OfferPage
      backTo={backTo}
      title={t("offers.acceptPage.title", { producer: offer.producerName })}
    >
      <OfferSummary offer={offer} />
      <p className="mt-2 text-sm text-stone-700">
        {t(view.recurring ? "offers.acceptPage.recurringIntro" : "offers.acceptPage.intro")}
      </p>
      <Form method="post" className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="accept" />
        <OfferFormAlert message={refused?.formError} />
        {field(
          "name",
          t("offers.acceptPage.name"),
          <input
            {...controlProps("name")}
            required
            autoComplete="name"
            defaultValue={values.name}
          />,
        )}
        {field(
          "phone",
          t("offers.acceptPage.phone"),
          <input
            {...controlProps("phone")}
            required
            type="tel"
            autoComplete="tel"
            defaultValue={values.phone}
          />,
        )}
        {field(
          "province",
          t("offers.acceptPage.province"),
          <select {...controlProps("province")} required defaultValue={values.province}>
            <option value="">—</option>
            {view.provinces.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>,
        )}
        {field(
          "commune",
          t("offers.acceptPage.commune"),
          <input {...controlProps("commune")} required defaultValue={values.commune} />,
        )}
        {field(
          "address",
          t("offers.acceptPage.address"),
          <input {...controlProps("address")} required defaultValue={values.address} />,
        )}
        <fieldset>
          <legend className="font-medium">{t("offers.acceptPage.delivery")}</legend>
          {DELIVERY_CHOICES.map((choice) => (
            <label key={choice} className="mt-1 flex items-center gap-2">
              <input
                type="radio"
                name="deliveryMethod"
                value={choice}
                defaultChecked={values.deliveryMethod === choice}
              />
              {t(`deliveryMethod.${choice}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="font-medium">{t("offers.acceptPage.payment")}</legend>
          {OFFER_PAYMENT_CHOICES.map((choice) => (
            <label key={choice} className="mt-1 flex items-center gap-2">
              <input
                type="radio"
                name="paymentMethod"
                value={choice}
                defaultChecked={values.paymentMethod === choice}
              />
              {t(`paymentMethod.${choice}`)}
            </label>
          ))}
        </fieldset>
        {field(
          "note",
          t("offers.acceptPage.note"),
          <textarea
            {...controlProps("note")}
            rows={3}
            maxLength={1000}
            defaultValue={values.note}
          />,
        )}
        <button
          type="submit"
          className="w-full rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800 sm:w-auto"
        >
          {t("offers.acceptPage.submit")}
        </button>
      </Form>
    </OfferPage>
  );
}
