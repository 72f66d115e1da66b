import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/lib/safe-redirect";

/** Every character a `Location` header may carry unescaped (RFC 3986), "#" once. */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*(#[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*)?$/;

describe("safeRedirectPath", () => {
  it("keeps a path on this site with its query, already encoded", () => {
    expect(safeRedirectPath("/tim-kiem?q=ti%C3%AAu")).toBe("/tim-kiem?q=ti%C3%AAu");
    expect(safeRedirectPath("/")).toBe("/");
    expect(safeRedirectPath("/don-hang/12?xong=1#chi-tiet")).toBe("/don-hang/12?xong=1#chi-tiet");
  });

  it("percent-encodes a non-ASCII path, query and fragment as UTF-8", () => {
    expect(safeRedirectPath("/tìm-kiếm")).toBe("/t%C3%ACm-ki%E1%BA%BFm");
    expect(safeRedirectPath("/tìm-kiếm?q=cà phê")).toBe(
      "/t%C3%ACm-ki%E1%BA%BFm?q=c%C3%A0%20ph%C3%AA",
    );
    expect(safeRedirectPath("/a#đ")).toBe("/a#%C4%91");
    // Decomposed and precomposed Vietnamese are kept as typed, both decodable.
    const decomposed = "/tie\u0302u";
    expect(decodeURIComponent(safeRedirectPath(decomposed))).toBe(decomposed);
  });

  it("answers only characters a Location header may carry, and decodes back", () => {
    for (const target of [
      "/tìm-kiếm?q=Cà phê Khe Sanh&loai=đặc-sản",
      "/a|b^c[d]?x={y}|`#f{g}#h",
      "/100%?giam=50%",
      "/\u{1F33E}/lúa",
      "/\ud800x", // an unpaired surrogate becomes U+FFFD, never a broken escape
    ]) {
      const path = safeRedirectPath(target);
      expect(path, target).toMatch(URI_CHARACTERS);
      expect(path.startsWith("/") && !path.startsWith("//"), target).toBe(true);
      expect(() => decodeURIComponent(path), target).not.toThrow();
    }
    expect(safeRedirectPath("/100%?giam=50%")).toBe("/100%25?giam=50%25");
  });

  it("sends anything that could leave the site home", () => {
    for (const target of [
      "https://evil.example/",
      "https:evil.example",
      "http:/evil.example",
      "//evil.example",
      "///evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "/a\\b",
      "\\\\evil.example",
      "/..//evil.example", // dot segments would collapse into "//evil.example"
      "/.//evil.example",
      "/a/../..//evil.example",
      "/%2F%2Fevil.example", // one decoding away from "//evil.example"
      "/%2fevil.example",
      "/%5Cevil.example",
      "/%5cevil.example",
      "javascript:alert(1)",
      "evil",
      " /tim-kiem",
      "",
      undefined,
      null,
      42,
      ["/"],
    ]) {
      expect(safeRedirectPath(target), String(target)).toBe("/");
    }
  });

  it("refuses control characters instead of cleaning them", () => {
    for (const target of [
      "/\nLocation: https://evil.example",
      "/\r\nSet-Cookie: x=1",
      "/\t/evil.example", // browsers drop the tab: "//evil.example"
      "/a\u0000b",
      "/a\u007fb",
      "/a\u0085b",
    ]) {
      expect(safeRedirectPath(target), JSON.stringify(target)).toBe("/");
    }
  });

  it("refuses escapes that are not UTF-8 and targets too long for a header", () => {
    expect(safeRedirectPath("/a%C3")).toBe("/");
    expect(safeRedirectPath("/a?q=%FF")).toBe("/");
    expect(safeRedirectPath(`/${"a".repeat(2048)}`)).toBe("/");
    expect(safeRedirectPath(`/${"ệ".repeat(300)}`)).toBe("/"); // 2,700 characters once encoded
    expect(safeRedirectPath(`/${"a".repeat(2000)}`)).toBe(`/${"a".repeat(2000)}`);
  });

  it("gives the caller's fallback when refused", () => {
    expect(safeRedirectPath("//evil.example", "")).toBe("");
    expect(safeRedirectPath("/gio-hang", "")).toBe("/gio-hang");
  });
});
