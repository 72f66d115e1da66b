import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { Pagination } from "~/components/pagination";
import { formatDate, formatNumber, useLocale, useT, type MessageKey } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { formatVnd } from "~/lib/money";
import { requireProducerActor } from "~/modules/auth/session.server";
import { memberInbox, type InboxItem } from "~/modules/demand/inbox.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("demand.inbox.title");

const querySchema = z.object({
  nsx: z.string().trim().min(1).max(40).optional().catch(undefined),
  trang: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** A producer's inbox of purchase requests: matched to its goods or invited by staff, newest first. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "orders");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return memberInbox(getDb(), actor, { producerCode: query.nsx, page: query.trang });
});

export default function RequestInbox() {
  const { producers, producerCode, inbox } = useLoaderData<typeof loader>();
  const t = useT();
  const pageCount = Math.max(1, Math.ceil(inbox.total / inbox.perPage));
  return (
    <div>
      <h1 className="text-2xl font-bold text-stone-900">{t("demand.inbox.title")}</h1>
      <p className="mt-1 max-w-prose text-stone-700">{t("demand.inbox.intro")}</p>
      {producers.length > 1 ? (
        <Form method="get" className="mt-4 flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium text-stone-800">
            {t("demand.inbox.producer")}
            <select
              name="nsx"
              defaultValue={producerCode}
              className="mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
            >
              {producers.map((producer) => (
                <option key={producer.code} value={producer.code}>
                  {producer.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="rounded-lg border border-stone-300 bg-white px-3 py-2 font-medium"
          >
            {t("demand.inbox.show")}
          </button>
        </Form>
      ) : null}
      {inbox.items.length === 0 ? (
        <div className="mt-6">
          <EmptyState title={t("demand.inbox.empty")} />
        </div>
      ) : (
        <ul className="mt-6 space-y-4">
          {inbox.items.map((item) => (
            <li key={item.code}>
              <InboxCard item={item} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={inbox.page} pageCount={pageCount} />
    </div>
  );
}

const OFFER_KEYS = {
  submitted: "demand.inbox.offer.submitted",
  accepted: "demand.inbox.offer.accepted",
  declined: "demand.inbox.offer.declined",
  withdrawn: "demand.inbox.offer.withdrawn",
} as const satisfies Record<string, MessageKey>;

/** One request: what is needed, where and by when, why it is here, and the producer's own offer. */
function InboxCard({ item }: { item: InboxItem }) {
  const t = useT();
  const locale = useLocale();
  const date = formatDate(item.neededBy, locale);
  const when =
    item.recurrence === "weekly"
      ? t("demand.inbox.weeklyUntil", { date })
      : item.recurrence === "monthly"
        ? t("demand.inbox.monthlyUntil", { date })
        : t("demand.inbox.neededBy", { date });
  const canAnswer = item.offer === null || item.offer.status === "withdrawn";
  return (
    <article
      aria-labelledby={`request-${item.code}`}
      className="rounded-xl border border-stone-200 bg-white p-4"
    >
      {item.invitation ? (
        <p className="mb-2 inline-block rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-900">
          {t("demand.inbox.invited")}
        </p>
      ) : null}
      <h2 id={`request-${item.code}`} className="break-words text-lg font-semibold">
        <Link
          to={`/yeu-cau-mua/${item.code}`}
          className="text-brand-800 underline underline-offset-2"
        >
          {item.title}
        </Link>
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        {item.code}
        {item.categoryName ? ` · ${item.categoryName}` : ""}
      </p>
      <ul className="mt-2 space-y-0.5 text-stone-800">
        <li>
          {t("demand.inbox.quantity", {
            quantity: formatNumber(item.quantity, locale),
            unit: item.unit,
          })}
        </li>
        <li>{when}</li>
        <li className="break-words">
          {t("demand.inbox.deliverTo", { place: item.deliveryLocation })}
        </li>
      </ul>
      {item.invitation?.note ? (
        <p className="mt-2 break-words text-sm text-stone-800">
          {t("demand.inbox.invitationNote", { note: item.invitation.note })}
        </p>
      ) : null}
      {item.reasons.length > 0 ? (
        <p className="mt-2 text-sm text-stone-700">
          <span className="font-medium">{t("demand.inbox.why")} </span>
          {item.reasons.map((reason) => t(reason.key, reason.params)).join(" · ")}
        </p>
      ) : null}
      {item.listings.length > 0 ? (
        <p className="mt-1 break-words text-sm text-stone-700">
          <span className="font-medium">{t("demand.inbox.yourListings")} </span>
          {item.listings.map((listing, i) => (
            <span key={listing.sku}>
              {i > 0 ? ", " : ""}
              <Link to={`/san-pham/${listing.slug}`} className="underline underline-offset-2">
                {listing.title}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <p className="mt-3 text-sm font-medium text-stone-900">
        {item.offer
          ? t(OFFER_KEYS[item.offer.status], {
              price: formatVnd(item.offer.priceVnd, locale),
              unit: item.offer.unit,
            })
          : t("demand.inbox.offer.none")}
      </p>
      <p className="mt-3 flex flex-wrap gap-2">
        {canAnswer ? (
          <Link
            to={`/yeu-cau-mua/${item.code}/chao-gia`}
            className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            {t("demand.inbox.answer")}
          </Link>
        ) : null}
        <Link
          to={`/yeu-cau-mua/${item.code}`}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-brand-800"
        >
          {t("demand.inbox.viewRequest")}
        </Link>
      </p>
    </article>
  );
}
