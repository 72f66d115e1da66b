import { Form, useNavigation, useRevalidator } from "@remix-run/react";
import { Link } from "~/components/link";
import { useEffect } from "react";
import { FormSuccess } from "~/components/auth-form";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { Alert } from "./alert";
import { StaffNav } from "./workspace-nav";
import { IntentButton } from "./intent-button";

export interface ImportJobView {
  id: string;
  status: "checking" | "checked" | "committing" | "committed" | "failed";
  progress: { done: number; total: number };
  error: string | null;
  plan: {
    problems: { file: "producers" | "products"; row: number; column: string; message: string }[];
    counts: {
      producers: { create: number; update: number };
      products: { create: number; update: number };
    };
  } | null;
  result: {
    producers: { created: number; updated: number };
    products: { created: number; updated: number; underReview: number };
  } | null;
}

const MAX_SHOWN_PROBLEMS = 500;

/** Column code → its name on the page: the template's heading, or the code (headings.server.ts). */
type Headings = Record<string, string>;

export interface ImportCategoryView {
  code: string;
  name: string;
}

/** Where to download the templates, the columns they hold, and the category codes. */
function ImportHelp({
  path,
  columns,
  categories,
}: {
  path: string;
  columns: { products: Headings; producers?: Headings };
  categories: ImportCategoryView[];
}) {
  const t = useT();
  const files: { name: "san-pham" | "nha-san-xuat"; label: string; headings: Headings }[] = [
    { name: "san-pham", label: t("import.file.products"), headings: columns.products },
    ...(columns.producers
      ? [
          {
            name: "nha-san-xuat" as const,
            label: t("import.file.producers"),
            headings: columns.producers,
          },
        ]
      : []),
  ];
  const link = "font-semibold text-brand-800 underline";
  return (
    <section
      aria-labelledby="import-templates"
      className="mt-4 rounded-xl border border-stone-200 bg-white p-4"
    >
      <h2 id="import-templates" className="text-lg font-semibold">
        {t("listingtools.import.templatesTitle")}
      </h2>
      <p className="text-sm text-stone-700">{t("listingtools.import.templatesHint")}</p>
      <ul className="mt-2 space-y-3">
        {files.map((file) => (
          <li key={file.name}>
            <p className="flex flex-wrap gap-x-4 gap-y-1">
              <span className="font-medium">{file.label}:</span>
              <a href={`${path}/mau/${file.name}.xlsx`} download className={link}>
                {t("listingtools.import.downloadXlsx", { file: file.label })}
              </a>
              <a href={`${path}/mau/${file.name}.csv`} download className={link}>
                {t("listingtools.import.downloadCsv", { file: file.label })}
              </a>
            </p>
            <p className="text-sm break-words text-stone-700">
              {t("import.columns", { columns: Object.values(file.headings).join(", ") })}
            </p>
          </li>
        ))}
      </ul>
      <details className="mt-3" open>
        <summary className="cursor-pointer font-medium">
          {t("listingtools.import.categoriesTitle", { count: categories.length })}
        </summary>
        <p className="text-sm text-stone-700">{t("listingtools.import.categoriesHint")}</p>
        {/* A scrolling box is reached by keyboard (focusable) and named for screen readers. */}
        <div
          className="mt-2 max-h-96 overflow-auto"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus to be scrolled by keyboard (axe scrollable-region-focusable)
          tabIndex={0}
          role="region"
          aria-label={t("listingtools.import.categoriesTitle", { count: categories.length })}
        >
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-1 pr-3">
                  {t("listingtools.import.categoryCode")}
                </th>
                <th scope="col" className="py-1">
                  {t("listingtools.import.categoryName")}
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr key={category.code} className="border-b border-stone-100">
                  <td className="py-1 pr-3 font-mono">{category.code}</td>
                  <td className="py-1">{category.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** Re-reads the page every second while a job is running (without JavaScript: a link). */
function usePolling(active: boolean) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (state === "idle") revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, revalidate, state]);
}

/** A labelled file input for one spreadsheet (CSV or XLSX). */
function SpreadsheetInput({ name, label }: { name: "products" | "producers"; label: string }) {
  return (
    <div>
      <label htmlFor={`import-${name}`} className="block font-medium">
        {label}
      </label>
      <input
        id={`import-${name}`}
        name={name}
        type="file"
        accept=".csv,.xlsx,text/csv"
        className="mt-1 block w-full text-sm"
      />
    </div>
  );
}

/**
 * The import page body shared by producers and staff: upload → background check with
 * progress → every row problem listed, or the counts and a "write" button → the result.
 */
