import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { startServer, type StartedServer } from "../helpers/server";
import { audit, expect, expectNoHorizontalScroll, test } from "./fixtures";
import { DEMO_ACCOUNTS, t } from "./support";

/**
 * Account recovery and confirmed phones on a 360×740 phone, against a server of its own with
 * the SMS stand-in (the shared e2e server has no SMS provider): (a) a new buyer signs up with
 * a phone, is refused at checkout until she confirms it with the code read on /demo/tin-nhan,
 * then orders; (b) a producer member who forgot her password gets a code from commune staff
 * at /quan-ly/ma-khoi-phuc, sets a new password with it, her old session stops working and
 * the same code is refused a second time.
 */

let server: StartedServer;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await startServer({ env: { APP_MODE: "demo", SMS_PROVIDER: "capture" } });
});

test.afterAll(async () => {
  await server?.stop();
});

test.use({
  javaScriptEnabled: true,
  navigationTimeout: 60_000,
  actionTimeout: 30_000,
  // Refusals the tests cause on purpose, which the browser reports on its console: the checkout
  // of an unconfirmed phone (403) and the used code (400).
  allowedConsoleErrors: [/status of 40[03] /],
});

const url = (path: string) => `${server.url}${path}`;

/** Waits for the page at `path` and checks it with axe. */
async function arrive(page: Page, path: string | RegExp) {
  await page.waitForURL((at) =>
    typeof path === "string" ? at.pathname === path : path.test(at.pathname + at.search),
  );
  await audit(page);
}

/** The newest captured SMS to this phone, read on the demo inbox page like a tester would. */
async function codeFromInbox(page: Page, phone: string, pattern: RegExp): Promise<string> {
  await page.goto(url("/demo/tin-nhan"));
  await audit(page);
  const message = page.getByTestId("demo-message").filter({ hasText: phone }).first();
  const text = await message.innerText();
  const code = pattern.exec(text)?.[1];
  if (!code) throw new Error(`no code in "${text}"`);
  return code;
}

function productOfServer(): { slug: string; title: string } {
  const sqlite = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    const row = sqlite
      .prepare(
        `select slug, title from listings
         where status = 'published' and min_order_qty = 1 and stock >= 5
         order by id limit 1`,
      )
      .get() as { slug: string; title: string } | undefined;
    if (!row) throw new Error("no product to order");
    return row;
  } finally {
    sqlite.close();
  }
}

test("a new buyer confirms her phone with the texted code, then orders", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 360, height: 740 });
  const phone = `09${String(Date.now()).slice(-8)}`;
  const password = "Bánh lọc Quảng Trị 2026";

  await page.goto(url("/dang-ky"));
  await audit(page);
  await page.getByLabel(t("vi", "auth.field.displayName")).fill("Chị Xác Nhận");
  await page.getByLabel(t("vi", "auth.field.phone")).fill(phone);
  await page.getByLabel(t("vi", "auth.field.newPassword"), { exact: true }).fill(password);
  await page.getByLabel(t("vi", "auth.field.confirmPassword")).fill(password);
  await page.locator('input[name="acceptTerms"]').check();
  await page.getByRole("button", { name: t("vi", "auth.signup.submit") }).click();
  await arrive(page, "/xac-nhan-so-dien-thoai");
  await expectNoHorizontalScroll(page);

  // She may fill a cart, but the order is refused with a way to confirm.
  const product = productOfServer();
  await page.goto(url(`/san-pham/${product.slug}`));
  await audit(page);
  await page
    .getByRole("button", { name: t("vi", "addToCart.submit") })
    .first()
    .click();
  await arrive(page, "/gio-hang");
  await page.goto(url("/thanh-toan"));
  await audit(page);
  await page.getByLabel(t("vi", "checkoutPage.name")).fill("Chị Xác Nhận");
  await page.getByLabel(t("vi", "checkoutPage.phone")).fill(phone);
  await page.getByLabel(t("vi", "paymentMethod.cod")).check();
  await page.getByRole("button", { name: t("vi", "checkoutPage.submit"), exact: true }).click();
  await expect(page.getByText(t("vi", "recovery.error.phoneUnconfirmed"))).toBeVisible();
  await audit(page);
  const confirmLink = page.getByRole("link", { name: t("vi", "recovery.error.confirmLink") });
  const confirmHref = (await confirmLink.getAttribute("href")) ?? "";
  expect(confirmHref).toContain("/xac-nhan-so-dien-thoai?next=");

  const code = await codeFromInbox(page, `+84${phone.slice(1)}`, /mã xác nhận[^\d]*(\d{6})/);
  await page.goto(url(confirmHref));
  await audit(page);
  await page.getByLabel(t("vi", "recovery.confirm.code")).fill(code);
  await page.getByRole("button", { name: t("vi", "recovery.confirm.submit") }).click();
  await arrive(page, "/thanh-toan");

  await page.getByLabel(t("vi", "checkoutPage.name")).fill("Chị Xác Nhận");
  await page.getByLabel(t("vi", "checkoutPage.phone")).fill(phone);
  await page.getByLabel(t("vi", "paymentMethod.cod")).check();
  await page.getByRole("button", { name: t("vi", "checkoutPage.submit"), exact: true }).click();
  await arrive(page, /^\/don-hang\?dat-hang=/);
  await expect(page.getByRole("link", { name: /^Xem đơn DH/ })).toHaveCount(1);
});

