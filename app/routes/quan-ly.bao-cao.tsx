import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { Alert } from "~/components/supply/alert";
import { PeriodForm } from "~/components/reports/period-form";
import {
  ReportDefinitions,
  ReportNotes,
  ReportPeriodLines,
} from "~/components/reports/report-notes";
import { ReportSections } from "~/components/reports/report-sections";
import { StaffNav } from "~/components/supply/workspace-nav";
import { vietnamToday } from "~/lib/dates";
import { t as translate, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { requireStaff } from "~/modules/auth/session.server";
import { listUnitsInScope } from "~/modules/org/tree.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { outcomeReport } from "~/modules/reports/outcome.server";
import { periodOf, previousPeriod } from "~/modules/reports/periods";
import {
  periodFormTarget,
  readReportQuery,
  reportHref,
  type ReportQueryError,
} from "~/modules/reports/report-query";
import type { ReportTableId } from "~/modules/reports/tables";

export const meta = titledPage("reports.title");

const PAGE = "/quan-ly/bao-cao";

/** The usual periods as links, from today: this and last month, quarter and year. */
function quickPeriods(today: string, unitCode: string | null) {
  const month = periodOf("month", today);
  const quarter = periodOf("quarter", today);
  const year = periodOf("year", today);
  const href = (period: { from: string; to: string }) => reportHref(PAGE, { unitCode, period });
  return [
    { key: "reports.quick.thisMonth" as const, href: href(month) },
    { key: "reports.quick.lastMonth" as const, href: href(previousPeriod(month, "month")) },
    { key: "reports.quick.thisQuarter" as const, href: href(quarter) },
    { key: "reports.quick.lastQuarter" as const, href: href(previousPeriod(quarter, "quarter")) },
    { key: "reports.quick.thisYear" as const, href: href(year) },
    { key: "reports.quick.lastYear" as const, href: href(previousPeriod(year, "year")) },
  ];
}

/**
 * The outcome report of a unit's subtree (issue 12, item 3): staff with `report:view`, for a
 * unit of their subtree (another unit is 403, an unknown one 404). A period form sent with
 * `ky=` is redirected to its `?tu=&den=` address; unreadable dates show the form again with
 * the error, as a 400.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "report:view");
  const url = new URL(request.url);
  const db = getDb();
  const today = vietnamToday();
  const units = listUnitsInScope(db, actor, "report:view").map(({ code, name, depth }) => ({
    code,
    name,
    depth,
  }));
  const target = periodFormTarget(PAGE, url.searchParams);
  if (target && "href" in target) throw redirect(target.href);
  const read = readReportQuery(url.searchParams, today);
  const error: ReportQueryError | null =
    target && "error" in target ? target.error : read.ok ? null : read.error;
  const unitCode = url.searchParams.get("don-vi")?.trim() || null;
  if (error || !read.ok) {
    return data(
      {
        report: null,
        kind: "custom" as const,
        units,
        unitCode,
        quick: quickPeriods(today, unitCode),
        error: error && {
          field: error.field,
          message: translate(actor.locale, error.messageKey, error.params),
        },
        canExport: false,
      },
      { status: 400 },
    );
  }
  const report = outcomeReport(db, actor, read.query);
  const canExport = listUnitsInScope(db, actor, "report:export").some(
    (unit) => unit.code === report.unit.code,
  );
  return {
    report,
    kind: read.query.kind,
    units,
    unitCode: report.unit.code,
    quick: quickPeriods(today, report.unit.code),
    error: null,
    canExport,
  };
});

export default function ReportPage() {
  const { report, kind, units, unitCode, quick, error, canExport } = useLoaderData<typeof loader>();
  const t = useT();
  const at = (code: string, base = PAGE, extra: Record<string, string> = {}) =>
    report ? reportHref(base, { unitCode: code, period: report.period }, extra) : base;
  const exportsOf = (table: ReportTableId) => {
    const extra: Record<string, string> = table === "don-vi" ? {} : { bang: table };
    return {
      csv: at(report?.unit.code ?? "", "/quan-ly/bao-cao.csv", extra),
      xlsx: at(report?.unit.code ?? "", "/quan-ly/bao-cao.xlsx", extra),
    };
  };
  return (
    <div>
      <StaffNav />
      <h1 className="text-2xl font-bold text-stone-900">{t("reports.title")}</h1>
      <p className="mt-1 text-stone-700">{t("reports.intro")}</p>
      {report ? (
        <>
          {report.ancestors.length > 0 ? (
            <nav aria-label={t("reports.breadcrumb")} className="mt-3 text-sm">
              <ol className="flex flex-wrap gap-1">
                {report.ancestors.map((ancestor) => (
                  <li key={ancestor.code}>
                    <Link to={at(ancestor.code)} className="text-brand-800 underline">
                      {ancestor.name}
                    </Link>{" "}
                    ›
                  </li>
                ))}
                <li aria-current="page">{report.unit.name}</li>
              </ol>
            </nav>
          ) : null}
          <ReportPeriodLines
            report={report}
            classNames={{ current: "mt-3 text-lg font-semibold", previous: "text-stone-700" }}
          />
        </>
      ) : null}
      {error ? <Alert>{error.message}</Alert> : null}
      <div className="mt-4">
        <PeriodForm
          action={PAGE}
          kind={kind}
          period={report?.period ?? null}
          unitCode={unitCode}
          units={units}
          quick={quick}
          errors={error ? { [error.field]: error.message } : {}}
        />
      </div>
      {report ? (
        <>
          <ReportNotes />
          <section aria-labelledby="tai-ve" className="mt-6">
            <h2 id="tai-ve" className="text-lg font-semibold">
              {t("reports.export.title")}
            </h2>
            {canExport ? (
              <p className="mt-1 text-sm text-stone-700">{t("reports.export.intro")}</p>
            ) : null}
            <p className="mt-2">
              <Link
                to={at(report.unit.code, "/quan-ly/bao-cao/in")}
                className="font-semibold text-brand-800 underline underline-offset-2"
              >
                {t("reports.print.link")}
              </Link>
            </p>
          </section>
          <p className="mt-6 text-sm text-stone-600 sm:hidden">{t("reports.table.scrollHint")}</p>
          <ReportSections
            report={report}
            hrefOf={(code) => at(code)}
            exportsOf={canExport ? exportsOf : undefined}
          />
          <ReportDefinitions />
        </>
      ) : null}
    </div>
  );
}
