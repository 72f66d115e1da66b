import { HONEYPOT_FIELD } from "~/lib/honeypot";
import { useT } from "~/lib/i18n";

/**
 * The honeypot (app/lib/honeypot.ts): moved off-screen rather than `display: none`, which
 * some bots skip; hidden from assistive technology and out of the tab order. Its label tells
 * anyone who meets it anyway to leave it empty.
 */
export function HoneypotField() {
  const t = useT();
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
      <label htmlFor={`hp-${HONEYPOT_FIELD}`}>{t("auth.honeypot.label")}</label>
      <input
        type="text"
        id={`hp-${HONEYPOT_FIELD}`}
        name={HONEYPOT_FIELD}
        tabIndex={-1}
        autoComplete="off"
        defaultValue=""
      />
    </div>
  );
}
