import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CartSummary } from "~/components/cart-summary";
import { EmptyState } from "~/components/empty-state";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { requireUser } from "~/modules/auth/session.server";
import { getCart } from "~/modules/orders/cart.server";
import { getDb } from "~/modules/platform/db.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "checkout.title"));
};

/** Checkout (signed-in users): the orders issue adds delivery and payment to this summary. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  const cart = getCart(getDb(), { userId: actor.userId });
  return { cart: cart.groups.length > 0 ? cart : null };
}

export default function CheckoutPage() {
  const { cart } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("checkout.title")}</h1>
      <div className="mt-4">
        {cart ? (
          <>
            <h2 className="sr-only">{t("checkout.summary")}</h2>
            <CartSummary cart={cart} />
            <p className="mt-4">
              <Link
                to="/gio-hang"
                className="font-semibold text-brand-800 underline underline-offset-2"
              >
                {t("checkout.backToCart")}
              </Link>
            </p>
          </>
        ) : (
          <EmptyState
            title={t("checkout.emptyTitle")}
            body={t("checkout.emptyBody")}
            action={{ href: "/tim-kiem", label: t("cart.emptyAction") }}
          />
        )}
      </div>
    </div>
  );
}
