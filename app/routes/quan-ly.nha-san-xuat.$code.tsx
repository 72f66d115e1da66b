import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { FormSuccess } from "~/components/auth-form";
import {
  CancelOrderForm,
  StandingForm,
  UnpublishForm,
  type StandingRefusal,
} from "~/components/staffproducers/standing-forms";
import { AssistStartPanel } from "~/components/assist-banner";
import { StaffNav } from "~/components/supply/workspace-nav";
import { formatDate, formatNumber, isMessageKey, t, useLocale, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import { orderStatusKey } from "~/lib/orders";
import { DECLARED_MEMBER_COUNTS } from "~/lib/producer-counts";
import { ProducerActionSchema } from "~/lib/schemas/staffproducers";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { unpublishListing } from "~/modules/moderation/unpublish.server";
import { getDb } from "~/modules/platform/db.server";
import { formErrorKeepingEntries, handle } from "~/modules/platform/http.server";
import { producerPage, scopedProducerByCode } from "~/modules/producers/directory.server";
import { assistStateOf } from "~/modules/assist/producers.server";
import {
  cancelProducerOrder,
  reinstateProducer,
  suspendProducer,
} from "~/modules/producers/suspension.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(
    locale,
    t(locale, "staffproducers.page.title", { name: data?.producer.name ?? "" }),
  );
};

const DONE_KEYS = {
  "tam-ngung": "staffproducers.done.suspended",
  "hoat-dong": "staffproducers.done.reinstated",
  "da-go": "staffproducers.done.unpublished",
  "huy-don": "staffproducers.done.orderCancelled",
} as const;
/** The orders staff may still cancel (a delivered one waits for the buyer instead). */
const CANCELLABLE = new Set(["pending_payment", "confirmed", "shipping"]);

const Done = z.enum(["tam-ngung", "hoat-dong", "da-go", "huy-don"]).nullable().catch(null);

/** One producer of the staff member's subtree (`producer:view`): profile, counts, listings. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "producer:view");
  const db = getDb();
  const page = producerPage(db, actor, params.code ?? "");
  return {
    ...page,
    assist: assistStateOf(db, actor, page.producer.id),
    done: Done.parse(new URL(request.url).searchParams.get("xong")),
  };
});

/**
 * Suspend, reinstate, cancel one of her open orders (`producer:suspend` over its unit) or
 * unpublish one of its listings (`listing:moderate`). The same roles hold both, so anyone else is refused before the form
 * is read; the module checks the unit.
 */
export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request, "producer:suspend");
  assertSameOrigin(request);
  const db = getDb();
  const code = params.code ?? "";
  const formData = await request.formData();
  const values = Object.fromEntries(
    [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const submission = parseWithZod(formData, { schema: ProducerActionSchema });
  if (submission.status !== "success") {
    // The producer first, so a page of another subtree is "not found" whatever was sent.
    scopedProducerByCode(db, actor, code);
    const fieldErrors: Record<string, string> = {};
    for (const [field, messages] of Object.entries(submission.error ?? {})) {
      const message = messages?.[0];
      if (message) fieldErrors[field] = isMessageKey(message) ? t(actor.locale, message) : message;
    }
    return data<StandingRefusal>({ formError: null, fieldErrors, values }, { status: 400 });
  }
  const input = submission.value;
  const change = { reason: input.reason, ipAddress: context.clientIp ?? null };
  try {
    if (input.intent === "suspend") suspendProducer(db, actor, code, change);
    else if (input.intent === "reinstate") reinstateProducer(db, actor, code, change);
    else if (input.intent === "cancelOrder") {
      cancelProducerOrder(db, actor, code, { orderId: input.orderId, reason: input.reason });
    } else unpublishListing(db, actor, { listingId: input.listingId, producerCode: code }, change);
  } catch (error) {
    return formErrorKeepingEntries(error, actor.locale, formData);
  }
  const done = {
    suspend: "tam-ngung",
    reinstate: "hoat-dong",
    unpublish: "da-go",
    cancelOrder: "huy-don",
  }[input.intent];
  return redirect(`/quan-ly/nha-san-xuat/${encodeURIComponent(code)}?xong=${done}`);
});

