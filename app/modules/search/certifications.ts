import { CERTIFICATION_KINDS } from "~db/schema";
import { foldedWords } from "./words";

/** Certification kinds search filters and counts on (OCOP has its own facet, by stars). */
export const CERT_KINDS: readonly string[] = CERTIFICATION_KINDS;

/** The index of a kind in CERT_KINDS, compared folded ("huu co" = "hữu cơ", "vietgap"); -1 if none. */
export function certificationIndex(kind: string): number {
  const wanted = foldedWords(kind).join("");
  return CERT_KINDS.findIndex((k) => foldedWords(k).join("") === wanted);
}
