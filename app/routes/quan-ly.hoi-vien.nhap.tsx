import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ImportReportView } from "~/components/members/import-report";
import { MembersHeader } from "~/components/members/members-header";
import { vietnamToday } from "~/lib/dates";
import { DomainError, Invalid } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { fileBytes, readUploadForm } from "~/modules/images/upload.server";
import { MAX_IMPORT_BYTES } from "~/modules/import/decode.server";
import { checkMemberImport, importMembers, MEMBER_COLUMNS } from "~/modules/members/import.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta = titledPage("members.import.title");

/**
 * Members from a spreadsheet (CSV in UTF-8 or XLSX, at most 10 MB) for staff with
 * `member:manage`: "check" is a dry run listing every problem by row and column; "import"
 * checks again and writes every row, or nothing when a problem remains.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  await requireStaff(request, "member:manage");
  return { columns: MEMBER_COLUMNS };
});

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "member:manage");
  const db = getDb();
  try {
    const form = await readUploadForm(request, MAX_IMPORT_BYTES, "import.error.tooLarge");
    const bytes = await fileBytes(form, "file");
    if (!bytes) throw new Invalid("members.import.noFile");
    const today = vietnamToday();
    if (form.get("intent") !== "commit") {
      const report = await checkMemberImport(db, actor, bytes, today);
      return data({ report, committed: false, formError: null });
    }
    const result = await importMembers(db, actor, bytes, today, { ipAddress: clientIpOf(context) });
    if ("refused" in result) {
      return data({ report: result.plan, committed: true, formError: null }, { status: 400 });
    }
    return redirect(`/quan-ly/hoi-vien?xong=da-nhap`, 303);
  } catch (error) {
    // A file that cannot be read goes back to the form; anything else is a page error.
    if (error instanceof DomainError && (error.status === 400 || error.status === 413)) {
      return formError(error, actor.locale);
    }
    throw error;
  }
});

export default function MemberImportPage() {
  const { columns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state === "submitting";
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <MembersHeader title={t("members.import.title")} intro={t("members.import.intro")} />
      <section
        aria-labelledby="columns-title"
        className="rounded-xl border border-stone-200 bg-white p-4 text-sm"
      >
        <h2 id="columns-title" className="font-semibold">
          {t("members.import.columnsTitle")}
        </h2>
        <p className="mt-1 break-words font-mono">{columns.join(", ")}</p>
        <p className="mt-2 text-stone-700">{t("members.import.columnsHelp")}</p>
      </section>
      {result && "formError" in result && result.formError ? (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800"
        >
          {result.formError}
        </p>
      ) : null}
      <Form
        method="post"
        encType="multipart/form-data"
        className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
      >
        <div>
          <label htmlFor="member-file" className="block font-medium text-stone-900">
            {t("members.import.file")}
          </label>
          <p id="member-file-hint" className="text-sm text-stone-600">
            {t("members.import.fileHint")}
          </p>
          <input
            id="member-file"
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="member-file-hint"
            className="mt-1 block w-full text-sm"
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="check"
            disabled={busy}
            className="min-h-11 w-full rounded-lg border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 sm:w-auto"
          >
            {t("members.import.check")}
          </button>
          <button
            type="submit"
            name="intent"
            value="commit"
            disabled={busy}
            className="min-h-11 w-full rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 sm:w-auto"
          >
            {t("members.import.commit")}
          </button>
        </div>
      </Form>
      {result && "report" in result ? (
        <ImportReportView report={result.report} committed={result.committed} />
      ) : null}
    </div>
  );
}