export default function StaffProducerPage() {
  const {
    producer,
    unitName,
    listings,
    openOrders,
    canSuspend,
    canModerate,
    canVerify,
    assist,
    done,
  } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const here = `/quan-ly/nha-san-xuat/${producer.code}`;
  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <p>
        <Link to="/quan-ly/nha-san-xuat" className="text-sm font-semibold text-brand-800 underline">
          {t("staffproducers.page.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">
        {t("staffproducers.page.title", { name: producer.name })}
      </h1>
      <p className="text-stone-700">
        {producer.code} · {t(`producerKind.${producer.kind}`)} · {producer.commune}
      </p>
      {done ? <FormSuccess>{t(DONE_KEYS[done])}</FormSuccess> : null}
      <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-2 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-[14rem_1fr]">
        <dt className="font-medium text-stone-700">{t("staffproducers.page.status")}</dt>
        <dd>
          <strong>{t(`verification.${producer.verificationStatus}`)}</strong>
          {producer.verificationStatus === "suspended" && producer.suspendedAt ? (
            <span className="block text-sm">
              {t("staffproducers.page.suspended", {
                date: formatDate(producer.suspendedAt, locale),
                reason: producer.suspensionReason ?? "—",
              })}
            </span>
          ) : null}
          {producer.verificationNote ? (
            <span className="block text-sm text-stone-700">
              {t("staffproducers.page.verificationNote", {
                date: producer.verificationNoteAt
                  ? formatDate(producer.verificationNoteAt, locale)
                  : "—",
                note: producer.verificationNote,
              })}
            </span>
          ) : null}
          {canVerify && producer.verificationStatus === "pending" ? (
            <Link
              to={`/quan-ly/kiem-duyet/nha-san-xuat/${producer.id}`}
              className="block text-sm font-medium text-brand-800 underline"
            >
              {t("staffproducers.page.verifyLink")}
            </Link>
          ) : null}
        </dd>
        <dt className="font-medium text-stone-700">{t("staffproducers.page.unit")}</dt>
        <dd>{unitName}</dd>
        <dt className="font-medium text-stone-700">{t("producer.address")}</dt>
        <dd>{producer.address}</dd>
        <dt className="font-medium text-stone-700">{t("staffproducers.page.contact")}</dt>
        <dd>{[producer.phone, producer.email].filter(Boolean).join(" · ") || "—"}</dd>
        {DECLARED_MEMBER_COUNTS.map(([field, label]) => (
          <div key={field} className="contents">
            <dt className="font-medium text-stone-700">{t(label)}</dt>
            <dd>{formatNumber(producer[field], locale)}</dd>
          </div>
        ))}
        <dt className="font-medium text-stone-700">{t("producer.founded")}</dt>
        <dd>{producer.foundedYear ?? "—"}</dd>
        <dt className="font-medium text-stone-700">{t("staffproducers.page.registeredOn")}</dt>
        <dd>{formatDate(producer.createdAt, locale)}</dd>
      </dl>
      {assist.canAssist ? (
        <AssistStartPanel
          producerId={producer.id}
          producerName={producer.name}
          isActive={assist.isActive}
        />
      ) : null}
      <section aria-labelledby="producer-orders" className="mt-4 rounded-lg bg-stone-100 px-4 py-3">
        <h2 id="producer-orders" className="font-semibold">
          {t("staffproducers.page.openOrders", {
            count: formatNumber(openOrders.length, locale),
          })}
        </h2>
        <p className="text-sm">{t("staffproducers.page.openOrdersHint")}</p>
        {openOrders.length > 0 ? (
          <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {openOrders.map((order) => (
              <li key={order.id} className="p-3">
                <p className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium">
                    {order.code} · {order.buyerName}
                  </span>
                  <span>{formatVnd(order.totalVnd, locale)}</span>
                </p>
                <p className="text-sm text-stone-700">
                  {t(orderStatusKey(order))} · {formatDate(order.createdAt, locale)}
                </p>
                {canSuspend && CANCELLABLE.has(order.status) ? (
                  <CancelOrderForm
                    orderId={order.id}
                    orderCode={order.code}
                    action={here}
                    refusal={refusal}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {canSuspend && producer.verificationStatus === "verified" ? (
        <StandingForm intent="suspend" producerName={producer.name} refusal={refusal} />
      ) : null}
      {canSuspend && producer.verificationStatus === "suspended" ? (
        <StandingForm intent="reinstate" producerName={producer.name} refusal={refusal} />
      ) : null}
      <section aria-labelledby="producer-listings" className="mt-6">
        <h2 id="producer-listings" className="text-lg font-semibold">
          {t("staffproducers.page.listings", { count: formatNumber(listings.length, locale) })}
        </h2>
        {listings.length === 0 ? (
          <p className="mt-2 rounded-lg bg-stone-100 px-4 py-3">
            {t("staffproducers.page.noListings")}
          </p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {listings.map((listing) => (
              <li key={listing.id} className="p-4">
                <div className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium">
                    {listing.title} <span className="text-sm text-stone-600">({listing.sku})</span>
                  </span>
                  <span className="text-sm font-medium">
                    {t(`listingStatus.${listing.status}`)}
                  </span>
                </div>
                <p className="text-sm text-stone-700">
                  {t("product.pricePerUnit", {
                    price: formatVnd(listing.priceVnd, locale),
                    unit: unitLabel(locale, listing.unit),
                  })}
                </p>
                {canModerate ? (
                  <Link
                    to={`/quan-ly/kiem-duyet/san-pham/${listing.id}`}
                    className="text-sm font-medium text-brand-800 underline"
                  >
                    {t("staffproducers.page.review")}
                  </Link>
                ) : null}
                {canModerate && listing.status === "published" ? (
                  <UnpublishForm listingId={listing.id} action={here} refusal={refusal} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
