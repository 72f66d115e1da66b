import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CancelOrderForm, OrderHeader, OrderPanel, StepButton } from "~/components/order-page";
import { OrderContents } from "~/components/order-parts";
import { Invalid } from "~/lib/errors";
import { useLocale, useT } from "~/lib/i18n";
import { orderPageMeta } from "~/lib/orders";
import { producerActionSchema, firstMessageOf } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { reasonText } from "~/modules/notifications/messages";
import { applyProducerAction, idFromUrl, producerOrderView } from "~/modules/orders/views.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction<typeof loader> = orderPageMeta;

/** One order of the producer: lines, buyer and address, payment, and the next steps. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  return producerOrderView(getDb(), actor, idFromUrl(params.id));
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireProducerActor(request);
  const orderId = idFromUrl(params.id);
  const input = producerActionSchema.safeParse({
    ...Object.fromEntries(await request.formData()),
    orderId,
  });
  if (!input.success) {
    return formError(
      new Invalid(firstMessageOf(input.error, "orderError.badRequest")),
      actor.locale,
    );
  }
  try {
    applyProducerAction(getDb(), actor, {
      orderId,
      action: input.data.intent,
      reason: input.data.reason,
    });
  } catch (error) {
    return formError(error, actor.locale);
  }
  return redirect(`/ban-hang/don-hang/${orderId}?xong=${input.data.intent}`, 303);
});

export default function WorkspaceOrder() {
  const detail = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const { order, actions } = detail;
  const cancelReason = reasonText(useLocale(), order.cancelReasonKey, order.cancelReason);
  const payment = detail.payments.at(-1);
  return (
    <div className="space-y-6">
      <OrderHeader
        backTo="/ban-hang/don-hang"
        backLabel={t("workspaceOrders.back")}
        order={order}
        done={params.get("xong") ? t("workspaceOrders.done") : null}
        error={actionData && "formError" in actionData ? actionData.formError : null}
      />

      {actions.length > 0 ? (
        <OrderPanel id="next-heading" title={t("workspaceOrders.nextStep")}>
          <div className="mt-3 flex flex-wrap gap-2">
            {actions
              .filter((a) => a !== "cancel")
              .map((next) => (
                <StepButton key={next} intent={next} label={t(`workspaceOrders.action.${next}`)} />
              ))}
          </div>
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

      <p>
        <Link
          to={`/ban-hang/don-hang/${order.id}/phieu-giao`}
          className="font-medium text-brand-800 underline underline-offset-2"
        >
          {t("deliveryNote.link")}
        </Link>
      </p>

      <OrderContents
        lines={detail.lines}
        order={order}
        paymentStatus={payment ? t(`paymentStatus.${payment.status}`) : undefined}
      >
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
