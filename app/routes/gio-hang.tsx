import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { EmptyState } from "~/components/empty-state";
import { PriceChanges } from "~/components/order-parts";
import { ProductPhoto } from "~/components/product-card";
import { DomainError } from "~/lib/errors";
import { t, useLocale, useT } from "~/lib/i18n";
import { formatQuantity, unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import { quantityProblemText, pageTitleMeta } from "~/lib/orders";
import { cartActionSchema, firstMessageOf } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { getActor } from "~/modules/auth/session.server";
import { getListingCovers } from "~/modules/catalog/covers.server";
import { cartForPage, cartOwnerFor } from "~/modules/orders/cart-cookie.server";
import { addToCart, getCart, removeCartLine, setCartLineQty } from "~/modules/orders/cart.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "cart.title");

/** The cart (a guest's by cookie, or the account's), grouped by producer, with thumbnails. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  const db = getDb();
  const { owner, setCookie } = cartForPage(db, request, actor);
  const cart = owner ? getCart(db, owner) : null;
  const covers = getListingCovers(
    db,
    cart ? cart.groups.flatMap((group) => group.lines.map((line) => line.listingId)) : [],
  );
  return data(
    {
      cart,
      covers: Object.fromEntries(covers),
      isSignedIn: actor.kind === "user",
    },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
});

/** Add (from a product page), change a quantity, or remove a line; works without JavaScript. */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await getActor(request);
  const input = cartActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) {
    return data(
      {
        error: t(actor.locale, firstMessageOf(input.error, "cartPage.badQuantity")),
        listingId: null,
      },
      { status: 400 },
    );
  }
  const { owner, setCookie } = cartOwnerFor(request, actor, {
    create: input.data.intent === "add",
  });
  const db = getDb();
  try {
    if (owner && input.data.intent === "add")
      addToCart(db, owner, input.data.listingId, input.data.qty);
    if (owner && input.data.intent === "set") {
      setCartLineQty(db, owner, input.data.listingId, input.data.qty);
    }
    if (owner && input.data.intent === "remove") removeCartLine(db, owner, input.data.listingId);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // A guest's first add that failed still gets its cookie: nothing else was stored.
    return data(
      { error: error.messageIn(actor.locale), listingId: input.data.listingId },
      { status: error.status, headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
    );
  }
  return redirect("/gio-hang", {
    status: 303,
    headers: setCookie ? { "Set-Cookie": setCookie } : undefined,
  });
});

