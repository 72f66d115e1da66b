import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import {
  useEffect,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
} from "react";
import { PlaceFields } from "~/components/checkout/place-fields";
import { EmptyState } from "~/components/empty-state";
import { PriceChanges } from "~/components/order-parts";
import { PaymentMethodChoice } from "~/components/transfer/payment-method-choice";
import { checkoutTotals, isAllPickup } from "~/lib/checkout-totals";
import { DomainError } from "~/lib/errors";
import { isMessageKey, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { pageTitleMeta } from "~/lib/orders";
import { formatVnd } from "~/lib/money";
import { checkoutIntent, parseCheckoutForm, postedValues } from "~/lib/schemas/checkout";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { cartForPage } from "~/modules/orders/cart-cookie.server";
import { checkoutPlaces, getCheckoutView, placeCheckout } from "~/modules/orders/checkout.server";
import { InvalidOrder, PriceChanged } from "~/modules/orders/errors.server";
import { getDb } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";
import { handle } from "~/modules/platform/http.server";
import { requirePhoneConfirmed } from "~/modules/auth/phone-confirmation.server";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "checkout.title");

/** The checkout form: who receives, delivery per producer, payment; prices as of now. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const db = getDb();
  // Back from the log-in page with a guest cart: it joins the account's cart first.
  const { setCookie } = cartForPage(db, request, actor);
  return data(getCheckoutView(db, actor.userId), {
    headers: setCookie ? { "Set-Cookie": setCookie } : undefined,
  });
});

type ActionResult = {
  formError: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  /** The communes of the posted province, for the form shown again. */
  communes: { code: string; name: string }[];
  priceChanged: boolean;
};

