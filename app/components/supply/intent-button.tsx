import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { useT } from "~/lib/i18n";

const LOOKS = {
  primary: "rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800",
  secondary: "rounded-lg border border-brand-700 bg-white px-4 py-3 font-semibold text-brand-800",
  small: "rounded-lg border border-stone-300 px-4 py-2 font-semibold",
  smallPrimary: "rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800",
  warning: "rounded-lg border border-amber-600 bg-white px-4 py-2 font-semibold text-amber-900",
  danger: "rounded-lg border border-red-600 bg-white px-4 py-2 font-semibold text-red-800",
} as const;

/** A submit button that tells the action what to do (`intent`), as the workspace forms use. */
export function IntentButton({
  intent,
  look = "primary",
  disabled,
  children,
}: {
  intent: string;
  look?: keyof typeof LOOKS;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button type="submit" name="intent" value={intent} disabled={disabled} className={LOOKS[look]}>
      {children}
    </button>
  );
}

/**
 * The two answers of an "are you sure?" box inside its form: do it (posts `intent` with
 * confirm=yes) or go back to `cancelTo`.
 */
export function ConfirmButtons({
  intent,
  confirmLabel,
  cancelTo,
  small = false,
}: {
  intent: string;
  confirmLabel: string;
  cancelTo: string;
  small?: boolean;
}) {
  const t = useT();
  const size = small ? "px-3 py-1.5 text-sm" : "px-4 py-2";
  return (
    <>
      <input type="hidden" name="confirm" value="yes" />
      <button
        type="submit"
        name="intent"
        value={intent}
        className={`rounded-lg bg-red-700 font-semibold text-white ${size}`}
      >
        {confirmLabel}
      </button>
      <Link
        to={cancelTo}
        className={`rounded-lg border border-stone-300 bg-white font-semibold ${size}`}
      >
        {t("form.cancel")}
      </Link>
    </>
  );
}