export default function CartPage() {
  const { cart, covers, isSignedIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  if (!cart || cart.itemCount === 0) {
    return (
      <div>
        <h1 className="mb-4 text-2xl font-bold">{t("cart.title")}</h1>
        {actionData?.error ? (
          <p role="alert" className="mb-4 rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
            {actionData.error}
          </p>
        ) : null}
        <EmptyState
          title={t("cart.emptyTitle")}
          body={t("cart.emptyBody")}
          action={{ href: "/tim-kiem", label: t("cart.emptyAction") }}
        />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("cart.title")}</h1>
      {actionData?.error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {actionData.error}
        </p>
      ) : null}
      {cart.priceChanges.length > 0 ? (
        <PriceChanges title={t("cartPage.pricesChanged")} changes={cart.priceChanges} />
      ) : null}
      {cart.groups.map((group) => (
        <section
          key={group.producer.id}
          aria-labelledby={`producer-${group.producer.id}`}
          className="rounded-xl border border-stone-200 bg-white"
        >
          <h2
            id={`producer-${group.producer.id}`}
            className="border-b border-stone-200 px-4 py-3 font-semibold"
          >
            {t("cart.fromProducer", { name: group.producer.name })}
          </h2>
          <ul className="divide-y divide-stone-200">
            {group.lines.map((line) => {
              const unit = unitLabel(locale, line.unit);
              const qtyId = `qty-${line.listingId}`;
              return (
                <li key={line.listingId} className="space-y-2 p-4">
                  <div className="flex gap-3">
                    <div className="h-16 w-16 shrink-0 overflow-hidden rounded-lg bg-brand-50">
                      <ProductPhoto
                        image={covers[line.listingId] ?? null}
                        width={160}
                        height={160}
                        sizes="64px"
                        placeholderClassName="h-8 w-8"
                      />
                    </div>
                    <div className="flex min-w-0 flex-1 flex-wrap justify-between gap-2">
                      <Link
                        to={`/san-pham/${line.slug}`}
                        className="font-medium text-brand-800 underline underline-offset-2"
                      >
                        {line.title}
                      </Link>
                      <span className="font-semibold">{formatVnd(line.lineTotalVnd, locale)}</span>
                    </div>
                  </div>
                  <p className="text-sm text-stone-700">
                    {t("product.pricePerUnit", { price: formatVnd(line.priceVnd, locale), unit })}
                  </p>
                  {line.problem ? (
                    <p className="text-sm font-medium text-rose-800">
                      {quantityProblemText(locale, line.problem)}
                    </p>
                  ) : null}
                  <div className="flex flex-wrap items-end gap-2">
                    <Form method="post" className="flex items-end gap-2">
                      <input type="hidden" name="intent" value="set" />
                      <input type="hidden" name="listingId" value={line.listingId} />
                      <div>
                        <label htmlFor={qtyId} className="block text-sm font-medium">
                          {t("cartPage.quantityIn", { unit: unitLabel(locale, line.unit, 0) })}
                        </label>
                        <input
                          id={qtyId}
                          name="qty"
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={Math.max(line.stock, line.qty)}
                          defaultValue={line.qty}
                          className="mt-1 w-24 rounded-lg border border-stone-300 px-3 py-2"
                        />
                      </div>
                      <button
                        type="submit"
                        className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium"
                      >
                        {t("cartPage.update")}
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="listingId" value={line.listingId} />
                      <button
                        type="submit"
                        className="rounded-lg px-3 py-2 text-sm font-medium text-rose-800 underline underline-offset-2"
                      >
                        {t("cartPage.remove", { title: line.title })}
                      </button>
                    </Form>
                  </div>
                  <p className="text-xs text-stone-600">
                    {t("journey.buy.minimum", {
                      quantity: formatQuantity(locale, line.minOrderQty, line.unit),
                    })}{" "}
                    {t("journey.buy.available", {
                      quantity: formatQuantity(locale, line.stock, line.unit),
                    })}
                  </p>
                </li>
              );
            })}
          </ul>
          <p className="flex justify-between border-t border-stone-200 px-4 py-3">
            <span>{t("cart.subtotal")}</span>
            <span className="font-semibold">{formatVnd(group.subtotalVnd, locale)}</span>
          </p>
        </section>
      ))}
      <div className="rounded-xl border border-stone-200 bg-white p-4">
        <p className="flex justify-between text-lg font-bold">
          <span>{t("cart.total")}</span>
          <span>{formatVnd(cart.totalVnd, locale)}</span>
        </p>
        <p className="mt-1 text-sm text-stone-700">{t("cartPage.feesLater")}</p>
        {cart.hasProblems ? (
          <p className="mt-3 text-sm font-medium text-rose-800">{t("cartPage.fixProblems")}</p>
        ) : (
          <Link
            to="/thanh-toan"
            className="mt-3 block rounded-lg bg-brand-700 px-4 py-3 text-center font-semibold text-white hover:bg-brand-800"
          >
            {isSignedIn ? t("cart.checkout") : t("cartPage.loginToCheckout")}
          </Link>
        )}
        <Link
          to="/tim-kiem"
          className="mt-2 block rounded-lg border border-stone-300 px-4 py-3 text-center font-semibold text-brand-800 hover:bg-brand-50"
        >
          {t("journey.cart.continue")}
        </Link>
      </div>
    </div>
  );
}
