/**
 * `npx tsx scripts/places-import.ts SOURCE.json`: regenerates db/seed/places/communes.csv from
 * the JSON export of the thanglequoc/vietnamese-provinces-database data set
 * (json/full_json_generated_data_vn_units*.json at a release tag; see db/seed/places/SOURCE.md).
 *
 * The source is checked before anything is written: 34 provinces, each one of
 * db/seed/provinces.csv (matched by its name's slug); every unit a xã, phường or đặc khu with a
 * five-digit code used once, its full name its kind followed by its name (the name written
 * is rebuilt from the two, so its kind is always capitalised). Any surprise stops the
 * import with exit code 1 and leaves the file as it was, so a refresh cannot half-succeed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { slugify } from "~/lib/text";

const PROVINCES_CSV = join("db", "seed", "provinces.csv");
const OUTPUT = join("db", "seed", "places", "communes.csv");

/** The source's administrative unit names and the kinds the app stores. */
const KINDS = { Xã: "xa", Phường: "phuong", "Đặc khu": "dac-khu" } as const;
type SourceKind = keyof typeof KINDS;

/**
 * Spelling fixes to the source, each backed by the official annex (Công văn 1027/CTK-CSCL) and
 * by a later release of the source itself. Applied only while the source still has the old text.
 */
const CORRECTIONS: Record<string, { from: string; to: string }> = {
  "00745": { from: "Phó Bảng", to: "Phố Bảng" },
};

interface SourceWard {
  Code: string;
  Name: string;
  FullName: string;
  AdministrativeUnitShortName: string;
}

interface SourceProvince {
  Code: string;
  Name: string;
  Wards: SourceWard[];
}

interface CommuneRow {
  code: string;
  name: string;
  kind: (typeof KINDS)[SourceKind];
  province: string;
  provinceOfficialCode: string;
}

function fail(message: string): never {
  console.error(`places-import: ${message}`);
  process.exit(1);
}

function isSourceKind(label: string): label is SourceKind {
  return Object.hasOwn(KINDS, label);
}

function readProvinceCodes(): Set<string> {
  const rows = parse(readFileSync(PROVINCES_CSV, "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  return new Set(rows.map((row) => row.code ?? ""));
}

function toRows(source: SourceProvince[], provinceCodes: Set<string>): CommuneRow[] {
  if (source.length !== provinceCodes.size) {
    fail(`${source.length} provinces in the source, ${provinceCodes.size} in ${PROVINCES_CSV}`);
  }
  const seenProvinces = new Set<string>();
  const seenCodes = new Set<string>();
  const rows: CommuneRow[] = [];
  for (const province of source) {
    const slug = slugify(province.Name);
    if (!provinceCodes.has(slug))
      fail(`province "${province.Name}" (${slug}) is not in ${PROVINCES_CSV}`);
    if (seenProvinces.has(slug)) fail(`province "${province.Name}" appears twice`);
    seenProvinces.add(slug);
    if (!/^\d{2}$/.test(province.Code))
      fail(`province "${province.Name}" has code "${province.Code}"`);
    for (const ward of province.Wards) {
      const label = ward.AdministrativeUnitShortName;
      if (!isSourceKind(label)) fail(`unit ${ward.Code} is a "${label}"`);
      if (!/^\d{5}$/.test(ward.Code)) fail(`unit "${ward.FullName}" has code "${ward.Code}"`);
      if (seenCodes.has(ward.Code)) fail(`code ${ward.Code} is used twice`);
      seenCodes.add(ward.Code);
      // Compared ignoring case: one release spells a full name "xã Bắc Sơn".
      if (ward.FullName.toLowerCase() !== `${label} ${ward.Name}`.toLowerCase()) {
        fail(`unit ${ward.Code}: full name "${ward.FullName}" is not "${label} ${ward.Name}"`);
      }
      const correction = CORRECTIONS[ward.Code];
      const shortName = correction?.from === ward.Name ? correction.to : ward.Name;
      rows.push({
        code: ward.Code,
        name: `${label} ${shortName}`.normalize("NFC"),
        kind: KINDS[label],
        province: slug,
        provinceOfficialCode: province.Code,
      });
    }
  }
  // Sorted by province then unit code, so a refresh shows as a readable diff.
  return rows.sort(
    (a, b) =>
      a.provinceOfficialCode.localeCompare(b.provinceOfficialCode) || a.code.localeCompare(b.code),
  );
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function toCsv(rows: CommuneRow[]): string {
  const lines = ["code,name,kind,province,province_official_code"];
  for (const row of rows) {
    lines.push(
      [row.code, row.name, row.kind, row.province, row.provinceOfficialCode]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

const sourcePath = process.argv[2];
if (!sourcePath) fail("usage: npx tsx scripts/places-import.ts SOURCE.json");
const source = JSON.parse(readFileSync(sourcePath, "utf8")) as SourceProvince[];
if (!Array.isArray(source)) fail(`${sourcePath} is not a list of provinces`);
const rows = toRows(source, readProvinceCodes());
writeFileSync(OUTPUT, toCsv(rows));
const byKind = new Map<string, number>();
for (const row of rows) byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + 1);
console.log(
  `${OUTPUT}: ${rows.length} units in ${new Set(rows.map((r) => r.province)).size} provinces (` +
    [...byKind].map(([kind, count]) => `${kind} ${count}`).join(", ") +
    ")",
);
