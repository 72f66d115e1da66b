import { describe, expect, it } from "vitest";
import { en, enGroups } from "~/lib/i18n/en";
import { placeholdersOf, SUPPORTED_LOCALES, t, type MessageKey } from "~/lib/i18n";

import { vi, viGroups } from "~/lib/i18n/vi";

const messages = { vi, en };

const viKeys = Object.keys(vi).sort();

describe("interface strings", () => {
  it.each(SUPPORTED_LOCALES)("%s has exactly the keys of vi.ts", (locale) => {
    expect(Object.keys(messages[locale]).sort()).toEqual(viKeys);
  });

  it.each(SUPPORTED_LOCALES)("%s has no empty message", (locale) => {
    const empty = Object.entries(messages[locale])
      .filter(([, message]) => message.trim() === "")
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("uses the same {placeholders} in both languages", () => {
    const mismatched = viKeys.filter((key) => {
      const messageKey = key as MessageKey;
      return placeholdersOf(vi[messageKey]).join() !== placeholdersOf(en[messageKey]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it("never lets two areas' files define the same key", () => {
    for (const groups of [viGroups, enGroups]) {
      const seen = new Map<string, string>();
      const overlaps: string[] = [];
      for (const [area, group] of Object.entries(groups)) {
        for (const key of Object.keys(group)) {
          const other = seen.get(key);
          if (other) overlaps.push(`${key} (${other}, ${area})`);
          seen.set(key, area);
        }
      }
      expect(overlaps).toEqual([]);
    }
  });

  it("has the same areas with the same keys in both languages", () => {
    expect(Object.keys(enGroups).sort()).toEqual(Object.keys(viGroups).sort());
    for (const area of Object.keys(viGroups) as (keyof typeof viGroups)[]) {
      expect(Object.keys(enGroups[area]).sort(), area).toEqual(Object.keys(viGroups[area]).sort());
    }
  });

  it("stores every message in Unicode NFC", () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const [key, message] of Object.entries(messages[locale])) {
        expect(message.normalize("NFC"), `${locale} ${key}`).toBe(message);
      }
    }
  });

  it("keeps the English strings apart from the Vietnamese ones", () => {
    expect(t("vi", "header.cart")).toBe("Giỏ hàng");
    expect(t("en", "header.cart")).toBe("Cart");
  });
});

describe("t()", () => {
  it("fills parameters", () => {
    expect(t("vi", "header.greeting", { name: "Lan" })).toBe("Xin chào, Lan");
    expect(t("en", "pagination.status", { page: 2, pages: 7 })).toBe("Page 2 of 7");
  });

  it("leaves a placeholder without a value visible", () => {
    expect(t("vi", "header.greeting")).toBe("Xin chào, {name}");
    expect(t("vi", "header.greeting", {})).toBe("Xin chào, {name}");
  });

  it("does not interpret replacement patterns inside values", () => {
    expect(t("en", "search.resultsFor", { q: "$& $1 {q}" })).toBe("Results for “$& $1 {q}”");
  });
});

describe("placeholdersOf()", () => {
  it("finds names in order", () => {
    expect(placeholdersOf("{b} and {a} and {b}")).toEqual(["a", "b", "b"]);
    expect(placeholdersOf("none")).toEqual([]);
  });
});
