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
import { requireProducerActor } from "~/modules/auth/session.server";
import { importCategories } from "~/modules/import/categories.server";
import { columnNames, PRODUCT_HEADINGS } from "~/modules/import/headings.server";
import { handleImportAction, importJobFor } from "~/modules/import/web.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

const PATH = "/ban-hang/nhap-du-lieu";

export const meta: MetaFunction = titledPage("import.title");

/** A producer's bulk import: the upload form, or the state of one of their import jobs. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "listings");
  const job = importJobFor(actor, "producer", new URL(request.url).searchParams.get("lan"));
  return {
    job,
    columns: { products: columnNames(PRODUCT_HEADINGS, actor.locale) },
    categories: importCategories(getDb(), actor.locale),
  };
});

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireProducerActor(request, "listings");
  assertSameOrigin(request);
  const result = await handleImportAction(
    getDb(),
    actor,
    "producer",
    request,
    PATH,
    context.clientIp ?? null,
  );
  if ("refused" in result) return formError(result.refused, actor.locale);
  return redirect(result.redirectTo);
});

export default function WorkspaceImportPage() {
  const { job, columns, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <ImportPage
      area="producer"
      path={PATH}
      job={job}
      columns={columns}
      categories={categories}
      error={result?.formError ?? null}
    />
  );
}
