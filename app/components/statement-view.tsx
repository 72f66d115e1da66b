import { formatDate, useLocale, useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import type { ProducerStatement } from "~/lib/orders";

export type StatementData = ProducerStatement<Date | string>;

/** A producer's ledger: the four totals, the balance, and every entry oldest first. */
export function StatementView({ statement }: { statement: StatementData }) {
  const t = useT();
  const locale = useLocale();
  const totals = [
    ["statement.collected", statement.collectedVnd],
    ["statement.commission", -statement.commissionVnd],
    ["statement.refunds", -statement.refundsVnd],
    ["statement.payouts", -statement.payoutsVnd],
  ] as const;
  return (
    <div className="space-y-4">
      <dl className="space-y-1 rounded-xl border border-stone-200 bg-white p-4">
        {totals.map(([key, amount]) => (
          <div key={key} className="flex justify-between gap-2">
            <dt>{t(key)}</dt>
            <dd>{formatVnd(amount, locale)}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-2 border-t border-stone-200 pt-2 text-lg font-bold">
          <dt>{t("statement.balance")}</dt>
          <dd>{formatVnd(statement.balanceVnd, locale)}</dd>
        </div>
      </dl>
      <p className="text-sm text-stone-700">{t("statement.explain")}</p>
      {statement.entries.length === 0 ? (
        <p className="text-stone-700">{t("statement.noEntries")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {statement.entries.map((entry, i) => (
            <li key={i} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
              <span>
                {formatDate(entry.at, locale)} · {t(`statement.kind.${entry.kind}`)} ·{" "}
                {entry.reference}
              </span>
              <span className={entry.amountVnd < 0 ? "text-rose-800" : "text-brand-800"}>
                {formatVnd(entry.amountVnd, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
