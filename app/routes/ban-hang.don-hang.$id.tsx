import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { RefundList } from "~/components/money/refund-list";
import { ProducerInvoicePanel } from "~/components/invoice/producer-invoice-panel";
import { CancelOrderForm, OrderHeader, OrderPanel, StepButton } from "~/components/order-page";
import { OrderContents, OrderShipment } from "~/components/order-parts";
import { Invalid } from "~/lib/errors";
import { useLocale, useT } from "~/lib/i18n";
import { orderPageMeta, refundStateOf } from "~/lib/orders";
import {
  CARRIER_MAX,
  TRACKING_NUMBER_MAX,
  firstMessageOf,
  producerActionSchema,
} from "~/lib/schemas/orders";
import { isInvoiceIntent } from "~/lib/schemas/business";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { producerInvoiceAction } from "~/modules/invoices/invoice-forms.server";
import { producerInvoiceView } from "~/modules/invoices/invoice-requests.server";
import { reasonText } from "~/modules/notifications/messages";
import { applyProducerAction, idFromUrl, producerOrderView } from "~/modules/orders/views.server";
import { getDb } from "~/modules/platform/db.server";
import { formErrorKeepingEntries, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = orderPageMeta;

/** One order of the producer: lines, buyer and address, payment, and the next steps. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "orders");
  const db = getDb();
  const orderId = idFromUrl(params.id);
  const detail = producerOrderView(db, actor, orderId);
  return { ...detail, invoice: producerInvoiceView(db, actor, orderId) };
});

/** The fields of the ship form: a refusal shows under the field it names. */
const SHIP_FIELDS = new Set(["carrier", "trackingNumber"]);

/** The next step the producer took: accept, mark paid, ship (with the carrier), deliver, cancel. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireProducerActor(request, "orders");
  const orderId = idFromUrl(params.id);
  const form = await request.formData();
  // The answer to a VAT-invoice request (issue 15) has its own forms and answer.
  if (isInvoiceIntent(form.get("intent"))) {
    return producerInvoiceAction(getDb(), actor, orderId, form);
  }
  const input = producerActionSchema.safeParse({ ...Object.fromEntries(form), orderId });
  if (!input.success) {
    const field = String(input.error.issues[0]?.path[0] ?? "");
    const refusal = new Invalid(
      firstMessageOf(input.error, "orderError.badRequest"),
      {},
      SHIP_FIELDS.has(field) ? { field } : undefined,
    );
    return formErrorKeepingEntries(refusal, actor.locale, form);
  }
  try {
    applyProducerAction(getDb(), actor, {
      orderId,
      action: input.data.intent,
      reason: input.data.reason,
      carrier: input.data.carrier,
      trackingNumber: input.data.trackingNumber,
    });
  } catch (error) {
    return formErrorKeepingEntries(error, actor.locale, form);
  }
  return redirect(`/ban-hang/don-hang/${orderId}?xong=${input.data.intent}`, 303);
});

export default function WorkspaceOrder() {
  const detail = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const { order, actions, buyer } = detail;
  const refused = actionData && "values" in actionData ? actionData : null;
  // A refusal about the ship form shows under its field; any other (the cancel reason) on top.
  const otherFieldError = Object.entries(refused?.fieldErrors ?? {}).find(
    ([field]) => !SHIP_FIELDS.has(field),
  )?.[1];
  const cancelReason = reasonText(useLocale(), order.cancelReasonKey, order.cancelReason);
  const payment = detail.payments.at(-1);
  return (
    <div className="space-y-6">
      <OrderHeader
        backTo="/ban-hang/don-hang"
        backLabel={t("workspaceOrders.back")}
        order={{ ...order, refundState: refundStateOf(detail.refunds) }}
        done={params.get("xong") ? t("workspaceOrders.done") : null}
        error={refused?.formError ?? otherFieldError}
      />

      {actions.length > 0 ? (
        <OrderPanel id="next-heading" title={t("workspaceOrders.nextStep")}>
          <div className="mt-3 flex flex-wrap gap-2">
            {actions
              .filter((a) => a !== "cancel" && a !== "ship")
              .map((next) => (
                <StepButton key={next} intent={next} label={t(`workspaceOrders.action.${next}`)} />
              ))}
          </div>
          {actions.includes("ship") ? (
            <ShipForm values={refused?.values ?? {}} errors={refused?.fieldErrors ?? {}} />
          ) : null}
          {actions.includes("cancel") ? (
            <CancelOrderForm
              className="mt-4"
              title={t("workspaceOrders.cancelTitle")}
              reasonLabel={t("workspaceOrders.cancelReason")}
              submitLabel={t("workspaceOrders.action.cancel")}
              reasonRequired
            />
          ) : null}
        </OrderPanel>
      ) : null}

      <ProducerInvoicePanel invoice={detail.invoice} />

      {detail.contactPhone ? (
        <OrderPanel id="contact-heading" title={t("offers.contact.title")}>
          <p className="mt-1">
            {t("offers.contact.buyer")}{" "}
            <a href={`tel:${detail.contactPhone}`} className="text-brand-800 underline">
              {detail.contactPhone}
            </a>
          </p>
          <p className="mt-1 text-sm text-stone-600">{t("offers.contact.until")}</p>
        </OrderPanel>
      ) : null}

      {detail.refunds.length > 0 ? (
        <OrderPanel id="refund-heading" title={t("orderPage.refunds")}>
          <RefundList refunds={detail.refunds} payments={detail.payments} />
          {detail.refunds.some((r) => r.settledAt === null) ? (
            <Link to="/ban-hang/hoan-tien" className="mt-2 inline-block text-brand-800 underline">
              {t("money.ledger.owedLink")}
            </Link>
          ) : null}
        </OrderPanel>
      ) : null}

      <p>
        <Link
          to={`/ban-hang/don-hang/${order.id}/phieu-giao`}
          className="font-medium text-brand-800 underline underline-offset-2"
        >
          {t("deliveryNote.link")}
        </Link>
      </p>

      <OrderShipment order={order} />

      <OrderContents
        lines={detail.lines}
        order={order}
        paymentStatus={payment ? t(`paymentStatus.${payment.status}`) : undefined}
      >
        {buyer.companyName ? (
          <p className="mt-2 text-sm text-stone-800">
            {t("daily.deliveryNote.business", { name: buyer.companyName })}
            {buyer.taxCode
              ? ` · ${t("daily.deliveryNote.taxCode", { taxCode: buyer.taxCode })}`
              : null}
          </p>
        ) : null}
        {order.note ? (
          <p className="mt-2 text-sm text-stone-800">
            {t("order.noteValue", { note: order.note })}
          </p>
        ) : null}
        {cancelReason ? (
          <p className="mt-2 text-sm text-rose-900">
            {t("order.cancelledBecause", { reason: cancelReason })}
          </p>
        ) : null}
      </OrderContents>
    </div>
  );
}

/**
 * "Đã gửi hàng" with the carrier and the tracking number, both optional; a refused entry
 * shows under its field with what was typed.
 */
function ShipForm({
  values,
  errors,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const t = useT();
  const field = (
    name: "carrier" | "trackingNumber",
    label: string,
    hint: string,
    maxLength: number,
  ) => (
    <div>
      <label htmlFor={`ship-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`ship-${name}`}
        name={name}
        defaultValue={values[name] ?? ""}
        maxLength={maxLength}
        pattern={name === "trackingNumber" ? "[A-Za-z0-9\\-]*" : undefined}
        autoComplete="off"
        aria-describedby={`ship-${name}-hint${errors[name] ? ` ship-${name}-error` : ""}`}
        aria-invalid={errors[name] ? true : undefined}
        className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
      />
      <p id={`ship-${name}-hint`} className="mt-1 text-xs text-stone-600">
        {hint}
      </p>
      {errors[name] ? (
        <p id={`ship-${name}-error`} className="mt-1 text-sm text-rose-800">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <Form method="post" className="mt-4 space-y-3 rounded-lg bg-stone-50 p-3">
      <h3 className="font-semibold">{t("daily.ship.title")}</h3>
      <p className="text-sm text-stone-700">{t("daily.ship.intro")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {field("carrier", t("daily.ship.carrier"), t("daily.ship.carrierHint"), CARRIER_MAX)}
        {field(
          "trackingNumber",
          t("daily.ship.tracking"),
          t("daily.ship.trackingHint"),
          TRACKING_NUMBER_MAX,
        )}
      </div>
      <button
        type="submit"
        name="intent"
        value="ship"
        className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
      >
        {t("workspaceOrders.action.ship")}
      </button>
    </Form>
  );
}
