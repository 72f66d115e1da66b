import type { Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { openDatabase } from "~db/client.server";
import { demoAccount } from "~db/seed/demo-accounts";
import { listings, producers, users } from "~db/schema";
import { placeOrder } from "~/modules/orders/place-order.server";
import { setTestStock } from "../helpers/stock";
import { audit, expect, expectNoHorizontalScroll, snapshot, test, visit } from "./fixtures";

/**
 * Issue 15 item 6 at 360 px without JavaScript, every page checked with axe: the business
 * buyer makes an API key, corrects her tax code on the business profile, asks for a VAT
 * invoice on an order; the producer marks it issued and the buyer sees the number.
 */

/** A cash order of the demo buyer from SX001, placed straight in the server's database. */
function makeOrder() {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const db = openDatabase(path);
  try {
    const buyer = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demoAccount("buyer").email))
      .get();
    const listing = db
      .select({ id: listings.id, sku: listings.sku })
      .from(listings)
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .where(and(eq(producers.code, "SX001"), eq(listings.status, "published")))
      .limit(1)
      .get();
    if (!buyer || !listing) throw new Error("demo data missing");
    db.update(listings).set({ minOrderQty: 1 }).where(eq(listings.id, listing.id)).run();
    setTestStock(db, listing.id, 100);
    const order = placeOrder(db, {
      buyerUserId: buyer.id,
      items: [{ sku: listing.sku, qty: 1 }],
      shipping: {
        name: "Phạm Văn Người Mua",
        phone: "0900000005",
        province: "Quảng Trị",
        commune: "phường Đông Hà",
        address: "12 Lê Duẩn",
      },
      paymentMethod: "cod",
      idempotency: { scope: "e2e-business", key: randomUUID() },
    }).orders[0];
    if (!order) throw new Error("no order");
    return { id: order.id, code: order.code };
  } finally {
    db.$client.close();
  }
}

async function logInAs(page: Page, key: "buyer" | "producer", next: string) {
  const account = demoAccount(key);
  await page.context().clearCookies();
  await visit(page, `/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="identifier"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap")),
    page.locator('form:has(input[name="identifier"]) button[type="submit"]').click(),
  ]);
  await audit(page);
}

/** Clicks a submit button and waits for the answer's page, then checks it with axe. */
async function submit(page: Page, name: string) {
  await Promise.all([
    page.waitForEvent("load"),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
  await audit(page);
}

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test.describe("business buyer", () => {
  // A refused form answers 400 with the page and its message; Chromium logs that.
  test.use({ allowedConsoleErrors: [/status of 400/] });

  test("API key, business profile and a VAT invoice issued by the producer", async ({ page }) => {
    test.setTimeout(240_000);
    const order = makeOrder();

    await logInAs(page, "buyer", "/tai-khoan/api");
    await expect(page.getByRole("heading", { name: "Mã API của tôi" })).toBeVisible();
    await page.getByLabel("Tên mã").fill("Phần mềm kho");
    await submit(page, "Tạo mã");
    await expect(page.getByLabel("Mã API", { exact: true })).toHaveValue(/^cc_/);
    await expectNoHorizontalScroll(page);
    await snapshot(page, "api-key-created-360");

    await visit(page, "/tai-khoan/doanh-nghiep");
    await page.getByLabel("Mã số thuế").fill("12345");
    await submit(page, "Lưu hồ sơ");
    await expect(page.getByText("Mã số thuế gồm 10 chữ số").first()).toBeVisible();
    await page.getByLabel("Mã số thuế").fill("3200123456");
    await submit(page, "Lưu hồ sơ");
    await expect(page.getByText("Đã lưu hồ sơ doanh nghiệp.")).toBeVisible();
    await expectNoHorizontalScroll(page);

    await visit(page, `/don-hang/${order.id}`);
    await expect(page.getByRole("heading", { name: "Hóa đơn VAT" })).toBeVisible();
    await expect(page.getByLabel("Mã số thuế")).toHaveValue("3200123456");
    await page.getByLabel("Địa chỉ ghi trên hóa đơn").fill("12 Lê Duẩn, phường Đông Hà, Quảng Trị");
    await submit(page, "Gửi yêu cầu xuất hóa đơn");
    await expect(page.getByText("Đang chờ người bán xuất hóa đơn")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await snapshot(page, "invoice-requested-360");

    await logInAs(page, "producer", `/ban-hang/don-hang/${order.id}`);
    await expect(page.getByText("Người mua cần hóa đơn VAT cho đơn này")).toBeVisible();
    await snapshot(page, "invoice-producer-360");
    await page.getByLabel("Ký hiệu và số hóa đơn").fill("AA/26E 0000123");
    await submit(page, "Xác nhận đã xuất hóa đơn");
    await expect(page.getByText("Đã ghi nhận hóa đơn. Người mua đã được báo.")).toBeVisible();
    await expectNoHorizontalScroll(page);

    await logInAs(page, "buyer", `/don-hang/${order.id}`);
    await expect(page.getByText("Số hóa đơn: AA/26E 0000123")).toBeVisible();
  });
});
