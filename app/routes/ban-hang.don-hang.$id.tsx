import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { OrderLines, OrderTotals, ShippingAddress } from "~/components/order-parts";
import { OrderStatusBadge } from "~/components/order-status-badge";
import { Invalid, NotFound } from "~/lib/errors";
import { formatDate, t, useLocale, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { producerActionSchema } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { formErrorData } from "~/modules/orders/form-errors.server";
import { applyProducerAction, producerOrderView } from "~/modules/orders/views.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "order.title", { code: data?.order.code ?? "" }));
};

function orderIdOf(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound("Không tìm thấy đơn hàng.");
  return id;
}

/** One order of the producer: lines, buyer and address, payment, and the next steps. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  return producerOrderView(getDb(), actor, orderIdOf(params));
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireProducerActor(request);
  const orderId = orderIdOf(params);
  const input = producerActionSchema.safeParse({
    ...Object.fromEntries(await request.formData()),
    orderId,
  });
  if (!input.success) return formErrorData(new Invalid("Yêu cầu không hợp lệ."));
  try {
    applyProducerAction(getDb(), actor, {
      orderId,
      action: input.data.intent,
      reason: input.data.reason,
    });
  } catch (error) {
    return formErrorData(error);
  }
  return redirect(`/ban-hang/don-hang/${orderId}?xong=${input.data.intent}`, 303);
});

export default function SellerOrder() {
  const detail = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const { order, actions } = detail;
  const payment = detail.payments.at(-1);
  return (
    <div className="space-y-6">
      <div>
        <Link
          to="/ban-hang/don-hang"
          className="text-sm text-brand-800 underline underline-offset-2"
        >
          {t("sellerOrders.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{t("order.title", { code: order.code })}</h1>
          <OrderStatusBadge status={order.status} paymentMethod={order.paymentMethod} />
        </div>
        <p className="mt-1 text-sm text-stone-700">
          {t("order.placedAt", { date: formatDate(order.createdAt, locale) })}
        </p>
      </div>
      {params.get("xong") ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t("sellerOrders.done")}
        </p>
      ) : null}
      {actionData && "formError" in actionData ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {actionData.formError}
        </p>
      ) : null}

      {actions.length > 0 ? (
        <section
          aria-labelledby="next-heading"
          className="rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 id="next-heading" className="font-semibold">
            {t("sellerOrders.nextStep")}
          </h2>
          <div className="mt-3 flex flex-wrap gap-2">
            {actions
              .filter((a) => a !== "cancel")
              .map((next) => (
                <Form method="post" key={next}>
                  <button
                    type="submit"
                    name="intent"
                    value={next}
                    className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
                  >
                    {t(`sellerOrders.action.${next}`)}
                  </button>
                </Form>
              ))}
          </div>
          {actions.includes("cancel") ? (
            <details className="mt-4">
              <summary className="font-medium text-rose-800">
                {t("sellerOrders.cancelTitle")}
              </summary>
              <Form method="post" className="mt-3 space-y-2">
                <label htmlFor="cancel-reason" className="block text-sm font-medium">
                  {t("sellerOrders.cancelReason")}
                </label>
                <textarea
                  id="cancel-reason"
                  name="reason"
                  required
                  minLength={3}
                  maxLength={500}
                  rows={2}
                  className="w-full rounded-lg border border-stone-300 px-3 py-2"
                />
                <button
                  type="submit"
                  name="intent"
                  value="cancel"
                  className="rounded-lg border border-rose-700 px-4 py-2 font-semibold text-rose-800 hover:bg-rose-50"
                >
                  {t("sellerOrders.action.cancel")}
                </button>
              </Form>
            </details>
          ) : null}
        </section>
      ) : null}

      <p>
        <Link
          to={`/ban-hang/don-hang/${order.id}/phieu-giao`}
          className="font-medium text-brand-800 underline underline-offset-2"
        >
          {t("deliveryNote.link")}
        </Link>
      </p>

      <OrderLines lines={detail.lines} />
      <OrderTotals order={order} />

      <section
        aria-labelledby="buyer-heading"
        className="rounded-xl border border-stone-200 bg-white p-4"
      >
        <h2 id="buyer-heading" className="font-semibold">
          {t("order.shipTo")}
        </h2>
        <ShippingAddress order={order} />
        <p className="mt-2 text-sm text-stone-700">
          {t(`paymentMethod.${order.paymentMethod}`)} ·{" "}
          {t(`deliveryMethod.${order.deliveryMethod}`)}
          {payment ? ` · ${t(`paymentStatus.${payment.status}`)}` : ""}
        </p>
        {order.note ? (
          <p className="mt-2 text-sm text-stone-800">
            {t("order.noteValue", { note: order.note })}
          </p>
        ) : null}
        {order.cancelReason ? (
          <p className="mt-2 text-sm text-rose-900">
            {t("order.cancelledBecause", { reason: order.cancelReason })}
          </p>
        ) : null}
      </section>
    </div>
  );
}
