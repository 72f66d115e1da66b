import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CartSummary } from "~/components/cart-summary";
import { EmptyState } from "~/components/empty-state";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { getActor } from "~/modules/auth/session.server";
import { getCart } from "~/modules/orders/cart.server";
import { cartOwnerFor } from "~/modules/orders/cart-cookie.server";
import { getDb } from "~/modules/platform/db.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "cart.title"));
};

/** The visitor's cart (a guest's through the cart cookie, a user's through the account). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const { owner } = cartOwnerFor(request, actor);
  const cart = owner ? getCart(getDb(), owner) : null;
  return { cart: cart && cart.groups.length > 0 ? cart : null };
}

export default function CartPage() {
  const { cart } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("cart.title")}</h1>
      <div className="mt-4">
        {cart ? (
          <>
            <CartSummary cart={cart} />
            <div className="mt-4 text-right">
              <Link
                to="/thanh-toan"
                className="inline-block rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800"
              >
                {t("cart.checkout")}
              </Link>
            </div>
          </>
        ) : (
          <EmptyState
            title={t("cart.emptyTitle")}
            body={t("cart.emptyBody")}
            action={{ href: "/tim-kiem", label: t("cart.emptyAction") }}
          />
        )}
      </div>
    </div>
  );
}
