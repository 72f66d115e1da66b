import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { EmptyState } from "~/components/empty-state";
import { PriceChanges } from "~/components/order-parts";
import { PaymentMethodChoice } from "~/components/transfer/payment-method-choice";
import { DomainError } from "~/lib/errors";
import { isMessageKey, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { pageTitleMeta } from "~/lib/orders";
import { formatVnd } from "~/lib/money";
import { parseCheckoutForm } from "~/lib/schemas/checkout";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { cartForPage } from "~/modules/orders/cart-cookie.server";
import { getCheckoutView, placeCheckout } from "~/modules/orders/checkout.server";
import { InvalidOrder, PriceChanged } from "~/modules/orders/errors.server";
import { getDb } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "checkout.title");

/** The checkout form: address, delivery per producer, payment; prices as of now. */
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
  priceChanged: boolean;
};

/** Places the orders (one per producer) and sends the buyer to pay or to their orders. */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const formData = await request.formData();
  const values = Object.fromEntries(
    [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const parsed = parseCheckoutForm(formData);
  if (!parsed.ok) {
    return data<ActionResult>(
      {
        formError: null,
        fieldErrors: parsed.errors,
        values,
        priceChanged: false,
      },
      { status: 400 },
    );
  }
  const origin = getEnv().PUBLIC_URL ?? new URL(request.url).origin;
  try {
    const placed = await placeCheckout(getDb(), actor.userId, parsed.value, { origin });
    return redirect(placed.redirectTo, 303);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fieldErrors = error instanceof InvalidOrder ? error.fieldMessagesIn(actor.locale) : {};
    return data<ActionResult>(
      {
        formError: error.messageIn(actor.locale),
        fieldErrors,
        values,
        priceChanged: error instanceof PriceChanged,
      },
      { status: error.status },
    );
  }
});

const inputClass = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2.5";

export default function CheckoutPage() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const values = actionData?.values ?? {};
  const defaults = { ...view.defaults, ...values };
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
    name: "name" | "phone" | "commune" | "address",
    label: string,
    extra: InputHTMLAttributes<HTMLInputElement>,
  ) =>
    field(
      name,
      label,
      <input {...controlProps(name)} required defaultValue={defaults[name]} {...extra} />,
    );

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

      <Form method="post" className="space-y-6" noValidate={false}>
        <input type="hidden" name="idempotencyKey" value={view.idempotencyKey} />
        {view.cart.groups.flatMap((group) =>
          group.lines.map((line) => (
            <input key={line.sku} type="hidden" name={`price.${line.sku}`} value={line.priceVnd} />
          )),
        )}

        <fieldset className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 text-lg font-semibold">{t("checkoutPage.addressTitle")}</legend>
          {textField("name", t("checkoutPage.name"), { autoComplete: "name" })}
          {textField("phone", t("checkoutPage.phone"), {
            type: "tel",
            autoComplete: "tel",
            inputMode: "tel",
          })}
          {field(
            "province",
            t("checkoutPage.province"),
            <select {...controlProps("province")} required defaultValue={defaults.province}>
              <option value="">{t("checkoutPage.chooseProvince")}</option>
              {view.provinces.map((p) => (
                <option key={p.code} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>,
          )}
          {textField("commune", t("checkoutPage.commune"), {
            placeholder: t("checkoutPage.communeExample"),
          })}
          {textField("address", t("checkoutPage.address"), {
            autoComplete: "street-address",
            placeholder: t("checkoutPage.addressExample"),
          })}
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

        {view.cart.groups.map((group) => {
          const name = `delivery.${group.producer.code}`;
          const chosen = values[name] ?? "pickup";
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
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name={name}
                    value="pickup"
                    defaultChecked={chosen === "pickup"}
                  />
                  {t("deliveryMethod.pickup")}
                </label>
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name={name}
                    value="delivery"
                    defaultChecked={chosen === "delivery"}
                  />
                  {t("checkoutPage.deliveryWithFee", {
                    fee: formatVnd(group.producer.deliveryFeeVnd, locale),
                  })}
                </label>
              </div>
            </fieldset>
          );
        })}

        <PaymentMethodChoice
          methods={view.paymentMethods}
          transferUnavailableFrom={view.transferUnavailableFrom}
          chosen={values.paymentMethod}
          error={errorText("paymentMethod")}
        />

        <div className="rounded-xl border border-stone-200 bg-white p-4">
          <p className="flex justify-between text-lg font-bold">
            <span>{t("cart.total")}</span>
            <span>{formatVnd(view.cart.totalVnd, locale)}</span>
          </p>
          <p className="mt-1 text-sm text-stone-700">{t("checkoutPage.totalNote")}</p>
          <button
            type="submit"
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
