import { describe, expect, it } from "vitest";
import { findProvinceLoosely, resolvePlace } from "~/modules/org/places.server";

describe("resolvePlace", () => {
  it.each([
    ["44", "19597"],
    ["Quảng Trị", "Xã Cam Lộ"],
    ["tỉnh quảng trị", "xa cam lo"],
    ["QUANG TRI", "Cam Lộ"],
    ["quang-tri", "19597"],
  ])("reads province %j and commune %j as official codes", (province, commune) => {
    const resolved = resolvePlace({ province, commune });
    expect(resolved).toMatchObject({
      ok: true,
      place: { provinceCode: "44", communeCode: "19597", label: "Xã Cam Lộ, Tỉnh Quảng Trị" },
    });
  });

  it("reads a city with or without its kind", () => {
    for (const province of ["Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "ho chi minh", "79"]) {
      expect(findProvinceLoosely(province)?.code, province).toBe("ho-chi-minh");
    }
    expect(resolvePlace({ province: "Hà Nội", commune: "phường hoàn kiếm" })).toMatchObject({
      ok: true,
      place: {
        provinceCode: "01",
        communeCode: "00070",
        label: "Phường Hoàn Kiếm, Thành phố Hà Nội",
      },
    });
  });

  it("names the wrong field with a catalog key", () => {
    expect(resolvePlace({ province: "Atlantis", commune: "19597" })).toEqual({
      ok: false,
      error: { field: "province", key: "requests.errors.unknownProvince" },
    });
    expect(resolvePlace({ province: "44", commune: "Xã Không Có" })).toEqual({
      ok: false,
      error: { field: "commune", key: "requests.errors.unknownCommune" },
    });
    expect(resolvePlace({ province: "44", commune: "" })).toMatchObject({
      ok: false,
      error: { field: "commune" },
    });
    expect(resolvePlace({ province: "Hà Nội", commune: "19597" })).toEqual({
      ok: false,
      error: { field: "commune", key: "requests.errors.communeNotInProvince" },
    });
  });
});
