import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { PrintButton } from "~/components/print-button";
import {
  ReportDefinitions,
  ReportNotes,
  ReportPeriodLines,
} from "~/components/reports/report-notes";
import { ReportSections } from "~/components/reports/report-sections";
import { vietnamToday } from "~/lib/dates";
import { Invalid } from "~/lib/errors";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { requireStaff } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { outcomeReport } from "~/modules/reports/outcome.server";
import { readReportQuery, reportHref } from "~/modules/reports/report-query";

export const meta = titledPage("reports.print.title");

/**
 * The report on A4 paper for the Union's periodic report upward: the same tables and charts
 * as /quan-ly/bao-cao, without the forms and links, fitting the printable width.
 * `report:view` over the unit; unreadable dates are a 400.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "report:view");
  const read = readReportQuery(new URL(request.url).searchParams, vietnamToday());
  if (!read.ok) {
    throw new Invalid(read.error.messageKey, read.error.params, { field: read.error.field });
  }
  return { report: outcomeReport(getDb(), actor, read.query), today: vietnamToday() };
});

export default function ReportPrintView() {
  const { report, today } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <article className="mx-auto max-w-3xl bg-white p-4 print:max-w-none print:p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link
          to={reportHref("/quan-ly/bao-cao", { unitCode: report.unit.code, period: report.period })}
          className="font-medium text-brand-800 underline underline-offset-2"
        >
          {t("reports.print.back")}
        </Link>
        <PrintButton label={t("reports.print.print")} />
      </div>
      <header className="mt-4 text-center print:mt-0">
        <p className="font-semibold uppercase">{report.unit.name}</p>
        <h1 className="mt-2 text-xl font-bold uppercase print:text-lg">
          {t("reports.print.title")}
        </h1>
        <ReportPeriodLines report={report} classNames={{ current: "mt-1", previous: "text-sm" }} />
      </header>
      <ReportNotes />
      <ReportSections report={report} />
      <ReportDefinitions />
      <p className="mt-6 text-sm">
        {t("reports.print.madeOn", { date: formatDate(today, locale) })}
      </p>
      <div className="mt-6 grid break-inside-avoid grid-cols-2 gap-4 text-center text-sm">
        <p>
          <span className="font-semibold">{t("reports.print.preparedBy")}</span>
          <br />
          <span className="text-stone-600">{t("reports.print.signHint")}</span>
        </p>
        <p>
          <span className="font-semibold">{t("reports.print.approvedBy")}</span>
          <br />
          <span className="text-stone-600">{t("reports.print.signHint")}</span>
        </p>
      </div>
    </article>
  );
}
