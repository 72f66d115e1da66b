import { parse } from "csv-parse/sync";
import { cleanText } from "~/lib/text";
// Bundled with the server build, so the list never depends on the working directory.
import provincesCsv from "~db/seed/provinces.csv?raw";

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
  cached ??= (
    parse(provincesCsv, { columns: true, skip_empty_lines: true }) as Record<string, string>[]
  ).map((row) => ({
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