function ImportPanel({
  path,
  job,
  columns,
  categories,
  error,
}: {
  path: string;
  job: ImportJobView | null;
  columns: { products: Headings; producers?: Headings };
  categories: ImportCategoryView[];
  error: string | null;
}) {
  const t = useT();
  // Only staff may import producers, so only their page lists the producers' columns.
  const withProducersFile = columns.producers !== undefined;
  const locale = useLocale();
  const navigation = useNavigation();
  const running = job?.status === "checking" || job?.status === "committing";
  usePolling(running);
  const n = (value: number) => formatNumber(value, locale);

  if (!job) {
    return (
      <>
        {error ? <Alert>{error}</Alert> : null}
        <ImportHelp path={path} columns={columns} categories={categories} />
        <Form
          method="post"
          encType="multipart/form-data"
          className="mt-4 space-y-4 rounded-xl border border-stone-200 bg-white p-4"
        >
          {withProducersFile ? (
            <SpreadsheetInput name="producers" label={t("import.producersFile")} />
          ) : null}
          <SpreadsheetInput name="products" label={t("import.productsFile")} />
          <IntentButton intent="check" disabled={navigation.state === "submitting"}>
            {t("import.check")}
          </IntentButton>
        </Form>
      </>
    );
  }

  const problems = job.plan?.problems ?? [];
  return (
    <div className="mt-4 space-y-4">
      {running ? (
        <div className="rounded-xl border border-stone-200 bg-white p-4" role="status">
          <p className="font-medium">
            {job.status === "committing"
              ? t("import.committing")
              : t("import.checking", { done: n(job.progress.done), total: n(job.progress.total) })}
          </p>
          <progress
            className="mt-2 w-full"
            aria-label={t("import.progressLabel")}
            max={Math.max(1, job.progress.total)}
            value={job.progress.done}
          />
          <p className="mt-2">
            <Link to={`${path}?lan=${job.id}`} className="font-semibold text-brand-800 underline">
              {t("import.refresh")}
            </Link>
          </p>
        </div>
      ) : null}
      {job.status === "failed" ? (
        <Alert className="">{t("import.failed", { message: job.error ?? "" })}</Alert>
      ) : null}
      {job.plan && job.status !== "committed" && !running ? (
        <section
          aria-labelledby="import-report"
          className="rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 id="import-report" className="text-lg font-semibold">
            {problems.length > 0
              ? t("import.problemsTitle", { count: n(problems.length) })
              : t("import.noProblems")}
          </h2>
          <p className="mt-1">
            {t("import.productCounts", {
              create: n(job.plan.counts.products.create),
              update: n(job.plan.counts.products.update),
            })}
          </p>
          {withProducersFile ? (
            <p>
              {t("import.producerCounts", {
                create: n(job.plan.counts.producers.create),
                update: n(job.plan.counts.producers.update),
              })}
            </p>
          ) : null}
          {problems.length > 0 ? (
            <>
              <p className="mt-2 text-stone-700">{t("import.problemsIntro")}</p>
              <div className="mt-3 overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead>
                    <tr className="border-b border-stone-300">
                      <th scope="col" className="py-1 pr-3">
                        {t("import.problemFile")}
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        {t("import.problemRow")}
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        {t("import.problemColumn")}
                      </th>
                      <th scope="col" className="py-1">
                        {t("import.problemMessage")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {problems.slice(0, MAX_SHOWN_PROBLEMS).map((problem, index) => (
                      <tr key={index} className="border-b border-stone-100 align-top">
                        <td className="py-1 pr-3">{t(`import.file.${problem.file}`)}</td>
                        <td className="py-1 pr-3">{problem.row}</td>
                        <td className="py-1 pr-3">
                          {(problem.file === "products" ? columns.products : columns.producers)?.[
                            problem.column
                          ] ?? problem.column}
                        </td>
                        <td className="py-1">{problem.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <Form method="post" className="mt-4">
              <input type="hidden" name="job" value={job.id} />
              <IntentButton intent="commit" disabled={navigation.state === "submitting"}>
                {t("import.commit")}
              </IntentButton>
            </Form>
          )}
        </section>
      ) : null}
      {job.status === "committed" && job.result ? (
        <FormSuccess>
          <p>
            {t("import.committed", {
              created: n(job.result.products.created),
              updated: n(job.result.products.updated),
              review: n(job.result.products.underReview),
            })}
          </p>
          {withProducersFile ? (
            <p>
              {t("import.committedProducers", {
                created: n(job.result.producers.created),
                updated: n(job.result.producers.updated),
              })}
            </p>
          ) : null}
        </FormSuccess>
      ) : null}
      {!running ? (
        <p>
          <Link to={path} className="font-semibold text-brand-800 underline">
            {t("import.again")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** A whole import page: the area's navigation, title and notes above the panel. */
export function ImportPage({
  area,
  ...panel
}: { area: "producer" | "staff" } & Parameters<typeof ImportPanel>[0]) {
  const t = useT();
  const workspace = area === "producer";
  return (
    <div className="mx-auto max-w-3xl">
      {workspace ? null : <StaffNav />}
      <h1 className="text-2xl font-bold text-stone-900">
        {t(workspace ? "import.title" : "import.staffTitle")}
      </h1>
      <p className="mt-1 text-stone-700">{t("import.intro")}</p>
      <p className="mt-1 text-stone-700">
        {t(workspace ? "import.producerNote" : "import.staffNote")}
      </p>
      <ImportPanel {...panel} />
    </div>
  );
}
