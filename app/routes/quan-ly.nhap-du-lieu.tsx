import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ImportPage } from "~/components/supply/import-panel";
import { titledPage } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { importCategories } from "~/modules/import/categories.server";
import { columnNames, PRODUCER_HEADINGS, PRODUCT_HEADINGS } from "~/modules/import/headings.server";
import { handleImportAction, importJobFor } from "~/modules/import/web.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

const PATH = "/quan-ly/nhap-du-lieu";

export const meta: MetaFunction = titledPage("import.staffTitle");

/** Staff bulk import (producers and products of their subtree). */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "catalog:import");
  const job = importJobFor(actor, "staff", new URL(request.url).searchParams.get("lan"));
  return {
    job,
    columns: {
      products: columnNames(PRODUCT_HEADINGS, actor.locale),
      producers: columnNames(PRODUCER_HEADINGS, actor.locale),
    },
    categories: importCategories(getDb(), actor.locale),
  };
});

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request, "catalog:import");
  assertSameOrigin(request);
  const result = await handleImportAction(
    getDb(),
    actor,
    "staff",
    request,
    PATH,
    context.clientIp ?? null,
  );
  if ("refused" in result) return formError(result.refused, actor.locale);
  return redirect(result.redirectTo);
});

export default function StaffImportPage() {
  const { job, columns, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <ImportPage
      area="staff"
      path={PATH}
      job={job}
      columns={columns}
      categories={categories}
      error={result?.formError ?? null}
    />
  );
}