test("commune staff hand a member a recovery code; it works once and ends her old session", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 360, height: 740 });
  const staff = DEMO_ACCOUNTS.find((account) => account.key === "commune-staff");
  const member = DEMO_ACCOUNTS.find((account) => account.key === "producer");
  if (!staff || !member) throw new Error("demo accounts missing");
  const newPassword = "Tiêu đỏ Vĩnh Linh mới 2026";

  // Her old session, signed in before she forgot the password (another phone, say).
  const oldContext = await browser.newContext({ locale: "vi-VN" });
  const oldPage = await oldContext.newPage();
  await oldPage.goto(url("/dang-nhap"));
  await oldPage.getByLabel(t("vi", "auth.field.identifier")).fill("0900000004");
  await oldPage.getByLabel(t("vi", "auth.field.password"), { exact: true }).fill(member.password);
  await oldPage.getByRole("button", { name: t("vi", "auth.login.submit") }).click();
  await oldPage.waitForURL((at) => at.pathname === "/ban-hang");

  // Commune staff look her up, record the identity check and get the code once.
  await page.goto(url("/dang-nhap?next=/quan-ly/ma-khoi-phuc"));
  await audit(page);
  await page.getByLabel(t("vi", "auth.field.identifier")).fill("0900000003");
  await page.getByLabel(t("vi", "auth.field.password"), { exact: true }).fill(staff.password);
  await page.getByRole("button", { name: t("vi", "auth.login.submit") }).click();
  await arrive(page, "/quan-ly/ma-khoi-phuc");
  await page.getByLabel(t("vi", "recovery.staff.searchLabel")).fill("0900 000 004");
  await page.getByRole("button", { name: t("vi", "recovery.staff.search") }).click();
  await arrive(page, "/quan-ly/ma-khoi-phuc");
  await page.getByLabel(t("vi", "recovery.staff.identityCheck")).fill("CCCD đối chiếu");
  await page.getByRole("button", { name: t("vi", "recovery.staff.issue") }).click();
  const codeBox = page.getByTestId("recovery-code");
  await expect(codeBox).toHaveText(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await audit(page);
  await expectNoHorizontalScroll(page);
  const code = await codeBox.innerText();

  // She sets a new password with it on her phone.
  await page.context().clearCookies();
  await page.goto(url("/dang-nhap"));
  await audit(page);
  await page.getByRole("link", { name: t("vi", "recovery.forgot.link") }).click();
  await arrive(page, "/quen-mat-khau");
  await page.getByRole("link", { name: t("vi", "recovery.forgot.haveCode") }).click();
  await arrive(page, "/dat-lai-mat-khau");
  const fillReset = async () => {
    await page.getByLabel(t("vi", "recovery.reset.phone")).fill("0900000004");
    await page.getByLabel(t("vi", "recovery.reset.code")).fill(code);
    await page.getByLabel(t("vi", "auth.field.newPassword"), { exact: true }).fill(newPassword);
    await page.getByLabel(t("vi", "auth.field.confirmPassword")).fill(newPassword);
    await page.getByRole("button", { name: t("vi", "recovery.reset.submit") }).click();
  };
  await fillReset();
  await arrive(page, "/dang-nhap");
  await expect(page.getByText(t("vi", "recovery.reset.done"))).toBeVisible();

  // The old session is over.
  await oldPage.goto(url("/ban-hang"));
  await oldPage.waitForURL((at) => at.pathname === "/dang-nhap");
  await oldContext.close();

  // The same code a second time is refused.
  await page.goto(url("/dat-lai-mat-khau"));
  await audit(page);
  await fillReset();
  await expect(page.getByText(t("vi", "recovery.error.code.used"))).toBeVisible();
  await audit(page);

  // The new password works.
  await page.goto(url("/dang-nhap"));
  await audit(page);
  await page.getByLabel(t("vi", "auth.field.identifier")).fill("0900000004");
  await page.getByLabel(t("vi", "auth.field.password"), { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: t("vi", "auth.login.submit") }).click();
  await arrive(page, "/ban-hang");
});
