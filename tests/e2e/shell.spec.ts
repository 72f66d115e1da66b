import { audit, expect, snapshot, test, visit } from "./fixtures";
import { demoProduct, t } from "./support";

test("the home page shows categories and the newest products", async ({ page }) => {
  const response = await visit(page, "/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Cung Cầu/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { name: t("vi", "home.categoriesTitle") })).toBeVisible();
  await expect(page.getByRole("link", { name: /Cà phê & trà/ }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: t("vi", "home.newestTitle") })).toBeVisible();
  expect(await page.locator('main a[href^="/san-pham/"]').count()).toBeGreaterThanOrEqual(4);
});

test("the search box submits to /tim-kiem", async ({ page }) => {
  await visit(page, "/");
  const box = page.getByLabel(t("vi", "header.searchLabel"));
  await box.fill("cà phê");
  await box.press("Enter");
  await page.waitForURL(/\/tim-kiem\?q=c%C3%A0(\+|%20)ph%C3%AA/);
  await expect(page.locator('main a[href^="/san-pham/"]').first()).toBeVisible();
  await audit(page);
});

test("the language switch turns the interface into English and back", async ({ page }) => {
  await visit(page, "/");
  await page.getByRole("button", { name: t("vi", "language.switchTo") }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: t("en", "home.newestTitle") })).toBeVisible();
  await expect(page.getByLabel(t("en", "header.searchLabel"))).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  await audit(page);

  await page.getByRole("button", { name: t("en", "language.switchTo") }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { name: t("vi", "home.newestTitle") })).toBeVisible();
  await audit(page);
});

test("a product page opens from the home page", async ({ page }) => {
  await visit(page, "/");
  const link = page.locator('main a[href^="/san-pham/"]').first();
  const href = await link.getAttribute("href");
  await link.click();
  await page.waitForURL((url) => url.pathname === href);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await audit(page);
});

test("/p/<sku> redirects permanently to the product's page", async ({ page, request }) => {
  const product = demoProduct();
  const answer = await request.get(`/p/${product.sku}`, { maxRedirects: 0 });
  expect([301, 308]).toContain(answer.status());
  expect(new URL(answer.headers()["location"] ?? "", "http://x").pathname).toBe(
    `/san-pham/${product.slug}`,
  );

  await visit(page, `/p/${product.sku}`);
  expect(new URL(page.url()).pathname).toBe(`/san-pham/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(product.title);
});

test.describe("an unknown page", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test("shows the friendly Vietnamese 404", async ({ page }) => {
    const response = await visit(page, "/trang-nay-khong-ton-tai");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: t("vi", "error.404.title") })).toBeVisible();
    await expect(page.getByText(t("vi", "error.statusCode", { status: 404 }))).toBeVisible();
    await expect(
      page.getByRole("main").getByRole("link", { name: t("vi", "error.homeLink") }),
    ).toBeVisible();
    // The shell stays: the visitor can search or browse from the error page.
    await expect(page.getByLabel(t("vi", "header.searchLabel"))).toBeVisible();
  });
});

test.describe("screenshots for a human to look at", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });

  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ] as const) {
    test(`key pages at ${width}×${height}`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width, height });
      const product = demoProduct();
      for (const [path, name] of [
        ["/", "home"],
        ["/tim-kiem?q=ca+phe", "search"],
        [`/san-pham/${product.slug}`, "product"],
        ["/dang-nhap", "login"],
        ["/dang-ky", "signup"],
        ["/yeu-cau-mua", "requests"],
        ["/trang-nay-khong-ton-tai", "404"],
      ] as const) {
        await visit(page, path);
        await snapshot(page, `${name}-${width}`);
      }
    });
  }
});
