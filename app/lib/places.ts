import { findProvince, listProvinces, type Province } from "~/lib/provinces";
import { cleanText, foldVietnamese } from "~/lib/text";
// A generated copy of db/seed/places/communes.csv (docs/decisions/018-places.md), so this loads
// under Vite, vitest and plain tsx alike. About 130 KB: a page that lets the browser filter
// communes sends it one province's list (app/components/place-picker.tsx), never this module.
import { COMMUNE_COLUMNS, COMMUNE_ROWS } from "~/lib/places-data/communes.generated";
import { rowsAsRecords } from "~/lib/places-data/rows";

/** xã (rural commune), phường (urban ward) or đặc khu (special zone, the islands). */
export type CommuneKind = "xa" | "phuong" | "dac-khu";

/** A commune-level unit in force since 1 July 2025 (db/seed/places/SOURCE.md). */
export interface Commune {
  /** The official five-digit code, e.g. "19597". */
  code: string;
  /** The official name with its kind, e.g. "Xã Cam Lộ". */
  name: string;
  /** The name without its kind, e.g. "Cam Lộ". */
  shortName: string;
  kind: CommuneKind;
  /** The province's code in db/seed/provinces.csv, e.g. "quang-tri". */
  province: string;
  /** The province's official two-digit code, e.g. "44". */
  provinceOfficialCode: string;
}

const KIND_LABELS: Record<CommuneKind, string> = {
  xa: "Xã",
  phuong: "Phường",
  "dac-khu": "Đặc khu",
};

interface Index {
  communes: Commune[];
  byCode: Map<string, Commune>;
  byProvince: Map<string, Commune[]>;
  /** Folded short name → the communes so named, in every province. */
  byFoldedName: Map<string, Commune[]>;
}

let cached: Index | undefined;

function isKind(value: string): value is CommuneKind {
  return Object.hasOwn(KIND_LABELS, value);
}

/** The matching key of a name: folded, with punctuation (" - ", "'") turned into spaces. */
function nameKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const FOLDED_KIND_PREFIXES = Object.values(KIND_LABELS).map((label) => `${nameKey(label)} `);

/** Drops a leading "xã ", "phường " or "đặc khu " from a name key: "xa cam lo" → "cam lo". */
function withoutKind(key: string): string {
  const prefix = FOLDED_KIND_PREFIXES.find((p) => key.startsWith(p));
  return prefix ? key.slice(prefix.length) : key;
}

function index(): Index {
  if (cached) return cached;
  const rows = rowsAsRecords(COMMUNE_COLUMNS, COMMUNE_ROWS);
  const communes = rows.map((row): Commune => {
    const kind = row.kind ?? "";
    if (!isKind(kind)) throw new Error(`communes.csv: unit ${row.code} has kind "${kind}"`);
    const name = (row.name ?? "").normalize("NFC");
    return {
      code: row.code ?? "",
      name,
      shortName: name.slice(KIND_LABELS[kind].length + 1),
      kind,
      province: row.province ?? "",
      provinceOfficialCode: row.province_official_code ?? "",
    };
  });
  const byCode = new Map<string, Commune>();
  const byProvince = new Map<string, Commune[]>();
  const byFoldedName = new Map<string, Commune[]>();
  const add = (map: Map<string, Commune[]>, key: string, commune: Commune) => {
    const list = map.get(key);
    if (list) list.push(commune);
    else map.set(key, [commune]);
  };
  for (const commune of communes) {
    byCode.set(commune.code, commune);
    add(byProvince, commune.province, commune);
    add(byFoldedName, nameKey(commune.shortName), commune);
  }
  cached = { communes, byCode, byProvince, byFoldedName };
  return cached;
}

/** Every commune-level unit (3,321), ordered by province code then unit code. */
export function listCommunes(): Commune[] {
  return index().communes;
}

/** The communes of a province given by code or name ("quang-tri", "Quảng Trị"); [] if none. */
export function listCommunesOf(province: string): Commune[] {
  const found = findProvince(province);
  return found ? (index().byProvince.get(found.code) ?? []) : [];
}

/** The commune with an official code ("19597"; "4" is read as "00004"); undefined if none. */
export function findCommuneByCode(code: string): Commune | undefined {
  const trimmed = code.trim();
  return /^\d{1,5}$/.test(trimmed) ? index().byCode.get(trimmed.padStart(5, "0")) : undefined;
}

/**
 * Every commune a typed code or name may mean, within a province when one is given. Names
 * match folded, with or without their kind ("xa cam lo", "Cam Lộ"); a kind, when typed,
 * must be the commune's own.
 */
export function findCommunes(nameOrCode: string, province?: string): Commune[] {
  const byCode = findCommuneByCode(nameOrCode);
  const candidates = byCode ? [byCode] : findByName(nameKey(nameOrCode));
  if (province === undefined) return candidates;
  const wanted = findProvince(province);
  return wanted ? candidates.filter((commune) => commune.province === wanted.code) : [];
}

function findByName(key: string): Commune[] {
  const { byFoldedName } = index();
  // A name typed without its kind, then with it; both are tried because a few names start
  // with a kind's word when folded ("Xà Phiên", "Xa Dung").
  const bare = byFoldedName.get(key) ?? [];
  const withKind = (byFoldedName.get(withoutKind(key)) ?? []).filter(
    (commune) => nameKey(commune.name) === key && !bare.includes(commune),
  );
  return [...bare, ...withKind];
}

/**
 * The one commune a typed code or name means, within a province when one is given; undefined
 * if none or if it stays ambiguous. Folding can join two names of one province ("Văn Lăng" and
 * "Văn Lang"): then the name as written, marks included, decides.
 */
export function findCommune(nameOrCode: string, province?: string): Commune | undefined {
  const candidates = findCommunes(nameOrCode, province);
  if (candidates.length <= 1) return candidates[0];
  const typed = cleanText(nameOrCode).toLowerCase();
  const exact = candidates.filter(
    (commune) => commune.name.toLowerCase() === typed || commune.shortName.toLowerCase() === typed,
  );
  return exact.length === 1 ? exact[0] : undefined;
}

/** The province of a commune given by code; undefined if no such commune. */
export function provinceOfCommune(code: string): Province | undefined {
  const commune = findCommuneByCode(code);
  return commune ? listProvinces().find((p) => p.code === commune.province) : undefined;
}

/** The official two-digit code of a province given by its code or name ("quang-tri" → "44"). */
export function officialProvinceCode(province: string): string | undefined {
  return listCommunesOf(province)[0]?.provinceOfficialCode;
}

/** The province with an official two-digit code ("44"; "1" is read as "01"); undefined if none. */
export function findProvinceByOfficialCode(code: string): Province | undefined {
  const trimmed = code.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return undefined;
  const wanted = trimmed.padStart(2, "0");
  const commune = index().communes.find((c) => c.provinceOfficialCode === wanted);
  return commune ? findProvince(commune.province) : undefined;
}