/**
 * Places the orders (one per producer) and sends the buyer to pay or to their orders.
 * `intent=update` ("Cập nhật", without JavaScript) and `intent=pick-province` ("Chọn tỉnh")
 * only show the form again with everything typed kept: the totals for the chosen delivery
 * methods, the communes of the chosen province.
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const formData = await request.formData();
  const values = postedValues(formData);
  const intent = checkoutIntent(formData);
  const { communes } = checkoutPlaces(values.province);
  const answer = (result: Omit<ActionResult, "values" | "communes">, status: number) =>
    data<ActionResult>({ ...result, values, communes }, { status });
  if (intent !== "place") {
    // Another province: its commune list starts with none chosen.
    if (intent === "pick-province") values.commune = "";
    return answer({ formError: null, fieldErrors: {}, priceChanged: false }, 200);
  }
  // Ordering needs a confirmed phone (when an SMS provider is in force): 403 with a link.
  requirePhoneConfirmed(getDb(), actor);
  const parsed = parseCheckoutForm(formData);
  if (!parsed.ok) {
    return answer({ formError: null, fieldErrors: parsed.errors, priceChanged: false }, 400);
  }
  const origin = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  try {
    const placed = await placeCheckout(getDb(), actor.userId, parsed.value, { origin });
    return redirect(placed.redirectTo, 303);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors = error instanceof InvalidOrder ? error.fieldMessagesIn(actor.locale) : {};
    return answer(
      {
        formError: error.messageIn(actor.locale),
        fieldErrors,
        priceChanged: error instanceof PriceChanged,
      },
      error.status,
    );
  }
});

const inputClass = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2.5";
const FORM_ID = "checkout";

export default function CheckoutPage() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const values = actionData?.values ?? {};
  const defaults: Record<string, string | undefined> = { ...view.defaults, ...values };
  // The delivery choices as the form holds them: the browser follows every change (totals,
  // the address shown or not); without JavaScript the server renders what was posted.
  const [choices, setChoices] = useState<Record<string, string | undefined>>(values);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const totals = checkoutTotals(view.cart.groups, choices);
  const allPickup = isAllPickup(view.cart.groups, choices);
  const hideAddress = hydrated && allPickup;
  const followChoice = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.name.startsWith("delivery.")) {
      setChoices((previous) => ({ ...previous, [target.name]: target.value }));
    }
  };
  const errorText = (name: string) => {
    const message = actionData?.fieldErrors[name];
    if (!message) return null;
    return isMessageKey(message) ? t(message) : message;
  };
  // An out-of-date form (its hidden key) has no field to show its error beside.
  const formError = actionData?.formError ?? errorText("idempotencyKey");
  /** What every control of the form carries: its id, name, and its error when it has one. */
  const controlProps = (name: string) => {
    const hasError = errorText(name) !== null;
    return {
      id: `checkout-${name}`,
      name,
      "aria-describedby": hasError ? `checkout-${name}-error` : undefined,
      "aria-invalid": hasError ? true : undefined,
      className: inputClass,
    };
  };
  const field = (name: string, label: string, control: ReactNode) => {
    const error = errorText(name);
    return (
      <div>
        <label htmlFor={`checkout-${name}`} className="block font-medium">
          {label}
        </label>
        {control}
        {error ? (
          <p id={`checkout-${name}-error`} className="mt-1 text-sm text-rose-800">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  const textField = (
    name: "name" | "phone" | "address",
    label: string,
    extra: InputHTMLAttributes<HTMLInputElement>,
  ) =>
    field(name, label, <input {...controlProps(name)} defaultValue={defaults[name]} {...extra} />);
  // A fresh form saves the address; a form sent back keeps the buyer's choice.
  const saveAddress = actionData ? values.saveAddress === "on" : true;

  if (view.cart.itemCount === 0) {
    return (
      <div>
        <h1 className="mb-4 text-2xl font-bold">{t("checkout.title")}</h1>
        <EmptyState
          title={t("checkout.emptyTitle")}
          body={t("checkout.emptyBody")}
          action={{ href: "/tim-kiem", label: t("cart.emptyAction") }}
        />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("checkout.title")}</h1>
      {formError ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {formError}
        </p>
      ) : null}
      {view.cart.priceChanges.length > 0 ? (
        <PriceChanges title={t("checkoutPage.pricesChanged")} changes={view.cart.priceChanges} />
      ) : null}
      {view.cart.hasProblems ? (
        <p className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {t("cartPage.fixProblems")}{" "}
          <Link to="/gio-hang" className="underline underline-offset-2">
            {t("checkout.backToCart")}
          </Link>
        </p>
      ) : null}

      <Form
        id={FORM_ID}
        method="post"
        className="space-y-6"
        noValidate={false}
        onChange={followChoice}
      >
        <input type="hidden" name="idempotencyKey" value={view.idempotencyKey} />
        {view.cart.groups.flatMap((group) =>
          group.lines.map((line) => (
            <input key={line.sku} type="hidden" name={`price.${line.sku}`} value={line.priceVnd} />
          )),
        )}

        {view.cart.groups.map((group) => {
          const name = `delivery.${group.producer.code}`;
          const chosen = values[name] ?? "pickup";
          const place = view.pickupPlaces[group.producer.code];
          const placeId = `pickup-place-${group.producer.code}`;
          return (
            <fieldset
              key={group.producer.id}
              className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
            >
              <legend className="px-1 font-semibold">
                {t("cart.fromProducer", { name: group.producer.name })}
              </legend>
              <ul className="space-y-1 text-sm">
                {group.lines.map((line) => (
                  <li key={line.sku} className="flex justify-between gap-2">
                    <span>
                      {line.title} × {line.qty} {unitLabel(locale, line.unit)}
                    </span>
                    <span>{formatVnd(line.lineTotalVnd, locale)}</span>
                  </li>
                ))}
              </ul>
              <p className="flex justify-between border-t border-stone-200 pt-2 text-sm font-semibold">
                <span>{t("cart.subtotal")}</span>
                <span>{formatVnd(group.subtotalVnd, locale)}</span>
              </p>
              <div className="space-y-2">
                <div>
                  <label className="flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      name={name}
                      value="pickup"
                      defaultChecked={chosen === "pickup"}
                      aria-describedby={place ? placeId : undefined}
                      className="h-5 w-5"
                    />
                    {t("deliveryMethod.pickup")}
                  </label>
                  {place ? (
                    <div id={placeId} className="ml-7 text-sm text-stone-700">
                      <p>{t("checkoutFlow.pickupFrom", { address: place.address })}</p>
                      <p>
                        {place.pickupHours
                          ? t("checkoutFlow.pickupHours", { hours: place.pickupHours })
                          : t("checkoutFlow.pickupHoursUnknown")}
                      </p>
                    </div>
                  ) : null}
                </div>
                <label className="flex min-h-11 items-center gap-2">
                  <input
                    type="radio"
                    name={name}
                    value="delivery"
                    defaultChecked={chosen === "delivery"}
                    className="h-5 w-5"
                  />
                  {t("checkoutPage.deliveryWithFee", {
                    fee: formatVnd(group.producer.deliveryFeeVnd, locale),
                  })}
                </label>
              </div>
            </fieldset>
          );
        })}

        <fieldset className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 text-lg font-semibold">{t("checkoutFlow.receiverTitle")}</legend>
          {textField("name", t("checkoutPage.name"), { autoComplete: "name", required: true })}
          {textField("phone", t("checkoutPage.phone"), {
            type: "tel",
            autoComplete: "tel",
            inputMode: "tel",
            required: true,
          })}
          {hideAddress ? (
            <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900">
              {t("checkoutFlow.noAddressNeeded")}
            </p>
          ) : null}
          <div hidden={hideAddress} className="space-y-4">
            {hydrated ? null : (
              <p className="text-sm text-stone-700">{t("checkoutFlow.addressOnlyForDelivery")}</p>
            )}
            <PlaceFields
              formId={FORM_ID}
              province={defaults.province ?? ""}
              commune={defaults.commune ?? ""}
              errors={{
                province: actionData?.fieldErrors.province,
                commune: actionData?.fieldErrors.commune,
              }}
              provinces={view.provinces}
              communes={actionData?.communes ?? view.communes}
            />
            {textField("address", t("checkoutPage.address"), {
              autoComplete: "street-address",
              placeholder: t("checkoutPage.addressExample"),
              required: hydrated && !allPickup,
            })}
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name="saveAddress"
                value="on"
                defaultChecked={saveAddress}
                className="h-5 w-5"
              />
              {t("checkoutFlow.saveAddress")}
            </label>
            <p className="text-sm">
              <Link to="/tai-khoan/dia-chi" className="text-brand-800 underline underline-offset-2">
                {t("addressBook.manage")}
              </Link>
            </p>
          </div>
          {field(
            "note",
            t("checkoutPage.note"),
            <textarea
              {...controlProps("note")}
              rows={2}
              maxLength={1000}
              defaultValue={values.note ?? ""}
            />,
          )}
        </fieldset>

        <PaymentMethodChoice
          methods={view.paymentMethods}
          transferUnavailableFrom={view.transferUnavailableFrom}
          chosen={values.paymentMethod}
          error={errorText("paymentMethod")}
        />

        <div className="rounded-xl border border-stone-200 bg-white p-4">
          <dl aria-live="polite" className="space-y-1">
            <div className="flex justify-between">
              <dt>{t("checkoutFlow.goods")}</dt>
              <dd>{formatVnd(totals.subtotalVnd, locale)}</dd>
            </div>
            <div className="flex justify-between">
              <dt>{t("checkoutFlow.deliveryFees")}</dt>
              <dd>{formatVnd(totals.deliveryFeesVnd, locale)}</dd>
            </div>
            <div className="flex justify-between border-t border-stone-200 pt-1 text-lg font-bold">
              <dt>{t("checkoutFlow.total")}</dt>
              <dd>{formatVnd(totals.totalVnd, locale)}</dd>
            </div>
          </dl>
          {hydrated ? null : (
            <>
              <p className="mt-2 text-sm text-stone-700">{t("checkoutFlow.updateHint")}</p>
              <button
                type="submit"
                name="intent"
                value="update"
                formNoValidate
                className="mt-2 w-full rounded-lg border border-brand-700 bg-white px-4 py-3 font-semibold text-brand-800"
              >
                {t("checkoutFlow.update")}
              </button>
            </>
          )}
          <button
            type="submit"
            name="intent"
            value="place"
            disabled={navigation.state === "submitting" || view.cart.hasProblems}
            className="mt-3 w-full rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {view.cart.priceChanges.length > 0 || actionData?.priceChanged
              ? t("checkoutPage.submitNewPrices")
              : t("checkoutPage.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
