import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { FilterSearch } from "~/components/supply/filter-search";
import { ResponsiveImage } from "~/components/supply/responsive-image";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import { titledPage } from "~/lib/i18n/meta";
import { formatVnd } from "~/lib/money";
import { requireProducerActor } from "~/modules/auth/session.server";
import { listWorkspaceListings } from "~/modules/listings/queries.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { LISTING_STATUSES } from "~db/schema";

export const meta: MetaFunction = titledPage("listings.title");

const Filters = z.object({
  status: z.enum(LISTING_STATUSES).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
});

/** The producer's listings, newest change first, filtered by status or name. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "listings");
  const url = new URL(request.url);
  const filters = Filters.parse({
    status: url.searchParams.get("trang-thai") || undefined,
    q: url.searchParams.get("q") || undefined,
  });
  return {
    listings: listWorkspaceListings(getDb(), actor, filters),
    filters,
    showProducer: actor.producers.length > 1,
  };
});

export default function WorkspaceListings() {
  const { listings, filters, showProducer } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold text-stone-900">{t("listings.title")}</h1>
        <Link
          to="/ban-hang/san-pham/moi"
          className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("listings.new")}
        </Link>
      </div>
      <p className="mt-1 text-stone-700">{t("listings.intro")}</p>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="filter-status" className="block text-sm font-medium">
            {t("listings.filterStatus")}
          </label>
          <select
            id="filter-status"
            name="trang-thai"
            defaultValue={filters.status ?? ""}
            className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2"
          >
            <option value="">{t("listings.filterAll")}</option>
            {LISTING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`listingStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <FilterSearch
          label={t("listings.searchLabel")}
          defaultValue={filters.q ?? ""}
          submitLabel={t("listings.filterSubmit")}
        />
      </Form>
      <p className="mt-4 text-sm text-stone-600">
        {t("listings.count", { count: formatNumber(listings.length, locale) })}
      </p>
      {listings.length === 0 ? (
        <p className="mt-4 rounded-lg bg-white p-4 text-stone-700">{t("listings.empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {listings.map((listing) => (
            <li key={listing.id} className="flex gap-3 p-3">
              <div className="w-20 shrink-0">
                {listing.coverKey && listing.coverWidth && listing.coverPlaceholder ? (
                  <ResponsiveImage
                    image={{
                      storageKey: listing.coverKey,
                      width: listing.coverWidth,
                      height: Math.round((listing.coverWidth * 3) / 4),
                      placeholder: listing.coverPlaceholder,
                      alt: "",
                    }}
                    sizes="80px"
                    className="aspect-square rounded-lg"
                  />
                ) : (
                  <div className="flex aspect-square items-center justify-center rounded-lg bg-stone-100 text-center text-xs text-stone-600">
                    {t("listings.noPhoto")}
                  </div>
                )}
              </div>
              <div className="min-w-0 flex-1">
                <h2 className="font-semibold">
                  <Link
                    to={`/ban-hang/san-pham/${listing.sku}`}
                    className="text-stone-900 underline-offset-2 hover:underline"
                    aria-label={t("listings.edit", { title: listing.title })}
                  >
                    {listing.title}
                  </Link>
                </h2>
                <p className="text-sm text-stone-700">
                  {listing.sku} · {formatVnd(listing.priceVnd, locale)}/
                  {unitLabel(locale, listing.unit)} ·{" "}
                  {t("listings.stock", { qty: formatNumber(listing.stock, locale) })}
                  {showProducer ? ` · ${listing.producerName}` : ""}
                </p>
                <p className="mt-1 flex flex-wrap gap-2 text-sm">
                  <span className="rounded-full bg-stone-100 px-2 py-0.5 font-medium text-stone-800">
                    {t(`listingStatus.${listing.status}`)}
                  </span>
                  {listing.openRevisionStatus === "pending" ? (
                    <span className="rounded-full bg-amber-100 px-2 py-0.5 text-amber-900">
                      {t("listings.revisionPending")}
                    </span>
                  ) : null}
                  {listing.openRevisionStatus === "changes_requested" ? (
                    <span className="rounded-full bg-red-100 px-2 py-0.5 text-red-900">
                      {t("listings.revisionChangesRequested")}
                    </span>
                  ) : null}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
