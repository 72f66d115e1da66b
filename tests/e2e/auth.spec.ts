import { audit, expect, snapshot, test } from "./fixtures";
import {
  DEMO_ACCOUNTS,
  LANDING,
  logIn,
  logOut,
  ONE_ACCOUNT_PER_ROLE,
  submitLogin,
  t,
} from "./support";

test.describe("demo accounts log in and out", () => {
  for (const [index, account] of ONE_ACCOUNT_PER_ROLE.entries()) {
    // Half of them with the phone number, half with the e-mail address.
    const identifier = index % 2 === 0 ? account.phone : account.email;
    test(`${account.key} (${identifier})`, async ({ page }) => {
      await logIn(page, account, identifier);
      await snapshot(page, `landing-${account.key}-1280`);
      await logOut(page);

      // The old session is gone: a protected landing page asks to log in again.
      if (LANDING[account.key] !== "/") {
        await page.goto(LANDING[account.key]);
        await expect(page).toHaveURL(/\/dang-nhap\?next=/);
        await audit(page);
      }
    });
  }
});

test.describe("a wrong password", () => {
  // The refused log-in answers 400, which the browser reports in the console.
  test.use({ allowedConsoleErrors: [/status of 400/] });

  test("shows the Vietnamese error and starts no session", async ({ page }) => {
    const buyer = DEMO_ACCOUNTS.find((account) => account.key === "buyer");
    if (!buyer) throw new Error("no demo buyer");
    await submitLogin(page, buyer.phone, "sai-mat-khau-hoan-toan");
    await expect(page.getByText(t("vi", "auth.error.badCredentials"))).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/dang-nhap");
    await audit(page);
    const cookies = await page.context().cookies();
    expect(cookies.map((cookie) => cookie.name)).not.toContain("cc_session");
  });
});
