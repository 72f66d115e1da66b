import { UNIT_OPTIONS } from "~/lib/units";
import type { Locale } from "./locales";
import { t } from "./translate";

type Unit = (typeof UNIT_OPTIONS)[number];

function isUnit(unit: string): unit is Unit {
  return (UNIT_OPTIONS as readonly string[]).includes(unit);
}

/** The word for a unit of sale ("gói" → "pack" in English); unknown units are shown as they are. */
export function unitLabel(locale: Locale, unit: string): string {
  return isUnit(unit) ? t(locale, `unit.${unit}`) : unit;
}
