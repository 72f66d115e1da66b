import {
  findCommuneByCode,
  findCommunes,
  findProvinceByOfficialCode,
  type Commune,
} from "~/lib/places";
import { findProvince, type Province } from "~/lib/provinces";

/**
 * Where a request wants its goods and where a producer is, as official units, for the
 * "same commune / same province" part of matching. A request names its place by official
 * codes (an old one without them by its text); a producer's commune and address are still
 * free text ("xã Vĩnh Linh", "…, tỉnh Quảng Trị"): a name that stays ambiguous gives what
 * is certain only.
 */

export interface Place {
  commune: Commune | null;
  province: Province | null;
}

const PROVINCE_PREFIX = /^(tỉnh|thành phố|tp\.?)\s+/iu;

function provinceNamed(text: string): Province | null {
  const trimmed = text.trim();
  return findProvince(trimmed) ?? findProvince(trimmed.replace(PROVINCE_PREFIX, "")) ?? null;
}

/** A typed commune within an optional province: the commune when it is the only one so named. */
function placeOf(communeText: string, province: Province | null): Place {
  const communes = findCommunes(communeText, province?.code);
  if (communes.length === 1) {
    const commune = communes[0] ?? null;
    return { commune, province: province ?? provinceNamed(commune?.province ?? "") };
  }
  // Several communes of one province share the name: the province at least is certain.
  const provinces = new Set(communes.map((c) => c.province));
  const only = provinces.size === 1 ? provinceNamed([...provinces][0] ?? "") : null;
  return { commune: null, province: province ?? only };
}

/** A request's delivery place from its official codes; from its text when it has none. */
export function requestPlace(request: {
  provinceCode: string | null;
  communeCode: string | null;
  deliveryLocation: string;
}): Place {
  const commune = request.communeCode ? (findCommuneByCode(request.communeCode) ?? null) : null;
  const province =
    (request.provinceCode ? findProvinceByOfficialCode(request.provinceCode) : undefined) ??
    (commune ? findProvince(commune.province) : undefined) ??
    null;
  if (commune || province) return { commune, province };
  return deliveryPlace(request.deliveryLocation);
}

/** A delivery place typed as text: a commune ("phường Đông Hà"), else a province ("Đà Nẵng"). */
function deliveryPlace(text: string): Place {
  const province = provinceNamed(text);
  if (province) return { commune: null, province };
  const parts = text.split(",").map((part) => part.trim());
  const named = parts.length > 1 ? provinceNamed(parts[parts.length - 1] ?? "") : null;
  return placeOf(parts[0] ?? "", named);
}

const producerPlaces = new Map<string, Place>();

/** A producer's place from its commune and address ("…, xã Vĩnh Linh, tỉnh Quảng Trị"); cached. */
export function producerPlace(commune: string, address: string): Place {
  const key = `${commune}\n${address}`;
  let place = producerPlaces.get(key);
  if (!place) {
    const parts = address.split(",");
    const province = provinceNamed(parts[parts.length - 1] ?? "");
    place = placeOf(commune, province);
    producerPlaces.set(key, place);
  }
  return place;
}
