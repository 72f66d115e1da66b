import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Pagination } from "~/components/pagination";
import { formatDateTime, useLocale, useT, type MessageKey } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assistHistory } from "~/modules/assist/history.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { selectedProducer } from "~/modules/listings/shared.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("assist.history.title");

const KNOWN_ACTIONS: Record<string, MessageKey> = {
  "assist.started": "assist.actions.started",
  "assist.ended": "assist.actions.ended",
  "producer.created_by_staff": "assist.actions.created",
};

const PageNumber = z.coerce.number().int().positive().max(100_000).catch(1);

/**
 * What Union staff did for the member's producer in assisted mode (`?nsx=<code>` when she
 * belongs to several): every audit entry that names the producer, with the staff member.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  const url = new URL(request.url);
  const current = selectedProducer(actor, url.searchParams.get("nsx"));
  return {
    producerName: current.producerName,
    history: assistHistory(
      getDb(),
      actor,
      current.producerId,
      PageNumber.parse(url.searchParams.get("trang") ?? 1),
    ),
  };
});

export default function AssistHistoryPage() {
  const { producerName, history } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  // What was done in plain words when it is one of assisted mode's own entries.
  const describe = (entry: (typeof history.items)[number]) => {
    if (entry.action === "assist.request") {
      return t("assist.actions.request", { page: entry.entityId });
    }
    const known = KNOWN_ACTIONS[entry.action];
    return known
      ? t(known)
      : t("assist.history.what", {
          action: entry.action,
          type: entry.entityType,
          id: entry.entityId,
        });
  };
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("assist.history.title")}</h1>
      <p className="mt-1 text-stone-700">{t("assist.history.intro", { producer: producerName })}</p>
      {history.items.length === 0 ? (
        <p className="mt-4 rounded-lg bg-stone-100 px-4 py-3">{t("assist.history.empty")}</p>
      ) : (
        <ol className="mt-4 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {history.items.map((entry) => (
            <li key={entry.id} className="p-3" data-history-entry={entry.id}>
              <p className="text-sm text-stone-600">
                <time dateTime={new Date(entry.createdAt).toISOString()}>
                  {formatDateTime(entry.createdAt, locale)}
                </time>
              </p>
              <p className="font-medium">
                {t("assist.history.entry", {
                  staff: entry.staffName ?? t("assist.history.someStaff"),
                  producer: producerName,
                })}
              </p>
              <p className="text-sm text-stone-700">{describe(entry)}</p>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={history.page} pageCount={history.pageCount} />
    </div>
  );
}
