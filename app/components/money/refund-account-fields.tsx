import { BANKS } from "~/lib/banks";
import { useT } from "~/lib/i18n";

/**
 * The account a refund goes back to: a bank from the list (its BIN is sent), the account
 * number and the holder's name. Used by the buyer's cancel form and the staff refund form.
 */
export function RefundAccountFields({
  idPrefix,
  required = false,
}: {
  idPrefix: string;
  required?: boolean;
}) {
  const t = useT();
  const input = "mt-1 w-full rounded-lg border border-stone-300 px-3 py-2";
  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <div>
        <label htmlFor={`${idPrefix}-bank`} className="block text-sm font-medium">
          {t("money.cancel.bank")}
        </label>
        <select
          id={`${idPrefix}-bank`}
          name="refundBankBin"
          required={required}
          defaultValue=""
          className={input}
        >
          <option value="">{t("money.cancel.chooseBank")}</option>
          {BANKS.map((bank) => (
            <option key={bank.bin} value={bank.bin}>
              {bank.shortName}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-account`} className="block text-sm font-medium">
          {t("money.cancel.accountNumber")}
        </label>
        <input
          id={`${idPrefix}-account`}
          name="refundAccountNumber"
          inputMode="numeric"
          autoComplete="off"
          maxLength={30}
          required={required}
          className={input}
        />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-name`} className="block text-sm font-medium">
          {t("money.cancel.accountName")}
        </label>
        <input
          id={`${idPrefix}-name`}
          name="refundAccountName"
          maxLength={100}
          autoCapitalize="characters"
          required={required}
          className={input}
        />
      </div>
    </div>
  );
}
