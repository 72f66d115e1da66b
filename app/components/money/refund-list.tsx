import { bankByBin } from "~/lib/banks";
import { useLocale, useT } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import { refundProgress, type PaymentProvider } from "~/lib/refunds";
import { reasonText } from "~/modules/notifications/messages";

/**
 * An order's refunds, each with where it stands: refunded to the card by the platform,
 * waiting for the seller to send it back (to the account the buyer gave), or sent back.
 * The buyer's order page and the producer's show the same lines.
 */
export function RefundList({
  refunds,
  payments,
}: {
  refunds: readonly {
    id: number;
    paymentId: number | null;
    amountVnd: number;
    reason: string | null;
    reasonKey: string | null;
    toBankBin: string | null;
    toAccountNumber: string | null;
    settledAt: Date | string | null;
  }[];
  payments: readonly { id: number; provider: PaymentProvider }[];
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="mt-2 space-y-2 text-sm">
      {refunds.map((refund) => {
        const provider = payments.find((p) => p.id === refund.paymentId)?.provider ?? null;
        const reason = reasonText(locale, refund.reasonKey, refund.reason);
        return (
          <li key={refund.id}>
            <p className="font-medium">
              {t("money.refund.line", {
                amount: formatVnd(refund.amountVnd, locale),
                state: t(`money.refund.${refundProgress(provider, refund.settledAt)}`),
              })}
            </p>
            {reason ? <p className="text-stone-700">{reason}</p> : null}
            {refund.toAccountNumber ? (
              <p className="text-stone-700">
                {t("money.refund.to", {
                  bank: bankByBin(refund.toBankBin)?.shortName ?? refund.toBankBin ?? "",
                  account: refund.toAccountNumber,
                })}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
