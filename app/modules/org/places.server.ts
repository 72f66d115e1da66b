import { and, eq, isNull } from "drizzle-orm";
import type { MessageKey } from "~/lib/i18n";
import {
  findCommune,
  findCommuneByCode,
  findProvinceByOfficialCode,
  officialProvinceCode,
  type Commune,
} from "~/lib/places";
import { findProvince, listProvinces, type Province } from "~/lib/provinces";
import { foldVietnamese } from "~/lib/text";
import type { Db } from "~db/client.server";
import { orgUnits } from "~db/schema";

/**
 * Places as requests (and later checkout) use them: a province and a commune typed or picked
 * by official name or code, resolved to official codes, and the org unit that looks after a
 * commune (docs/decisions/018-places.md).
 */

/** A delivery place resolved to the official list. */
export interface ResolvedPlace {
  /** Official two-digit province code, e.g. "44". */
  provinceCode: string;
  /** Official five-digit commune code, e.g. "19333". */
  communeCode: string;
  province: Province;
  commune: Commune;
  /** The place as people read it: "Phường Đông Hà, Tỉnh Quảng Trị". */
  label: string;
}

/** Why a place could not be resolved: the field to mark and the catalog key to show. */
export interface PlaceError {
  field: "province" | "commune";
  key: MessageKey;
}

const PROVINCE_PREFIXES = ["tinh ", "thanh pho ", "tp ", "t p "];

/** "Tỉnh Quảng Trị", "TP. Hồ Chí Minh", "quang tri" → "quang tri", "ho chi minh". */
function provinceKey(text: string): string {
  const key = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  const prefix = PROVINCE_PREFIXES.find((p) => key.startsWith(p));
  return prefix ? key.slice(prefix.length) : key;
}

/** A province by official code ("44"), code ("quang-tri") or name, folded, with or without its kind. */
export function findProvinceLoosely(text: string): Province | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const byOfficial = findProvinceByOfficialCode(trimmed);
  if (byOfficial) return byOfficial;
  const exact = findProvince(trimmed);
  if (exact) return exact;
  const key = provinceKey(trimmed);
  return listProvinces().find(
    (p) => provinceKey(p.name) === key || p.code === key.replaceAll(" ", "-"),
  );
}

/** "Tỉnh Quảng Trị" or "Thành phố Hà Nội": the province's official name with its kind. */
export function provinceFullName(province: Province): string {
  // The list writes Hồ Chí Minh City as "TP. Hồ Chí Minh", its common short form.
  const name = province.name.replace(/^TP\. /, "");
  return `${province.kind === "thanh-pho" ? "Thành phố" : "Tỉnh"} ${name}`;
}

/**
 * A province and a commune as typed or picked (official name, folded, with or without
 * "tỉnh/thành phố/xã/phường/đặc khu", or official code) → their official codes, or which
 * field is wrong. The commune must lie in the province.
 */
export function resolvePlace(input: {
  province: string;
  commune: string;
}): { ok: true; place: ResolvedPlace } | { ok: false; error: PlaceError } {
  const province = findProvinceLoosely(input.province);
  if (!province) {
    return { ok: false, error: { field: "province", key: "requests.errors.unknownProvince" } };
  }
  const commune =
    input.commune.trim() === "" ? undefined : findCommune(input.commune, province.code);
  if (!commune) {
    const elsewhere = findCommuneByCode(input.commune);
    return {
      ok: false,
      error: {
        field: "commune",
        key: elsewhere ? "requests.errors.communeNotInProvince" : "requests.errors.unknownCommune",
      },
    };
  }
  return {
    ok: true,
    place: {
      provinceCode: officialProvinceCode(province.code) ?? commune.provinceOfficialCode,
      communeCode: commune.code,
      province,
      commune,
      label: `${commune.name}, ${provinceFullName(province)}`,
    },
  };
}

/**
 * The org unit that looks after a commune: the unit whose commune_code is that commune, else
 * the province-level root unit (the Union of the province runs the marketplace). A unit that
 * was merged is never returned: its survivor is (docs/decisions/021). Null only when the
 * database has no org units at all.
 */
export function orgUnitCoveringCommune(
  db: Db,
  communeCode: string,
): { id: number; name: string; path: string } | null {
  const columns = {
    id: orgUnits.id,
    name: orgUnits.name,
    path: orgUnits.path,
    mergedIntoId: orgUnits.mergedIntoId,
  };
  let own = db.select(columns).from(orgUnits).where(eq(orgUnits.communeCode, communeCode)).get();
  // A merged unit sits below its survivor, so following merged_into_id always ends.
  while (own?.mergedIntoId != null) {
    own = db.select(columns).from(orgUnits).where(eq(orgUnits.id, own.mergedIntoId)).get();
  }
  if (own) return { id: own.id, name: own.name, path: own.path };
  return (
    db
      .select(columns)
      .from(orgUnits)
      .where(and(eq(orgUnits.level, "province"), isNull(orgUnits.parentId)))
      .orderBy(orgUnits.id)
      .limit(1)
      .get() ?? null
  );
}
