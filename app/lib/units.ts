import type { Unit } from "~db/schema";

/**
 * The units of sale, in the order forms offer them. Kept apart from the form schemas (zod)
 * so that public pages, which only need the labels, do not load zod.
 */
export const UNIT_OPTIONS = [
  "kg",
  "gói",
  "hộp",
  "chai",
  "lít",
  "túi",
  "cái",
  "bộ",
  "tấm",
  "hũ",
] as const satisfies readonly Unit[];
