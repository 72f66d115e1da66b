import type { Page } from "@playwright/test";
import { audit, expect, expectNoHorizontalScroll, snapshot, test, visit } from "./fixtures";
import { hydratedPublicPage, t } from "./support";

/**
 * The search page (/tim-kiem) on a 360 px phone, with and without JavaScript: words typed
 * without marks find the marked product, a facet link narrows the results and their count,
 * sorting by price works, a query with no result offers a purchase request carrying it,
 * and with JavaScript, suggestions appear while typing: from React on a page that hydrates (a
 * purchase request), from the island (app/islands/header-suggest.ts) on a page sent without
 * React (home, search, product, producer).
 */

const MARKED_TITLE = "Cà phê Arabica Khe Sanh rang xay 500g";
const NO_RESULT_QUERY = "xqzw khongcotrongkho";

/** The number in "Tìm thấy 12 sản phẩm". */
async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator("#so-ket-qua").textContent()) ?? "";
  const match = /([\d.]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no count in "${text}"`);
  return Number(match[1].replace(/\./g, ""));
}

/**
 * After a click, which loaded a page: the search page is sent without React (decision 035), so
 * also with JavaScript a filter or a sort is a page load, which must be checked.
 */
async function settled(page: Page, url: RegExp) {
  await page.waitForURL(url);
  await expect(page.locator("#so-ket-qua")).not.toHaveText(t("vi", "search.loading"));
  await audit(page);
  await expectNoHorizontalScroll(page);
}

/** The prices of the hits in page order (in-stock goods only: out-of-stock ones come last). */
async function inStockPrices(page: Page): Promise<number[]> {
  const cards = page.locator("main article");
  const count = await cards.count();
  const prices: number[] = [];
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    if ((await card.getByText(t("vi", "product.outOfStock")).count()) > 0) continue;
    const price = (await card.locator("p.font-bold").textContent()) ?? "";
    prices.push(Number(price.split("/")[0]?.replace(/\D/g, "")));
  }
  return prices;
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "search with JavaScript" : "search without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width: 360, height: 740 } });

    test("words without marks, a facet, sorting and no results", async ({ page }) => {
      const suffix = javaScript ? "js" : "nojs";
      // Words typed without marks find the marked product, among the first results.
      await visit(page, "/tim-kiem?q=ca+phe+khe+sanh");
      await expectNoHorizontalScroll(page);
      const first = page.locator("main article h2 a").first();
      await expect(page.getByRole("link", { name: MARKED_TITLE, exact: true })).toBeVisible();
      await expect(first).toContainText(/Cà phê|Khe Sanh/);
      await snapshot(page, `search-${suffix}-results-360`);

      // Sorting by price, low to high.
      await visit(page, "/tim-kiem?q=ca+phe");
      const total = await resultCount(page);
      await page
        .getByRole("navigation", { name: t("vi", "search.sortLabel") })
        .getByRole("link", { name: t("vi", "search.sortPriceAsc") })
        .click();
      await settled(page, /sap-xep=gia-tang/);
      expect(await resultCount(page)).toBe(total);
      const prices = await inStockPrices(page);
      expect(prices.length).toBeGreaterThan(2);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));

      // A facet link (a commune) narrows the results to the count it showed, keeping the sort.
      const communes = page
        .locator("#bo-loc section")
        .filter({ has: page.getByRole("heading", { name: t("vi", "search.facetCommune") }) });
      const facet = communes.getByRole("link").nth(1);
      const facetText = (await facet.textContent()) ?? "";
      const facetCount = Number(/\((\d+)\)/.exec(facetText)?.[1]);
      expect(facetCount).toBeGreaterThan(0);
      expect(facetCount).toBeLessThan(total);
      await facet.click();
      await settled(page, /[?&]xa=/);
      expect(new URL(page.url()).searchParams.get("sap-xep")).toBe("gia-tang");
      expect(await resultCount(page)).toBe(facetCount);
      await expect(communes.getByRole("link")).toHaveCount(1);
      await expect(communes.getByRole("link").first()).toHaveAttribute("aria-current", "true");

      // Nothing found: a purchase request carrying the query.
      await visit(page, `/tim-kiem?q=${encodeURIComponent(NO_RESULT_QUERY)}`);
      await expectNoHorizontalScroll(page);
      await expect(page.getByRole("heading", { name: t("vi", "search.emptyTitle") })).toBeVisible();
      const request = page
        .locator("#main")
        .getByRole("link", { name: t("vi", "search.emptyAction") });
      const href = (await request.getAttribute("href")) ?? "";
      expect(href.startsWith("/yeu-cau-mua/moi?")).toBe(true);
      expect(new URL(href, "http://x").searchParams.get("q")).toBe(NO_RESULT_QUERY);
      await snapshot(page, `search-${suffix}-empty-360`);
    });
  });
}

test.describe("search suggestions on a page that hydrates", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("appear while typing and open a product from the keyboard", async ({ page }) => {
    const hydrated = hydratedPublicPage();
    await visit(page, hydrated);
    const box = page.getByRole("combobox", { name: t("vi", "header.searchLabel") });
    await box.pressSequentially("ca phe khe", { delay: 30 });
    const list = page.getByRole("listbox", { name: t("vi", "search.suggestionsLabel") });
    await expect(list).toBeVisible();
    await expect(list.getByRole("option").first()).toContainText(/Cà phê|Khe Sanh/);
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await audit(page);
    await expectNoHorizontalScroll(page);
    await snapshot(page, "search-suggestions-360");

    await box.press("ArrowDown");
    const option = list.getByRole("option").first();
    await expect(option).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute(
      "aria-activedescendant",
      (await option.getAttribute("id")) ?? "",
    );
    const title = ((await option.locator("span").first().textContent()) ?? "").trim();
    await box.press("Enter");
    await page.waitForURL(/\/san-pham\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await audit(page);

    // Escape closes the list; Enter without a chosen suggestion searches.
    await visit(page, hydrated);
    const again = page.getByRole("combobox", { name: t("vi", "header.searchLabel") });
    await again.pressSequentially("mat ong", { delay: 30 });
    await expect(page.getByRole("listbox")).toBeVisible();
    await again.press("Escape");
    await expect(page.getByRole("listbox")).toBeHidden();
    await again.press("Enter");
    await page.waitForURL(/\/tim-kiem\?q=mat(\+|%20)ong/);
    await expect(page.locator("main article").first()).toBeVisible();
  });
});

test.describe("search suggestions on a page sent without React", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("come from the island, in the page's language, and open a product from the keyboard", async ({
    page,
    context,
    baseURL,
  }) => {
    await visit(page, "/");
    // No framework: the page runs only the island (and the modules it imports).
    expect(await page.evaluate(() => Reflect.has(window, "__remixContext"))).toBe(false);
    const box = page.getByRole("combobox", { name: t("vi", "header.searchLabel") });
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.pressSequentially("ca phe khe", { delay: 30 });
    const list = page.getByRole("listbox", { name: t("vi", "search.suggestionsLabel") });
    await expect(list).toBeVisible();
    const options = list.getByRole("option");
    await expect(options.first()).toContainText(/Cà phê|Khe Sanh/);
    await expect(options.first()).toContainText(/\d{2,3}\.000\s₫\//);
    await expect(options.last()).toHaveText(
      t("vi", "search.suggestionsSeeAll", { query: "ca phe khe" }),
    );
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator("p[aria-live]")).toHaveText(
      t("vi", "search.suggestionsCount", { count: (await options.count()) - 1 }),
    );
    await audit(page);
    await expectNoHorizontalScroll(page);
    await snapshot(page, "search-suggestions-island-360");

    // Up from nothing chosen is the last option ("see all"); down again wraps to the first.
    await box.press("ArrowUp");
    await expect(options.last()).toHaveAttribute("aria-selected", "true");
    await box.press("ArrowDown");
    const first = options.first();
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute(
      "aria-activedescendant",
      (await first.getAttribute("id")) ?? "",
    );
    await box.press("Escape");
    await expect(list).toBeHidden();
    await expect(box).not.toHaveAttribute("aria-activedescendant");
    await box.press("ArrowDown");
    await expect(list).toBeVisible();
    const title = ((await first.locator("span").first().textContent()) ?? "").trim();
    await box.press("Enter");
    await page.waitForURL(/\/san-pham\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await audit(page);

    // In English, on another page to read: English words and prices, and the mouse chooses.
    await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
    await visit(page, "/nha-san-xuat/SX001");
    const englishBox = page.getByRole("combobox", { name: t("en", "header.searchLabel") });
    await englishBox.pressSequentially("mat o", { delay: 30 });
    const englishList = page.getByRole("listbox", { name: t("en", "search.suggestionsLabel") });
    await expect(englishList).toBeVisible();
    // A chosen option, then more letters: the new list has none chosen.
    await englishBox.press("ArrowDown");
    await expect(englishBox).toHaveAttribute("aria-activedescendant", /goi-y-0$/);
    await englishBox.pressSequentially("ng", { delay: 30 });
    await expect(englishList.getByRole("option").last()).toHaveText(
      t("en", "search.suggestionsSeeAll", { query: "mat ong" }),
    );
    await expect(englishBox).not.toHaveAttribute("aria-activedescendant");
    await expect(englishList.getByRole("option", { selected: true })).toHaveCount(0);
    await expect(englishList.getByRole("option").first()).toContainText(/₫[\d,]+\//);
    await expect(englishList.getByRole("option").last()).toHaveText(
      t("en", "search.suggestionsSeeAll", { query: "mat ong" }),
    );
    await audit(page);
    await englishList.getByRole("option").last().click();
    await page.waitForURL(/\/tim-kiem\?q=mat(\+|%20)ong/);
    await expect(page.locator("main article").first()).toBeVisible();
    await audit(page);
  });
});
