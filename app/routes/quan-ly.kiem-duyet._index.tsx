import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { FormSuccess } from "~/components/auth-form";
import { Alert } from "~/components/supply/alert";
import { FilterSearch } from "~/components/supply/filter-search";
import { IntentButton } from "~/components/supply/intent-button";
import { ResponsiveImage } from "~/components/supply/responsive-image";
import { revisionFieldNames } from "~/components/supply/revision-fields";
import { StaffNav } from "~/components/supply/workspace-nav";
import { formatDate, formatNumber, t, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { BulkApproveSchema, QUEUE_KINDS } from "~/lib/schemas/listing";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { bulkOutcomePath, readBulkOutcome } from "~/modules/moderation/bulk-outcome.server";
import { bulkApprove } from "~/modules/moderation/decisions.server";
import { moderationQueue, scopeOrgUnits } from "~/modules/moderation/queue.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("moderation.title");

const Filters = z.object({
  kind: z.enum(QUEUE_KINDS).optional().catch(undefined),
  orgUnitId: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
});

const DETAIL_PATH = { listing: "san-pham", revision: "ban-sua", producer: "nha-san-xuat" } as const;

/** The moderation queue of the staff member's subtree, oldest first, with counts per kind. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "listing:moderate");
  const url = new URL(request.url);
  const filters = Filters.parse({
    kind: url.searchParams.get("loai") || undefined,
    orgUnitId: url.searchParams.get("don-vi") || undefined,
    q: url.searchParams.get("q") || undefined,
  });
  const db = getDb();
  const queue = moderationQueue(db, actor, filters);
  return {
    ...queue,
    filters,
    units: scopeOrgUnits(db, actor),
    notice: url.searchParams.get("thong-bao") === "decided",
    bulk: readBulkOutcome(url.searchParams),
  };
});

/**
 * Bulk approval of the ticked items, answered with a redirect to the queue that says what was
 * approved and why the rest was not (out of scope, already decided…).
 */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request, "listing:moderate");
  assertSameOrigin(request);
  const form = await request.formData();
  const parsed = BulkApproveSchema.safeParse({
    intent: form.get("intent"),
    items: form.getAll("items"),
  });
  if (!parsed.success) {
    return data({ error: t(actor.locale, "moderation.error.noneSelected") }, { status: 400 });
  }
  const result = await bulkApprove(getDb(), actor, parsed.data.items, {
    ipAddress: context.clientIp ?? null,
    locale: actor.locale,
  });
  return redirect(bulkOutcomePath(result), 303);
});

export default function ModerationQueuePage() {
  const { items, counts, filters, units, notice, bulk } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const total = counts.listing + counts.revision + counts.producer;
  return (
    <div>
      <StaffNav />
      <h1 className="text-2xl font-bold text-stone-900">{t("moderation.title")}</h1>
      <p className="mt-1 text-stone-700">{t("moderation.intro")}</p>
      <ul className="mt-3 flex flex-wrap gap-2 text-sm">
        {QUEUE_KINDS.map((kind) => (
          <li key={kind} className="rounded-full bg-white px-3 py-1 ring-1 ring-stone-200">
            {t("moderation.kindCount", {
              label: t(`moderation.kind.${kind}`),
              count: formatNumber(counts[kind], locale),
            })}
          </li>
        ))}
      </ul>
      {notice ? (
        <div className="mt-4">
          <FormSuccess>{t("moderation.decided")}</FormSuccess>
        </div>
      ) : null}
      {refused ? (
        <div className="mt-4">
          <Alert className="">{refused.error}</Alert>
        </div>
      ) : null}
      {bulk ? (
        <div className="mt-4 space-y-2">
          <FormSuccess>
            {t("moderation.bulkResult", { count: formatNumber(bulk.approved, locale) })}
          </FormSuccess>
          {bulk.failed.length > 0 ? (
            <div
              role="alert"
              className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900"
            >
              <p className="font-medium">{t("moderation.bulkFailures")}</p>
              <ul className="list-disc pl-5">
                {bulk.failed.map((failure) => (
                  <li key={failure.ref}>
                    {failure.ref}: {t(failure.key)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="filter-kind" className="block text-sm font-medium">
            {t("moderation.filterKind")}
          </label>
          <select
            id="filter-kind"
            name="loai"
            defaultValue={filters.kind ?? ""}
            className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2"
          >
            <option value="">{t("moderation.kind.all")}</option>
            {QUEUE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`moderation.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-unit" className="block text-sm font-medium">
            {t("moderation.filterUnit")}
          </label>
          <select
            id="filter-unit"
            name="don-vi"
            defaultValue={filters.orgUnitId ? String(filters.orgUnitId) : ""}
            className="mt-1 max-w-[16rem] rounded-lg border border-stone-300 bg-white px-3 py-2"
          >
            <option value="">{t("moderation.filterAllUnits")}</option>
            {units.map((unit) => (
              <option key={unit.id} value={String(unit.id)}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
        <FilterSearch
          label={t("moderation.search")}
          defaultValue={filters.q ?? ""}
          submitLabel={t("moderation.filter")}
        />
      </Form>
      {total === 0 || items.length === 0 ? (
        <p className="mt-6 rounded-lg bg-white p-4 text-stone-700">{t("moderation.empty")}</p>
      ) : (
        <Form method="post" className="mt-6">
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {items.map((item) => (
              <li key={item.ref} className="flex items-start gap-3 p-3">
                <input
                  type="checkbox"
                  name="items"
                  value={item.ref}
                  id={`pick-${item.ref}`}
                  aria-label={t("moderation.select", { title: item.title })}
                  className="mt-1 h-5 w-5 shrink-0 rounded border-stone-400"
                />
                <div className="w-16 shrink-0">
                  {item.coverKey && item.coverWidth ? (
                    <ResponsiveImage
                      image={{
                        storageKey: item.coverKey,
                        width: item.coverWidth,
                        height: Math.round((item.coverWidth * 3) / 4),
                        placeholder: "",
                        alt: "",
                      }}
                      sizes="64px"
                      className="aspect-square rounded-md"
                    />
                  ) : null}
                </div>
                <div className="min-w-0 flex-1">
                  <p className="text-xs font-semibold text-stone-600 uppercase">
                    {t(`moderation.kind.${item.kind}`)}
                  </p>
                  <h2 className="font-semibold">
                    <Link
                      to={`/quan-ly/kiem-duyet/${DETAIL_PATH[item.kind]}/${item.id}`}
                      aria-label={t("moderation.open", { title: item.title })}
                      className="text-stone-900 underline-offset-2 hover:underline"
                    >
                      {item.title}
                    </Link>
                  </h2>
                  <p className="text-sm text-stone-700">
                    {item.sku ? `${item.sku} · ` : ""}
                    {t("moderation.producerOf", {
                      producer: item.producerName,
                      unit: item.orgUnitName,
                    })}
                  </p>
                  <p className="text-sm text-stone-600">
                    {t("moderation.submittedAt", {
                      date: formatDate(new Date(item.submittedAt), locale),
                    })}
                    {item.fields.length > 0
                      ? ` · ${t("moderation.changedFields", { fields: revisionFieldNames(t, item.fields) })}`
                      : ""}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          <p className="mt-4">
            <IntentButton intent="bulk_approve">{t("moderation.bulkApprove")}</IntentButton>
          </p>
        </Form>
      )}
    </div>
  );
}
