import { cleanText } from "~/lib/text";
// A generated copy of db/seed/provinces.csv as rows (docs/decisions/018-places.md): loads the
// same in the Vite build, the browser, vitest and plain tsx, whatever the working directory.
import { PROVINCE_COLUMNS, PROVINCE_ROWS } from "~/lib/places-data/provinces.generated";
import { rowsAsRecords } from "~/lib/places-data/rows";

export interface Province {
  code: string;
  name: string;
  kind: "thanh-pho" | "tinh";
  /** Provinces merged into this one on 1 July 2025, to map old addresses. */
  mergedFrom: string[];
}

let cached: Province[] | undefined;

/** The 34 provincial units in force since 1 July 2025, in the file's order. */
export function listProvinces(): Province[] {
  cached ??= rowsAsRecords(PROVINCE_COLUMNS, PROVINCE_ROWS).map((row) => ({
    code: row.code ?? "",
    name: (row.name ?? "").normalize("NFC"),
    kind: row.kind === "thanh-pho" ? "thanh-pho" : "tinh",
    mergedFrom: (row.merged_from ?? "").split(";").filter(Boolean),
  }));
  return cached;
}

/**
 * The province for a name or code as typed ("Quảng Trị", "quang-tri"); undefined if none.
 * The one province normalisation: the checkout form, the API and the form defaults use it.
 */
export function findProvince(nameOrCode: string): Province | undefined {
  const wanted = cleanText(nameOrCode).toLowerCase();
  return listProvinces().find((p) => p.code === wanted || p.name.toLowerCase() === wanted);
}
