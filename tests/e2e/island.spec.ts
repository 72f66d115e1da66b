import { audit, expect, test, visit } from "./fixtures";
import { readDemo, t } from "./support";

/**
 * A product page is sent without React (docs/decisions/035): the island (app/islands/enhance.ts)
 * gives its two widgets, on a 360 px phone, in both languages: the total beside the quantity
 * follows the field, and "copy link" puts the page's link on the clipboard and says so.
 */

interface Product {
  slug: string;
  priceVnd: number;
  minOrderQty: number;
  stock: number;
}

/** A published product sold by the packet ("gói": "pack" / "packs"), with stock for 3. */
function packetProduct(): Product {
  const row = readDemo(
    (sqlite) =>
      sqlite
        .prepare(
          `select slug, price_vnd as priceVnd, min_order_qty as minOrderQty, stock from listings
            where status = 'published' and unit = 'gói' and min_order_qty = 1 and stock >= 3
            order by id limit 1`,
        )
        .get() as Product | undefined,
  );
  if (!row) throw new Error("the demo database has no product sold by the packet");
  return row;
}

const VND = { vi: new Intl.NumberFormat("vi-VN"), en: new Intl.NumberFormat("en-US") };

test.use({ viewport: { width: 360, height: 740 } });

test("the line total follows the quantity, in each language", async ({
  page,
  context,
  baseURL,
}) => {
  const product = packetProduct();
  for (const locale of ["vi", "en"] as const) {
    await context.addCookies([{ name: "lang", value: locale, url: baseURL! }]);
    await visit(page, `/san-pham/${product.slug}`);
    expect(await page.evaluate(() => Reflect.has(window, "__remixContext"))).toBe(false);
    const quantity = page.getByLabel(
      t(locale, "addToCart.quantity", { unit: t(locale, "journey.unitPlural.gói") }),
    );
    const total = page.locator("output[data-line-total]");
    await expect(total).toContainText(VND[locale].format(product.priceVnd));

    await quantity.fill("3");
    await expect(total).toContainText(VND[locale].format(3 * product.priceVnd));
    await expect(total).toContainText(`3 ${t(locale, "journey.unitPlural.gói")}`);
    await quantity.fill("1");
    await expect(total).toContainText(`1 ${t(locale, "unit.gói")}`);
    await quantity.fill("");
    await expect(total).toHaveText("");
    await audit(page);
  }
});

test("copy link puts the page's link on the clipboard and says so", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const product = packetProduct();
  await visit(page, `/san-pham/${product.slug}`);
  const copy = page.getByRole("button", { name: t("vi", "journey.share.copy") });
  await expect(copy).toBeVisible();
  await copy.click();
  await expect(
    page.getByRole("status").filter({ hasText: t("vi", "journey.share.copied") }),
  ).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).pathname).toBe(`/san-pham/${product.slug}`);
  await audit(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the copy button stays hidden and the total names its quantity", async ({ page }) => {
    const product = packetProduct();
    await visit(page, `/san-pham/${product.slug}`);
    await expect(page.getByRole("button", { name: t("vi", "journey.share.copy") })).toBeHidden();
    await expect(page.locator("output[data-line-total]")).toContainText(`1 ${t("vi", "unit.gói")}`);
  });
});
