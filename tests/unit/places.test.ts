import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  findCommune,
  findCommuneByCode,
  findCommunes,
  findProvinceByOfficialCode,
  listCommunes,
  listCommunesOf,
  provinceOfCommune,
} from "~/lib/places";
import { findProvince, listProvinces } from "~/lib/provinces";
import { COMMUNE_COLUMNS, COMMUNE_ROWS } from "~/lib/places-data/communes.generated";
import { PROVINCE_COLUMNS, PROVINCE_ROWS } from "~/lib/places-data/provinces.generated";

function seedRows(file: string): Record<string, string>[] {
  return parse(readFileSync(`db/seed/${file}`, "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}

describe("the official list of administrative units since 1 July 2025", () => {
  it("has 34 provinces, each with communes", () => {
    expect(listProvinces()).toHaveLength(34);
    const used = new Set(listCommunes().map((c) => c.province));
    expect([...used].sort()).toEqual(
      listProvinces()
        .map((p) => p.code)
        .sort(),
    );
  });

  it("has 3,321 communes: 2,621 xã, 687 phường and 13 đặc khu", () => {
    const communes = listCommunes();
    expect(communes).toHaveLength(3321);
    const count = (kind: string) => communes.filter((c) => c.kind === kind).length;
    expect(count("xa")).toBe(2621);
    expect(count("phuong")).toBe(687);
    expect(count("dac-khu")).toBe(13);
  });

  it("puts every commune in a province of db/seed/provinces.csv, under one official code", () => {
    const officialCodes = new Map<string, Set<string>>();
    for (const commune of listCommunes()) {
      expect(findProvince(commune.province)?.code).toBe(commune.province);
      const codes = officialCodes.get(commune.province) ?? new Set();
      officialCodes.set(commune.province, codes.add(commune.provinceOfficialCode));
    }
    const codeOf = (province: string) => [...(officialCodes.get(province) ?? [])];
    expect(codeOf("quang-tri")).toEqual(["44"]);
    expect(codeOf("ha-noi")).toEqual(["01"]);
    expect(codeOf("ca-mau")).toEqual(["96"]);
    const all = [...officialCodes.values()].flatMap((codes) => [...codes]);
    expect(all.every((code) => /^\d{2}$/.test(code))).toBe(true);
    expect(new Set(all).size).toBe(34);
  });

  it("gives each commune a unique five-digit code and an NFC name with its kind", () => {
    const communes = listCommunes();
    expect(new Set(communes.map((c) => c.code)).size).toBe(communes.length);
    const label = { xa: "Xã", phuong: "Phường", "dac-khu": "Đặc khu" } as const;
    for (const commune of communes) {
      expect(commune.code).toMatch(/^\d{5}$/);
      expect(commune.name.normalize("NFC")).toBe(commune.name);
      expect(commune.name).toBe(`${label[commune.kind]} ${commune.shortName}`);
      expect(commune.shortName.trim()).toBe(commune.shortName);
      expect(commune.shortName).not.toBe("");
    }
  });

  it("has no two communes of one name in a province", () => {
    for (const province of listProvinces()) {
      const names = listCommunesOf(province.code).map((c) => c.shortName);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe("looking communes up", () => {
  it("lists a province's communes by its code or name", () => {
    const quangTri = listCommunesOf("quang-tri");
    expect(quangTri).toHaveLength(78);
    expect(listCommunesOf("Quảng Trị")).toEqual(quangTri);
    expect(quangTri.filter((c) => c.kind === "dac-khu").map((c) => c.name)).toEqual([
      "Đặc khu Cồn Cỏ",
    ]);
    expect(listCommunesOf("Quảng Bình")).toEqual([]);
  });

  it("finds a commune by code, by name folded, with or without its kind", () => {
    const camLo = findCommune("Xã Cam Lộ");
    expect(camLo).toMatchObject({
      code: "19597",
      name: "Xã Cam Lộ",
      shortName: "Cam Lộ",
      kind: "xa",
      province: "quang-tri",
      provinceOfficialCode: "44",
    });
    expect(findCommune("xa cam lo")).toBe(camLo);
    expect(findCommune("  CAM LỘ ")).toBe(camLo);
    expect(findCommune("Cam Lộ".normalize("NFD"))).toBe(camLo);
    expect(findCommune(camLo?.code ?? "")).toBe(camLo);
    expect(findCommuneByCode(camLo?.code ?? "")).toBe(camLo);
    expect(findCommune("Phường Cam Lộ")).toBeUndefined();
    expect(findCommune("Xã Đông Hà")).toBeUndefined();
    expect(findCommune("phuong dong ha")?.name).toBe("Phường Đông Hà");
    expect(findCommune("Xã Văn Miếu - Quốc Tử Giám")).toBeUndefined();
    expect(findCommune("phuong van mieu quoc tu giam")?.province).toBe("ha-noi");
  });

  it("reads a short code as the zero-padded official code", () => {
    expect(findCommuneByCode("4")).toBe(findCommuneByCode("00004"));
    expect(findCommuneByCode("00004")?.name).toBe("Phường Ba Đình");
    expect(findCommuneByCode("99999")).toBeUndefined();
    expect(findCommuneByCode("Ba Đình")).toBeUndefined();
  });

  it("narrows a name found in several provinces to the province given", () => {
    const everywhere = findCommunes("Xã Tân Thành");
    expect(new Set(everywhere.map((c) => c.province)).size).toBeGreaterThan(1);
    expect(findCommune("Xã Tân Thành")).toBeUndefined();
    expect(findCommune("Xã Tân Thành", "quang-tri")?.province).toBe("quang-tri");
    expect(findCommune("Xã Tân Thành", "Quảng Trị")).toBe(findCommune("Xã Tân Thành", "quang-tri"));
    expect(findCommune("Xã Cam Lộ", "ha-noi")).toBeUndefined();
    expect(findCommunes("Xã Cam Lộ", "no-such-province")).toEqual([]);
  });

  it("lets the marks decide between names that fold alike in one province", () => {
    // Thái Nguyên has both a Văn Lăng and a Văn Lang.
    expect(findCommunes("van lang", "thai-nguyen")).toHaveLength(2);
    expect(findCommune("van lang", "thai-nguyen")).toBeUndefined();
    expect(findCommune("Xã Văn Lăng", "thai-nguyen")?.name).toBe("Xã Văn Lăng");
    expect(findCommune("Văn Lang", "thai-nguyen")?.name).toBe("Xã Văn Lang");
  });

  it("finds names that start with a kind's word when folded", () => {
    const xaPhien = findCommunes("Xà Phiên");
    expect(xaPhien.map((c) => c.name)).toContain("Xã Xà Phiên");
    expect(findCommune("Xã Xà Phiên")?.shortName).toBe("Xà Phiên");
  });

  it("finds a province by its official code", () => {
    expect(findProvinceByOfficialCode("44")?.code).toBe("quang-tri");
    expect(findProvinceByOfficialCode("1")?.code).toBe("ha-noi");
    expect(findProvinceByOfficialCode("45")).toBeUndefined();
    expect(findProvinceByOfficialCode("quang-tri")).toBeUndefined();
  });

  it("gives the province of a commune", () => {
    expect(provinceOfCommune(findCommune("Đặc khu Cồn Cỏ")?.code ?? "")?.name).toBe("Quảng Trị");
    expect(provinceOfCommune("00070")?.code).toBe("ha-noi");
    expect(provinceOfCommune("99999")).toBeUndefined();
  });
});

describe("the generated place modules", () => {
  it("are exact copies of the seed CSV files (else run: npx tsx scripts/places-generate.ts)", () => {
    const csv = (path: string) =>
      parse(readFileSync(path, "utf8"), { skip_empty_lines: true }) as string[][];
    expect([PROVINCE_COLUMNS, ...PROVINCE_ROWS]).toEqual(csv("db/seed/provinces.csv"));
    expect([COMMUNE_COLUMNS, ...COMMUNE_ROWS]).toEqual(csv("db/seed/places/communes.csv"));
  });
});

describe("the communes named in the seed data", () => {
  const quangTri = new Set(listCommunesOf("quang-tri").map((c) => c.name.toLowerCase()));

  it("knows every commune of a Quảng Trị org unit", () => {
    const units = seedRows("org_units.csv").filter((row) => row.level === "commune");
    expect(units.length).toBeGreaterThan(0);
    const missing = units
      .map((row) => (row.name ?? "").replace(/^Hội LHPN /, ""))
      .filter((name) => !quangTri.has(name.toLowerCase()));
    expect(missing).toEqual([]);
  });

  it("knows every producer's commune", () => {
    const missing = seedRows("producers.csv")
      .map((row) => row.commune ?? "")
      .filter((name) => !quangTri.has(name.toLowerCase()));
    expect(missing).toEqual([]);
  });

  it("knows every commune a purchase request is delivered to", () => {
    const communes = seedRows("purchase_requests.csv")
      .map((row) => row.delivery_commune_or_city ?? "")
      .filter((place) => /^(xã|phường) /.test(place));
    expect(communes.length).toBeGreaterThan(0);
    expect(communes.filter((name) => !quangTri.has(name.toLowerCase()))).toEqual([]);
  });
});
