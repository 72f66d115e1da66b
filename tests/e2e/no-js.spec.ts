import { audit, expect, expectNoHorizontalScroll, snapshot, test, visit } from "./fixtures";
import {
  DEMO_ACCOUNTS,
  demoProduct,
  LANDING,
  logIn,
  logOut,
  ONE_ACCOUNT_PER_ROLE,
  submitLogin,
  t,
} from "./support";

// Every page works without JavaScript on a small phone, with nothing scrolling sideways.
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test("the storefront works without JavaScript at 360 px", async ({ page }) => {
  const product = demoProduct();
  for (const [path, name] of [
    ["/", "home"],
    ["/tim-kiem?q=ca+phe", "search"],
    [`/san-pham/${product.slug}`, "product"],
    ["/dang-nhap", "login"],
  ] as const) {
    const response = await visit(page, path);
    expect(response?.status(), path).toBe(200);
    await expectNoHorizontalScroll(page);
    await snapshot(page, `nojs-${name}-360`);
  }
});

test("the search box submits to /tim-kiem without JavaScript", async ({ page }) => {
  await visit(page, "/");
  await page.getByLabel(t("vi", "header.searchLabel")).fill("cà phê");
  await page.getByLabel(t("vi", "header.searchLabel")).press("Enter");
  await page.waitForURL(/\/tim-kiem\?q=/);
  await audit(page);
  await expectNoHorizontalScroll(page);
  await expect(page.locator('a[href^="/san-pham/"]').first()).toBeVisible();
});

test.describe("demo accounts without JavaScript", () => {
  for (const account of ONE_ACCOUNT_PER_ROLE) {
    test(`${account.key} logs in and out`, async ({ page }) => {
      await logIn(page, account, account.phone);
      expect(new URL(page.url()).pathname).toBe(LANDING[account.key]);
      await expectNoHorizontalScroll(page);
      await snapshot(page, `nojs-landing-${account.key}-360`);
      await logOut(page);
      await expectNoHorizontalScroll(page);
    });
  }
});

test.describe("a wrong password without JavaScript", () => {
  test.use({ allowedConsoleErrors: [/status of 400/] });

  test("shows the Vietnamese error", async ({ page }) => {
    const buyer = DEMO_ACCOUNTS.find((account) => account.key === "buyer");
    if (!buyer) throw new Error("no demo buyer");
    await submitLogin(page, buyer.email, "sai-mat-khau-hoan-toan");
    await expect(page.getByText(t("vi", "auth.error.badCredentials"))).toBeVisible();
    await audit(page);
    await expectNoHorizontalScroll(page);
    const cookies = await page.context().cookies();
    expect(cookies.map((cookie) => cookie.name)).not.toContain("cc_session");
  });
});
