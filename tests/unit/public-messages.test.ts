import path from "node:path";
import { describe, expect, it, vi as vitest } from "vitest";
import { vi } from "~/lib/i18n/vi";
import { keyLikeStrings } from "~/lib/i18n/page-data-keys";
import { messageScopeOf } from "~/lib/i18n/public-pages";
import { publicMessageKeys } from "../../scripts/build/public-messages";

/**
 * Issue 17, browser side: a public page loads only the messages its code names (decision 035).
 * The browser build is covered end to end by tests/e2e/one-language.spec.ts.
 */
describe("the public pages' messages", () => {
  const keys = publicMessageKeys(path.resolve("app"), Object.keys(vi));

  it("holds what the header, footer and public pages name, not the staff pages' strings", () => {
    expect(keys).toEqual(expect.arrayContaining(["header.greeting", "footer.sell"]));
    expect(keys).toEqual(expect.arrayContaining(["language.switchTo", "site.skipToContent"]));
    expect(keys).not.toContain("reports.intro");
    expect(keys.length).toBeLessThan(Object.keys(vi).length / 4);
  });

  it("takes every key under a prefix the code builds at run time", () => {
    // `requestStatus.${status}` and the like: each status of a request gets its label.
    const statusLabels = Object.keys(vi).filter((key) => key.startsWith("requestStatus."));
    expect(statusLabels.length).toBeGreaterThan(0);
    expect(keys).toEqual(expect.arrayContaining(statusLabels));
  });

  it("is what a page needs when every route of it is public", () => {
    expect(messageScopeOf(["root", "routes/_index"])).toBe("public");
    expect(messageScopeOf(["root", "routes/san-pham.$slug"])).toBe("public");
    expect(messageScopeOf(["root", "routes/dang-nhap"])).toBe("all");
    expect(messageScopeOf(["root", "routes/quan-ly", "routes/quan-ly.bao-cao"])).toBe("all");
  });
});

describe("keys a page's data names (a loader may send one)", () => {
  it("finds quoted key-shaped strings in the loader data, also escaped, and nothing else", () => {
    const data = String.raw`enqueue("[{\"_1\":2},\"status\",\"requestStatus.open\",\"https://a.b/c\",\"640.webp\",\"Cà phê\"]")`;
    expect(
      keyLikeStrings([data, '{"@type":"Product","name":"x"}', 'void "reports.intro";']),
    ).toEqual(["requestStatus.open", "reports.intro"]);
  });
});

describe("translating with only the public messages loaded (the browser)", () => {
  it("waits for the whole language when a key is missing, then answers", async () => {
    vitest.resetModules();
    vitest.doMock("~/lib/i18n/bundled-catalogs", () => ({
      bundledCatalogs: {},
      catalogLoaders: {
        vi: {
          public: () => Promise.resolve({ "header.cart": vi["header.cart"] }),
          all: () => Promise.resolve(vi),
        },
        en: { public: () => Promise.reject(new Error("offline")), all: () => Promise.resolve({}) },
      },
    }));
    const { hasMessages, loadMessages, t } = await import("~/lib/i18n/translate");
    try {
      await loadMessages("vi", "public");
      expect(hasMessages("vi", "public")).toBe(true);
      expect(hasMessages("vi", "all")).toBe(false);
      expect(t("vi", "header.cart")).toBe(vi["header.cart"]);

      // Inside a render React waits for the thrown promise, then renders again.
      let thrown: unknown;
      try {
        t("vi", "reports.intro");
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Promise);
      await thrown;
      expect(hasMessages("vi", "all")).toBe(true);
      expect(t("vi", "reports.intro")).toBe(vi["reports.intro"]);

      // A lost request is tried again by the next caller rather than remembered.
      await expect(loadMessages("en", "public")).rejects.toThrow("offline");
      await expect(loadMessages("en", "public")).rejects.toThrow("offline");
    } finally {
      vitest.doUnmock("~/lib/i18n/bundled-catalogs");
      vitest.resetModules();
    }
  });
});
