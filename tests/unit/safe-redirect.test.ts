import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/modules/preferences/locale.server";

describe("safeRedirectPath", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeRedirectPath("/tim-kiem?q=ti%C3%AAu")).toBe("/tim-kiem?q=ti%C3%AAu");
    expect(safeRedirectPath("/")).toBe("/");
  });

  it("sends anything that could leave the site home", () => {
    for (const target of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "evil",
      "/\nLocation: x",
      "",
      undefined,
      42,
    ]) {
      expect(safeRedirectPath(target), String(target)).toBe("/");
    }
  });
});
