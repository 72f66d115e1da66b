import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { audit, expect, test } from "./fixtures";
import { readDemo, t } from "./support";

/**
 * Every page the buyer's journey (issue 14) touched, in English on a 360×740 phone, checked
 * with axe: a new buyer (her own account, so no other spec's cart or orders change) turns the
 * interface to English first, signs up, fills a cart and walks her pages. The Vietnamese walk,
 * with and without JavaScript, is buyer-journey.spec.ts.
 */
test.use({ viewport: { width: 360, height: 740 } });

interface DemoListing {
  slug: string;
  producerCode: string;
}

/** A published listing of SX001 in the server's demo database. */
function demoListing(): DemoListing {
  const row = readDemo(
    (sqlite) =>
      sqlite
        .prepare(
          `select l.slug, p.code as producerCode from listings l join producers p on p.id = l.producer_id
           where l.status = 'published' and p.code = 'SX001' order by l.id limit 1`,
        )
        .get() as DemoListing | undefined,
  );
  if (!row) throw new Error("SX001 has no published listing");
  return row;
}

/** Checks the page the browser is on: in English, and no serious axe finding. */
async function inEnglish(page: Page) {
  await page.waitForLoadState("load");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await audit(page);
}

test("the buyer's pages of the journey read in English and pass axe", async ({ page }) => {
  test.setTimeout(120_000);
  const listing = demoListing();
  const password = "HanhTrinh#English-2026";

  await page.goto("/");
  await audit(page);
  await page.getByRole("button", { name: t("vi", "language.switchTo") }).click();
  await inEnglish(page);

  await page.goto("/dang-ky");
  await inEnglish(page);
  await page.getByLabel(t("en", "auth.field.displayName")).fill("Journey English Buyer");
  await page
    .getByLabel(t("en", "auth.field.email"))
    .fill(`e2e-english-${randomUUID().slice(0, 8)}@test.local`);
  await page.getByLabel(t("en", "auth.field.newPassword"), { exact: true }).fill(password);
  await page.getByLabel(t("en", "auth.field.confirmPassword")).fill(password);
  await page.locator('input[name="acceptTerms"]').check();
  await page.getByRole("button", { name: t("en", "auth.signup.submit"), exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/dang-ky");
  await inEnglish(page);

  await page.goto(`/san-pham/${listing.slug}`);
  await inEnglish(page);
  await page.getByRole("button", { name: t("en", "addToCart.submit"), exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/gio-hang");
  await inEnglish(page);

  for (const path of [
    "/thanh-toan",
    "/tim-kiem?q=ca+phe",
    `/nha-san-xuat/${listing.producerCode}`,
    "/don-hang",
    "/tai-khoan/dia-chi",
    "/tai-khoan/dia-chi/moi",
    "/thong-bao",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await inEnglish(page);
  }
});
