import { FilterSelect } from "~/components/filter-select";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Pagination } from "~/components/pagination";
import { StaffNav } from "~/components/supply/workspace-nav";
import { formatDateTime, formatNumber, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import type { AuditField } from "~/modules/audit/masking.server";
import { auditFilterChoices, auditLogPage } from "~/modules/audit/log.server";
import { requireStaff } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("oversight.audit.title");

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Filters from the query string; anything malformed is simply ignored. */
const Filters = z.object({
  action: z.string().max(80).optional().catch(undefined),
  entityType: z.string().max(80).optional().catch(undefined),
  from: Day.optional().catch(undefined),
  to: Day.optional().catch(undefined),
  page: z.coerce.number().int().positive().max(100_000).optional().catch(undefined),
});

/**
 * The audit log of the staff member's subtree (`audit:view`), newest first, filtered by
 * action, object and days; personal fields are masked unless she is an admin over the entry.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "audit:view");
  const url = new URL(request.url);
  const filters = Filters.parse({
    action: url.searchParams.get("hanh-dong") || undefined,
    entityType: url.searchParams.get("doi-tuong") || undefined,
    from: url.searchParams.get("tu") || undefined,
    to: url.searchParams.get("den") || undefined,
    page: url.searchParams.get("trang") || undefined,
  });
  const db = getDb();
  return {
    filters,
    entries: auditLogPage(db, actor, filters),
    choices: auditFilterChoices(db, actor),
  };
});

function FieldList({ label, fields }: { label: string; fields: AuditField[] }) {
  const t = useT();
  if (fields.length === 0) return null;
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold text-stone-600 uppercase">{label}</p>
      <dl className="mt-1 space-y-0.5 text-sm">
        {fields.map((field) => (
          <div key={field.path} className="flex flex-wrap gap-x-2">
            <dt className="font-mono text-stone-600">{field.path}</dt>
            <dd className="min-w-0 break-words">
              {field.masked ? (
                <span className="text-stone-500 italic">{t("oversight.audit.masked")}</span>
              ) : (
                field.value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const labelClass = "block text-sm font-medium";
const selectClass = "mt-1 max-w-[16rem] rounded-lg border border-stone-300 bg-white px-3 py-2";

export default function AuditLogPage() {
  const { filters, entries, choices } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const anyMasked = entries.items.some((entry) => entry.masked);
  return (
    <div>
      <StaffNav />
      <h1 className="text-2xl font-bold text-stone-900">{t("oversight.audit.title")}</h1>
      <p className="mt-1 text-stone-700">{t("oversight.audit.intro")}</p>
      {anyMasked ? (
        <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("oversight.audit.maskedNote")}
        </p>
      ) : null}
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <FilterSelect
          id="audit-action"
          name="hanh-dong"
          label={t("oversight.audit.filterAction")}
          value={filters.action}
          anyLabel={t("oversight.audit.allActions")}
          options={choices.actions.map((action) => ({ value: action, label: action }))}
          labelClassName={labelClass}
          selectClassName={selectClass}
        />
        <FilterSelect
          id="audit-entity"
          name="doi-tuong"
          label={t("oversight.audit.filterEntity")}
          value={filters.entityType}
          anyLabel={t("oversight.audit.allEntities")}
          options={choices.entityTypes.map((type) => ({ value: type, label: type }))}
          labelClassName={labelClass}
          selectClassName={selectClass}
        />
        <div>
          <label htmlFor="audit-from" className={labelClass}>
            {t("oversight.audit.from")}
          </label>
          <input
            id="audit-from"
            type="date"
            name="tu"
            defaultValue={filters.from ?? ""}
            className={selectClass}
          />
        </div>
        <div>
          <label htmlFor="audit-to" className={labelClass}>
            {t("oversight.audit.to")}
          </label>
          <input
            id="audit-to"
            type="date"
            name="den"
            defaultValue={filters.to ?? ""}
            className={selectClass}
          />
        </div>
        <button
          type="submit"
          className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("oversight.audit.filter")}
        </button>
      </Form>
      <p className="mt-4 text-sm text-stone-700">
        {t("oversight.audit.count", { count: formatNumber(entries.total, locale) })}
      </p>
      {entries.items.length === 0 ? (
        <p className="mt-4 rounded-lg bg-white p-4 text-stone-700">{t("oversight.audit.empty")}</p>
      ) : (
        <ol className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {entries.items.map((entry) => (
            <li key={entry.id} className="p-3" data-audit-entry={entry.id}>
              <p className="flex flex-wrap gap-x-3 text-sm text-stone-600">
                <time dateTime={new Date(entry.createdAt).toISOString()}>
                  {formatDateTime(entry.createdAt, locale)}
                </time>
                <span>{entry.unitName ?? t("oversight.audit.wholeSite")}</span>
                {entry.masked ? <span>{t("oversight.audit.maskedBadge")}</span> : null}
              </p>
              <p className="mt-1">
                <span className="font-mono font-semibold">{entry.action}</span> ·{" "}
                {t("oversight.audit.entity", { type: entry.entityType, id: entry.entityId })} ·{" "}
                {entry.actorName ??
                  (entry.actorUserId === null
                    ? t("oversight.audit.system")
                    : t("oversight.audit.userMasked", { id: entry.actorUserId }))}
              </p>
              {entry.assistedProducerName ? (
                <p className="text-sm font-medium text-accent-700">
                  {t("assist.log.both", {
                    staff: entry.actorName ?? t("assist.log.someStaff"),
                    producer: entry.assistedProducerName,
                  })}
                </p>
              ) : null}
              {entry.ipAddress ? (
                <p className="text-xs text-stone-500">
                  {t("oversight.audit.ip", { ip: entry.ipAddress })}
                </p>
              ) : null}
              <div className="mt-2 grid gap-3 sm:grid-cols-2">
                <FieldList label={t("oversight.audit.before")} fields={entry.before} />
                <FieldList label={t("oversight.audit.after")} fields={entry.after} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={entries.page} pageCount={entries.pageCount} />
    </div>
  );
}
