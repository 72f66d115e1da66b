import { describe, expect, it } from "vitest";
import { cleanText, foldVietnamese, slugify, toNfc } from "~/lib/text";

describe("toNfc", () => {
  it("composes decomposed Vietnamese", () => {
    const decomposed = "Đậu đen".normalize("NFD");
    expect(decomposed).not.toBe("Đậu đen");
    expect(toNfc(decomposed)).toBe("Đậu đen");
  });
});

describe("foldVietnamese", () => {
  it("drops tone and vowel marks, folds đ and lower-cases", () => {
    expect(foldVietnamese("Đậu đen Đakrông")).toBe("dau den dakrong");
    expect(foldVietnamese("Cà phê Arabica Khe Sanh")).toBe("ca phe arabica khe sanh");
    expect(foldVietnamese("MẬT ONG RỪNG")).toBe("mat ong rung");
    expect(foldVietnamese("ươ ư ơ ă â ê ô")).toBe("uo u o a a e o");
  });

  it("gives the same key for composed and decomposed input", () => {
    expect(foldVietnamese("Hồ tiêu".normalize("NFD"))).toBe(foldVietnamese("Hồ tiêu"));
  });
});

describe("slugify", () => {
  it("makes an ASCII slug with dashes", () => {
    expect(slugify("Đậu đen Đakrông")).toBe("dau-den-dakrong");
    expect(slugify("Hồ tiêu đen Vĩnh Linh 500g")).toBe("ho-tieu-den-vinh-linh-500g");
    expect(slugify("  Rau, củ & nấm tươi!  ")).toBe("rau-cu-nam-tuoi");
  });

  it("cuts long slugs without a trailing dash", () => {
    const slug = slugify("Mật ong rừng ".repeat(20), 20);
    expect(slug.length).toBeLessThanOrEqual(20);
    expect(slug).not.toMatch(/-$/);
    expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  it("is empty for text without letters or digits", () => {
    expect(slugify("—!?")).toBe("");
  });
});

describe("cleanText", () => {
  it("trims and composes", () => {
    expect(cleanText("  Gạo ".normalize("NFD"))).toBe("Gạo");
  });
});
