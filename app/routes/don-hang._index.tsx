import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/empty-state";
import { formatDate, t, useLocale, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { formatVnd } from "~/lib/money";
import { requireUser } from "~/modules/auth/session.server";
import { listBuyerOrders } from "~/modules/orders/queries.server";
import { getDb } from "~/modules/platform/db.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "orders.title"));
};

/** The signed-in buyer's own orders, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  return { orders: listBuyerOrders(getDb(), actor.userId) };
}

export default function OrdersPage() {
  const { orders } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("orders.title")}</h1>
      <div className="mt-4">
        {orders.length > 0 ? (
          <ul className="space-y-3">
            {orders.map((order) => (
              <li
                key={order.id}
                className="relative rounded-xl border border-stone-200 bg-white p-3 focus-within:ring-2 focus-within:ring-brand-700"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link
                    to={`/don-hang/${order.id}`}
                    className="font-semibold text-brand-800 after:absolute after:inset-0"
                    aria-label={t("orders.view", { code: order.code })}
                  >
                    {order.code}
                  </Link>
                  <span className="text-sm font-medium text-accent-700">
                    {t(`orderStatus.${order.status}`)}
                  </span>
                </div>
                <p className="text-sm text-stone-700">{order.producer.name}</p>
                <p className="flex flex-wrap justify-between gap-2 text-sm text-stone-600">
                  <span>{formatDate(order.createdAt, locale)}</span>
                  <span className="font-semibold text-stone-900">
                    {formatVnd(order.totalVnd, locale)}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            title={t("orders.emptyTitle")}
            body={t("orders.emptyBody")}
            action={{ href: "/tim-kiem", label: t("orders.emptyAction") }}
          />
        )}
      </div>
    </div>
  );
}
