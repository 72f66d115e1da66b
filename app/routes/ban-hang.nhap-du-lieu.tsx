import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ImportPanel } from "~/components/supply/import-panel";
import { WorkspaceNav } from "~/components/supply/workspace-nav";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { PRODUCT_COLUMNS } from "~/modules/import/plan.server";
import { handleImportAction, importJobFor } from "~/modules/import/web.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

const PATH = "/ban-hang/nhap-du-lieu";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "import.title"));
};

/** A producer's bulk import: the upload form, or the state of one of their import jobs. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  const job = importJobFor(actor, "producer", new URL(request.url).searchParams.get("lan"));
  return { job, columns: { products: PRODUCT_COLUMNS } };
});

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireProducerActor(request);
  assertSameOrigin(request);
  const result = await handleImportAction(
    getDb(),
    actor,
    "producer",
    request,
    PATH,
    context.clientIp ?? null,
  );
  if ("redirectTo" in result) return redirect(result.redirectTo);
  return data({ error: result.error }, { status: result.status });
});

export default function ProducerImportPage() {
  const { job, columns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <WorkspaceNav />
      <h1 className="text-2xl font-bold text-stone-900">{t("import.title")}</h1>
      <p className="mt-1 text-stone-700">{t("import.intro")}</p>
      <p className="mt-1 text-stone-700">{t("import.producerNote")}</p>
      <ImportPanel
        path={PATH}
        job={job}
        columns={columns}
        withProducersFile={false}
        error={result?.error ?? null}
      />
    </div>
  );
}
