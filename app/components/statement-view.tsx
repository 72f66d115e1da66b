import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import type { Ledger, LedgerEntry } from "~/modules/money/ledger.server";

export type LedgerData = Ledger<Date | string>;

/**
 * A producer's ledger for a month (docs/decisions/023): her month's sales as the reports count
 * them, the money received by whoever holds it, what the platform holds for her (the balance
 * a payout may take), the refunds she still owes, and every line of the month.
 */
export function StatementView({
  ledger,
  hiddenFields = {},
  owedLink,
  refundLinkOf,
}: {
  ledger: LedgerData;
  /** Other query fields the month form keeps (the producer chosen). */
  hiddenFields?: Record<string, string>;
  /** Where the producer marks her refunds sent (her own page only). */
  owedLink?: string;
  /** Staff: where to record a refund on the order of a sale line. */
  refundLinkOf?: (entry: LedgerEntry<Date | string>) => string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const vnd = (amount: number) => formatVnd(amount, locale);
  const { platform } = ledger;
  return (
    <div className="space-y-4">
      <Form method="get" className="flex flex-wrap items-end gap-2">
        {Object.entries(hiddenFields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div>
          <label htmlFor="thang" className="block text-sm font-medium">
            {t("money.ledger.month")}
          </label>
          <input
            id="thang"
            name="thang"
            type="month"
            defaultValue={ledger.month}
            pattern="\d{4}-\d{2}"
            className="mt-1 rounded-lg border border-stone-300 px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded-lg border border-stone-300 bg-white px-4 py-2">
          {t("money.ledger.show")}
        </button>
      </Form>

      <section className="rounded-xl border border-stone-200 bg-white p-4">
        <p className="flex flex-wrap justify-between gap-2 text-lg font-bold">
          <span>{t("money.ledger.sales", { month: ledger.month })}</span>
          <span>{vnd(ledger.sales.salesVnd)}</span>
        </p>
        <p className="text-sm text-stone-700">
          {t("money.ledger.completedOrders", { count: ledger.sales.completedOrders })} ·{" "}
          {t("money.ledger.salesExplain")}
        </p>
        <dl className="mt-3 space-y-1">
          <Figure label={t("money.ledger.receivedByProducer")}>
            {vnd(ledger.receivedVnd.producer)}
          </Figure>
          <Figure label={t("money.ledger.receivedByPlatform")}>
            {vnd(ledger.receivedVnd.platform)}
          </Figure>
        </dl>
      </section>

      {ledger.owedRefunds.count > 0 ? (
        <p role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
          {t("money.ledger.owed", {
            count: ledger.owedRefunds.count,
            amount: vnd(ledger.owedRefunds.amountVnd),
          })}{" "}
          {owedLink ? (
            <Link to={owedLink} className="font-semibold underline underline-offset-2">
              {t("money.ledger.owedLink")}
            </Link>
          ) : null}
        </p>
      ) : null}

      <section className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="font-semibold">{t("money.ledger.platformTitle")}</h2>
        <dl className="mt-2 space-y-1">
          <Figure label={t("statement.collected")}>{vnd(platform.collectedVnd)}</Figure>
          <Figure label={t("statement.commission")}>{vnd(-platform.commissionVnd)}</Figure>
          <Figure label={t("money.ledger.cardRefunds")}>{vnd(-platform.refundsVnd)}</Figure>
          <Figure label={t("statement.payouts")}>{vnd(-platform.payoutsVnd)}</Figure>
          <div className="flex justify-between gap-2 border-t border-stone-200 pt-2 text-lg font-bold">
            <dt>{t("statement.balance")}</dt>
            <dd>{vnd(platform.balanceVnd)}</dd>
          </div>
        </dl>
        <p className="mt-2 text-sm text-stone-700">{t("money.ledger.platformExplain")}</p>
      </section>

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading" className="font-semibold">
          {t("money.ledger.entriesTitle")}
        </h2>
        {ledger.entries.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("statement.noEntries")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {ledger.entries.map((entry, i) => {
              const refundLink = refundLinkOf?.(entry) ?? null;
              return (
                <li key={i} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
                  <span>
                    {formatDate(entry.at, locale)} · {t(`money.kind.${entry.kind}`)} ·{" "}
                    {entry.reference} · {t(`money.holder.${entry.holder}`)}
                    {entry.isOwed ? (
                      <strong className="text-amber-900"> · {t("money.entry.owed")}</strong>
                    ) : null}
                    {refundLink ? (
                      <>
                        {" · "}
                        <Link to={refundLink} className="text-brand-800 underline">
                          {t("money.ledger.refundLink")}
                        </Link>
                      </>
                    ) : null}
                  </span>
                  <span className={entry.amountVnd < 0 ? "text-rose-800" : "text-brand-800"}>
                    {vnd(entry.amountVnd)}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-2">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
