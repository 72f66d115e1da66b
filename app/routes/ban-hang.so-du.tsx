import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { StatementView } from "~/components/statement-view";
import { useT } from "~/lib/i18n";
import { pageTitleMeta } from "~/lib/orders";
import { requireProducerActor } from "~/modules/auth/session.server";
import { getLedgerForMember, ledgerMonth } from "~/modules/money/ledger.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "statement.title");

/** The producer's ledger for a month: every sale, commission, refunds, payouts, her balance. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "statement");
  // Anything but one of her producers' codes and a month "YYYY-MM" falls back to the first
  // producer and this month: a query string never fails the page.
  const query = new URL(request.url).searchParams;
  const membership =
    actor.producers.find((m) => m.producerCode === query.get("nsx")) ?? actor.producers[0];
  return {
    producers: actor.producers.map((m) => ({ code: m.producerCode, name: m.producerName })),
    ledger: getLedgerForMember(
      getDb(),
      actor,
      membership?.producerId ?? 0,
      ledgerMonth(query.get("thang")),
    ),
  };
});

export default function WorkspaceStatement() {
  const { producers, ledger } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("statement.title")}</h1>
      <p className="text-stone-800">{ledger.producer.name}</p>
      {producers.length > 1 ? (
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="thang" value={ledger.month} />
          <div>
            <label htmlFor="nsx" className="block text-sm font-medium">
              {t("statement.chooseProducer")}
            </label>
            <select
              id="nsx"
              name="nsx"
              defaultValue={ledger.producer.code}
              className="mt-1 rounded-lg border border-stone-300 px-3 py-2"
            >
              {producers.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-lg border border-stone-300 bg-white px-4 py-2">
            {t("statement.show")}
          </button>
        </Form>
      ) : null}
      <StatementView
        ledger={ledger}
        hiddenFields={producers.length > 1 ? { nsx: ledger.producer.code } : {}}
        owedLink="/ban-hang/hoan-tien"
      />
    </div>
  );
}
