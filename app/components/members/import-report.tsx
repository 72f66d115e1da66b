import { useT } from "~/lib/i18n";

/** What the dry run found, as the action sends it. */
export interface ImportReport {
  rows: number;
  problems: { row: number; column: string; message: string }[];
  preview: { row: number; fullName: string; unitCode: string; hasConsent: boolean }[];
}

/**
 * The dry run's answer: the problems by row and column (a table that scrolls sideways on a
 * phone), or the rows that would be added.
 */
export function ImportReportView({
  report,
  committed,
}: {
  report: ImportReport;
  committed: boolean;
}) {
  const t = useT();
  if (report.problems.length > 0) {
    return (
      <section aria-labelledby="import-problems" className="space-y-2">
        <h2 id="import-problems" role="alert" className="text-lg font-semibold text-red-800">
          {t(committed ? "members.import.refused" : "members.import.problems", {
            count: report.problems.length,
          })}
        </h2>
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("members.import.problemsCaption")}</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("members.import.row")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("members.import.column")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("members.import.problem")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {report.problems.map((problem, index) => (
                <tr key={`${problem.row}-${problem.column}-${index}`}>
                  <td className="px-3 py-2">{problem.row}</td>
                  <td className="px-3 py-2 font-mono">{problem.column}</td>
                  <td className="px-3 py-2">{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  }
  return (
    <section aria-labelledby="import-ready" className="space-y-2">
      <h2 id="import-ready" role="status" className="text-lg font-semibold text-brand-800">
        {t("members.import.ready", { count: report.rows })}
      </h2>
      <ul className="list-disc pl-6 text-sm text-stone-800">
        {report.preview.map((row) => (
          <li key={row.row}>
            {t("members.import.previewRow", {
              row: row.row,
              name: row.fullName,
              unit: row.unitCode,
            })}
            {row.hasConsent ? ` · ${t("members.list.consentOnFile")}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
