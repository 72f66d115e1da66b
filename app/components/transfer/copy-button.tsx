import { useEffect, useState } from "react";
import { copyText } from "~/lib/clipboard";
import { useT } from "~/lib/i18n";

/**
 * A "Sao chép" button for one transfer detail. Copying needs JavaScript: without it the
 * button would do nothing, so it shows once hydrated (the value stays selectable text).
 * `onDone` receives what to announce in the panel's polite live region.
 */
export function CopyButton({
  text,
  what,
  onDone,
}: {
  /** Exactly what the banking app should receive (digits of an amount, no "₫"). */
  text: string;
  /** The detail's name, for the button's accessible name and the announcement. */
  what: string;
  onDone: (announcement: string) => void;
}) {
  const t = useT();
  const [canCopy, setCanCopy] = useState(false);
  useEffect(() => setCanCopy(true), []);
  if (!canCopy) return null;
  return (
    <button
      type="button"
      onClick={async () => {
        const copied = await copyText(text);
        onDone(copied ? t("transfer.copied", { what }) : t("transfer.copyFailed"));
      }}
      aria-label={t("transfer.copyLabel", { what })}
      className="shrink-0 rounded-lg border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50"
    >
      {t("transfer.copy")}
    </button>
  );
}
