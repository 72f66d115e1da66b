import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { OrderListHeading } from "~/components/order-page";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { pageTitleMeta } from "~/lib/orders";
import { formatVnd } from "~/lib/money";
import { requireUser } from "~/modules/auth/session.server";
import { getOrderLineTitles } from "~/modules/orders/line-titles.server";
import { listBuyerOrders } from "~/modules/orders/queries.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "orders.title");

const querySchema = z.object({
  "dat-hang": z.string().uuid().optional().catch(undefined),
  "thanh-toan": z.literal("ok").optional().catch(undefined),
});

/**
 * The buyer's orders, newest first, each naming its products; right after a checkout, that
 * checkout's orders on top.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const orders = listBuyerOrders(db, actor.userId);
  const titles = getOrderLineTitles(
    db,
    orders.map((order) => order.id),
  );
  return {
    orders: orders.map((order) => ({ ...order, titles: titles.get(order.id) ?? [] })),
    justPlaced: query["dat-hang"] ?? null,
    paid: query["thanh-toan"] === "ok",
  };
});

export default function MyOrders() {
  const { orders, justPlaced, paid } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const placedCount = justPlaced ? orders.filter((o) => o.checkoutId === justPlaced).length : 0;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("orders.title")}</h1>
      {placedCount > 0 ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {paid ? t("ordersPage.paidThanks") : t("ordersPage.placed", { count: placedCount })}
        </p>
      ) : null}
      {orders.length === 0 ? (
        <EmptyState
          title={t("orders.emptyTitle")}
          body={t("orders.emptyBody")}
          action={{ href: "/tim-kiem", label: t("orders.emptyAction") }}
        />
      ) : (
        <ul className="space-y-3">
          {orders.map((order) => (
            <li
              key={order.id}
              className={`rounded-xl border bg-white p-4 ${order.checkoutId === justPlaced ? "border-brand-600" : "border-stone-200"}`}
            >
              <OrderListHeading href={`/don-hang/${order.id}`} order={order} />
              <OrderProducts titles={order.titles} />
              <p className="mt-1 text-sm text-stone-700">
                {order.producer.name} · {formatDate(order.createdAt, locale)}
              </p>
              <p className="mt-1 text-sm">
                {t(`paymentMethod.${order.paymentMethod}`)} ·{" "}
                <span className="font-semibold">{formatVnd(order.totalVnd, locale)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The first products of an order by name, then how many more ("Mật ong, Tiêu và 2 sản phẩm khác"). */
function OrderProducts({ titles }: { titles: string[] }) {
  const t = useT();
  if (titles.length === 0) return null;
  const shown = titles.slice(0, SHOWN_TITLES).join(", ");
  const more = titles.length - SHOWN_TITLES;
  return (
    <p className="mt-1 text-stone-900" data-order-products>
      {t("journey.orders.products", {
        titles: more > 0 ? t("journey.orders.moreProducts", { titles: shown, count: more }) : shown,
      })}
    </p>
  );
}

const SHOWN_TITLES = 2;
