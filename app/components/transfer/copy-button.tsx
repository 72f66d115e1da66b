import { useEffect, useState } from "react";
import { useT } from "~/lib/i18n";

/**
 * Puts `text` on the clipboard: the Clipboard API where the page is a secure context, else
 * the older selection command (a plain-http intranet, an old Android browser). False when
 * neither worked.
 */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions): try the selection command below.
  }
  const scratch = document.createElement("textarea");
  scratch.value = text;
  scratch.setAttribute("readonly", "");
  scratch.style.position = "fixed";
  scratch.style.opacity = "0";
  document.body.appendChild(scratch);
  scratch.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    scratch.remove();
  }
}

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
