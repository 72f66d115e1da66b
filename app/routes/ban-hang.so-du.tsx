import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { StatementView } from "~/components/statement-view";
import { useT } from "~/lib/i18n";
import { pageTitleMeta } from "~/lib/orders";
import { requireProducerActor } from "~/modules/auth/session.server";
import { getStatementForMember } from "~/modules/orders/ledger.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "statement.title");

const querySchema = z.object({ nsx: z.string().max(40).optional() });

/** The producer's statement: card money collected for it, commission, refunds, payouts. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const membership =
    actor.producers.find((m) => m.producerCode === query.nsx) ?? actor.producers[0];
  return {
    producers: actor.producers.map((m) => ({ code: m.producerCode, name: m.producerName })),
    statement: getStatementForMember(getDb(), actor, membership?.producerId ?? 0),
  };
});

export default function WorkspaceStatement() {
  const { producers, statement } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("statement.title")}</h1>
      <p className="text-stone-800">{statement.producer.name}</p>
      {producers.length > 1 ? (
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="nsx" className="block text-sm font-medium">
              {t("statement.chooseProducer")}
            </label>
            <select
              id="nsx"
              name="nsx"
              defaultValue={statement.producer.code}
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
      <StatementView statement={statement} />
    </div>
  );
}
