import { FilterSelect } from "~/components/filter-select";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { inputClass } from "~/components/auth-form";
import { Pagination } from "~/components/pagination";
import { StaffNav } from "~/components/supply/workspace-nav";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import {
  directoryFiltersOf,
  PRODUCER_KIND_FILTER_OPTIONS,
  PRODUCER_STATUS_OPTIONS,
} from "~/lib/schemas/staffproducers";
import { scopePaths } from "~/modules/auth/permissions.server";
import { requireStaff } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { communeChoices, listProducers } from "~/modules/producers/directory.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("staffproducers.directory.title");

/** The producers of the staff member's subtree (`producer:view`), searched and filtered. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "producer:view");
  const filters = directoryFiltersOf(new URL(request.url).searchParams);
  const db = getDb();
  return {
    filters,
    producers: listProducers(db, actor, filters),
    communes: communeChoices(db, actor),
    canCreate: scopePaths(actor, "producer:assist").length > 0,
  };
});

export default function ProducerDirectoryPage() {
  const { filters, producers, communes, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-5">
      <StaffNav />
      <header>
        <h1 className="text-2xl font-bold text-stone-900">{t("staffproducers.directory.title")}</h1>
        <p className="text-stone-700">{t("staffproducers.directory.intro")}</p>
        {canCreate ? (
          <p className="mt-2">
            <Link
              to="/quan-ly/nha-san-xuat/moi"
              className="font-semibold text-brand-800 underline underline-offset-2"
            >
              {t("assist.new.link")}
            </Link>
          </p>
        ) : null}
      </header>
      <Form
        method="get"
        className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-4"
      >
        <div className="sm:col-span-4">
          <label htmlFor="directory-q" className="block font-medium text-stone-900">
            {t("staffproducers.directory.search")}
          </label>
          <input
            id="directory-q"
            name="q"
            type="search"
            maxLength={100}
            defaultValue={filters.query ?? ""}
            className={inputClass}
          />
        </div>
        <FilterSelect
          id="directory-status"
          name="trang-thai"
          label={t("staffproducers.directory.status")}
          value={filters.status}
          anyLabel={t("staffproducers.directory.any")}
          options={PRODUCER_STATUS_OPTIONS.map((status) => ({
            value: status,
            label: t(`verification.${status}`),
          }))}
          selectClassName={inputClass}
        />
        <FilterSelect
          id="directory-commune"
          name="xa"
          label={t("staffproducers.directory.commune")}
          value={filters.commune}
          anyLabel={t("staffproducers.directory.any")}
          options={communes.map((commune) => ({ value: commune, label: commune }))}
          selectClassName={inputClass}
        />
        <FilterSelect
          id="directory-kind"
          name="loai"
          label={t("staffproducers.directory.kind")}
          value={filters.kind}
          anyLabel={t("staffproducers.directory.any")}
          options={PRODUCER_KIND_FILTER_OPTIONS.map((kind) => ({
            value: kind,
            label: t(`producerKind.${kind}`),
          }))}
          selectClassName={inputClass}
        />
        <div className="flex items-end gap-3">
          <button
            type="submit"
            className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {t("staffproducers.directory.apply")}
          </button>
          <Link to="/quan-ly/nha-san-xuat" className="py-2.5 font-medium text-brand-800 underline">
            {t("staffproducers.directory.clear")}
          </Link>
        </div>
      </Form>
      <section aria-labelledby="directory-count">
        <h2 id="directory-count" className="mb-2 text-lg font-semibold">
          {t("staffproducers.directory.count", { count: formatNumber(producers.total, locale) })}
        </h2>
        {producers.items.length === 0 ? (
          <p className="rounded-lg bg-stone-100 px-4 py-3">{t("staffproducers.directory.empty")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {producers.items.map((producer) => (
              <li key={producer.code} className="flex flex-wrap justify-between gap-2 p-4">
                <div>
                  <Link
                    to={`/quan-ly/nha-san-xuat/${producer.code}`}
                    className="font-semibold text-brand-800 underline underline-offset-2"
                  >
                    {producer.name}
                  </Link>
                  <p className="text-sm text-stone-700">
                    {producer.code} · {t(`producerKind.${producer.kind}`)} · {producer.commune} ·{" "}
                    {producer.unitName}
                  </p>
                </div>
                <div className="text-right text-sm">
                  <p className="font-medium">{t(`verification.${producer.verificationStatus}`)}</p>
                  <p className="text-stone-600">
                    {t("staffproducers.directory.listings", {
                      count: formatNumber(producer.publishedListings, locale),
                    })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={producers.page} pageCount={producers.pageCount} />
      </section>
    </div>
  );
}
