import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { OrderListHeading } from "~/components/order-page";
import { Invalid } from "~/lib/errors";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import { ORDER_STAGES, orderStageKey, pageTitleMeta, type OrderStage } from "~/lib/orders";
import { producerActionSchema, firstMessageOf } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { applyProducerAction, producerInbox } from "~/modules/orders/views.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";
import { PAYMENT_METHODS } from "~db/schema";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "workspaceOrders.title");

const filterSchema = z.object({
  "trang-thai": z.enum(ORDER_STAGES).optional().catch(undefined),
  "thanh-toan": z.enum(PAYMENT_METHODS).optional().catch(undefined),
  nsx: z.string().trim().min(1).max(40).optional().catch(undefined),
});

/**
 * The producer's order inbox: newest first, filterable by stage (a cash order waiting for
 * her is not "waiting for payment"), payment method and producer; next action on each.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "orders");
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const stage = filter["trang-thai"] ?? null;
  return {
    stage,
    paymentMethod: filter["thanh-toan"] ?? null,
    ...producerInbox(getDb(), actor, {
      stage: stage ?? undefined,
      paymentMethod: filter["thanh-toan"],
      producerCode: filter.nsx,
    }),
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireProducerActor(request, "orders");
  const input = producerActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) {
    return formError(
      new Invalid(firstMessageOf(input.error, "orderError.badRequest")),
      actor.locale,
    );
  }
  try {
    applyProducerAction(getDb(), actor, {
      orderId: input.data.orderId,
      action: input.data.intent,
      reason: input.data.reason,
    });
  } catch (error) {
    return formError(error, actor.locale);
  }
  const back = new URL(request.url);
  back.searchParams.delete("index");
  back.searchParams.set("xong", input.data.intent);
  return redirect(`${back.pathname}${back.search}`, 303);
});

/** The inbox's address with one stage (or all), keeping the producer chosen. */
function tabHref(stage: OrderStage | null, producerCode: string | null): string {
  const query = new URLSearchParams();
  if (stage) query.set("trang-thai", stage);
  if (producerCode) query.set("nsx", producerCode);
  const search = query.toString();
  return search ? `/ban-hang/don-hang?${search}` : "/ban-hang/don-hang";
}

export default function WorkspaceOrders() {
  const { orders, counts, producerCode, producerName, stage, paymentMethod } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const current = stage;
  const done = params.get("xong");
  const tabClass = (active: boolean) =>
    `whitespace-nowrap rounded-full px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-700 text-white" : "bg-white text-stone-800 border border-stone-300"}`;
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("workspaceOrders.title")}</h1>
      {paymentMethod ? (
        <p className="mt-1 text-stone-700">
          {t("daily.orders.onlyMethod", { method: t(`paymentMethod.${paymentMethod}`) })}{" "}
          <Link
            to={tabHref(current, producerCode)}
            className="text-brand-800 underline underline-offset-2"
          >
            {t("daily.orders.anyMethod")}
          </Link>
        </p>
      ) : null}
      {producerName ? (
        <p className="mt-1 text-stone-700">
          {t("daily.orders.ofProducer", { name: producerName })}{" "}
          <Link to={tabHref(current, null)} className="text-brand-800 underline underline-offset-2">
            {t("daily.orders.allProducers")}
          </Link>
        </p>
      ) : null}
      {done ? (
        <p role="status" className="mt-4 rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t("workspaceOrders.done")}
        </p>
      ) : null}
      {actionData && "formError" in actionData ? (
        <p role="alert" className="mt-4 rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {actionData.formError}
        </p>
      ) : null}
      <nav
        aria-label={t("workspaceOrders.filter")}
        className="mt-4 flex gap-2 overflow-x-auto pb-2"
      >
        <Link to={tabHref(null, producerCode)} className={tabClass(!current)}>
          {t("workspaceOrders.all")}
        </Link>
        {ORDER_STAGES.map((stage) => (
          <Link
            key={stage}
            to={tabHref(stage, producerCode)}
            className={tabClass(current === stage)}
            aria-current={current === stage ? "page" : undefined}
          >
            {t(orderStageKey(stage))} ({counts[stage] ?? 0})
          </Link>
        ))}
      </nav>
      {orders.length === 0 ? (
        <div className="mt-4">
          <EmptyState title={t("workspaceOrders.empty")} />
        </div>
      ) : (
        <ul className="mt-4 space-y-3">
          {orders.map((order) => (
            <li key={order.id} className="rounded-xl border border-stone-200 bg-white p-4">
              <OrderListHeading href={`/ban-hang/don-hang/${order.id}`} order={order} />
              <p className="mt-1 text-sm text-stone-700">
                {t("workspaceOrders.summary", {
                  buyer: order.buyerName,
                  date: formatDate(order.createdAt, locale),
                  count: order.lineCount,
                })}
              </p>
              <p className="mt-1 text-sm text-stone-700">
                {t(`paymentMethod.${order.paymentMethod}`)} ·{" "}
                {t(`deliveryMethod.${order.deliveryMethod}`)} ·{" "}
                <span className="font-semibold text-stone-900">
                  {formatVnd(order.totalVnd, locale)}
                </span>
              </p>
              {order.actions.filter((a) => a !== "cancel").length > 0 ? (
                <div className="mt-3 flex flex-wrap gap-2">
                  {order.actions
                    .filter((a) => a !== "cancel")
                    .map((next) => (
                      <Form method="post" key={next}>
                        <input type="hidden" name="orderId" value={order.id} />
                        <button
                          type="submit"
                          name="intent"
                          value={next}
                          className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
                        >
                          {t(`workspaceOrders.action.${next}`)}
                        </button>
                      </Form>
                    ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
