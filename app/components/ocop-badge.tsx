import { useT } from "~/lib/i18n";
import { StarIcon } from "./icons";

/** The OCOP rating of a product; renders nothing for 0 (no badge, hidden or lapsed). */
export function OcopBadge({ stars, size = "sm" }: { stars: number; size?: "sm" | "md" }) {
  const t = useT();
  if (stars <= 0) return null;
  const padding = size === "md" ? "px-2.5 py-1 text-sm" : "px-2 py-0.5 text-xs";
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full bg-amber-100 font-semibold text-amber-900 ring-1 ring-amber-300 ${padding}`}
      title={t("product.ocopBadgeLabel", { stars })}
    >
      <StarIcon className={size === "md" ? "h-4 w-4" : "h-3.5 w-3.5"} />
      <span className="sr-only">{t("product.ocopBadgeLabel", { stars })}</span>
      <span aria-hidden>{t("product.ocopBadge", { stars })}</span>
    </span>
  );
}
