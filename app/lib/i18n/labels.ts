import { UNIT_OPTIONS } from "~/lib/units";
import { formatNumber } from "./format";
import type { Locale } from "./locales";
import { t } from "./translate";

type Unit = (typeof UNIT_OPTIONS)[number];

function isUnit(unit: string): unit is Unit {
  return (UNIT_OPTIONS as readonly string[]).includes(unit);
}

/**
 * The word for a unit of sale ("gói" → "pack" in English); unknown units are shown as they
 * are. Given `count`, the word agrees with it: English says "1 pack" but "337 packs"
 * (Vietnamese nouns do not change, so its plural keys repeat the word).
 */
export function unitLabel(locale: Locale, unit: string, count?: number): string {
  if (!isUnit(unit)) return unit;
  return count === undefined || count === 1
    ? t(locale, `unit.${unit}`)
    : t(locale, `journey.unitPlural.${unit}`);
}

/** A quantity with its unit, read naturally: "337 gói" (vi), "337 packs", "1 pack", "5 kg" (en). */
export function formatQuantity(locale: Locale, count: number, unit: string): string {
  return t(locale, "journey.quantity", {
    qty: formatNumber(count, locale),
    unit: unitLabel(locale, unit, count),
  });
}
