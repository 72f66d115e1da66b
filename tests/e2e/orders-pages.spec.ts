import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { and, desc, eq, ne } from "drizzle-orm";
import { openDatabase } from "~db/client.server";
import { demoAccount } from "~db/seed/demo-accounts";
import { listings, producerMemberships, producers, users } from "~db/schema";
import { hashPassword } from "~/modules/auth/passwords.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { setTestStock } from "../helpers/stock";
import { audit, expect, expectNoHorizontalScroll, snapshot, test, visit } from "./fixtures";

/**
 * The pages around a bank-transfer order, at 360 px without JavaScript: the buyer's VietQR
 * code, the producer's delivery note and statement, the admin's payments and payouts, and the
 * staff review list. The order is placed straight in the server's database.
 */

const PASSWORD = "ChuyenKhoan#E2E-2026";

async function makeTransferOrder() {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const db = openDatabase(path);
  try {
    const suffix = randomUUID().slice(0, 8);
    const listing = db
      .select({ id: listings.id, sku: listings.sku, producerId: producers.id })
      .from(listings)
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .where(and(eq(listings.status, "published"), eq(producers.verificationStatus, "verified")))
      .limit(1)
      .get();
    if (!listing) throw new Error("no published listing");
    db.update(listings).set({ minOrderQty: 1 }).where(eq(listings.sku, listing.sku)).run();
    setTestStock(db, listing.id, 100);
    db.update(producers)
      .set({ bankBin: "970436", bankAccountNumber: "0123456789", bankAccountName: "HTX DEMO" })
      .where(eq(producers.id, listing.producerId))
      .run();
    const passwordHash = await hashPassword(PASSWORD);
    const buyer = db
      .insert(users)
      .values({
        email: `e2e-ck-${suffix}@test.local`,
        passwordHash,
        displayName: "Anh Chuyển Khoản",
      })
      .returning()
      .get();
    const member = db
      .insert(users)
      .values({
        email: `e2e-ck-sx-${suffix}@test.local`,
        passwordHash,
        displayName: "Chị Sản Xuất",
      })
      .returning()
      .get();
    db.insert(producerMemberships)
      .values({ userId: member.id, producerId: listing.producerId, role: "member" })
      .run();
    const placed = placeOrder(db, {
      buyerUserId: buyer.id,
      items: [{ sku: listing.sku, qty: 2 }],
      shipping: {
        name: "Anh Chuyển Khoản",
        phone: "0912345678",
        province: "Quảng Trị",
        commune: "phường Đông Hà",
        address: "5 Hùng Vương",
      },
      paymentMethod: "bank_transfer",
      idempotency: { scope: "e2e", key: suffix },
    });
    const order = placed.orders[0];
    if (!order) throw new Error("no order");
    return {
      orderId: order.id,
      orderCode: order.code,
      producerId: listing.producerId,
      buyerEmail: buyer.email ?? "",
      memberEmail: member.email ?? "",
    };
  } finally {
    db.$client.close();
  }
}

async function logInAs(page: Page, identifier: string, password: string, next: string) {
  await page.context().clearCookies();
  await visit(page, `/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="identifier"]').fill(identifier);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap")),
    page.locator('form:has(input[name="identifier"]) button[type="submit"]').click(),
  ]);
  await audit(page);
}

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test("bank transfer: VietQR for the buyer, delivery note, statements, admin pages", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const world = await makeTransferOrder();

  await logInAs(page, world.buyerEmail, PASSWORD, `/don-hang/${world.orderId}`);
  await expect(
    page.getByRole("heading", { name: "Chuyển khoản để hoàn tất đơn hàng" }),
  ).toBeVisible();
  await expect(page.getByRole("img", { name: "Mã VietQR để chuyển khoản" })).toBeVisible();
  await expect(page.getByText(world.orderCode, { exact: true }).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snapshot(page, "order-bank-transfer-360");

  await logInAs(page, world.memberEmail, PASSWORD, `/ban-hang/don-hang/${world.orderId}`);
  await expect(page.getByRole("button", { name: "Đã nhận chuyển khoản" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await visit(page, `/ban-hang/don-hang/${world.orderId}/phieu-giao`);
  await expect(page.getByRole("heading", { name: "Phiếu giao hàng" })).toBeVisible();
  // The transfer has not arrived yet: the note says not to hand the goods over.
  await expect(page.getByText("Chưa nhận được thanh toán")).toBeVisible();
  await snapshot(page, "delivery-note-360");
  // Printed, the note is the note alone: no site header, footer or print button.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header").first()).toBeHidden();
  await expect(page.locator("footer")).toBeHidden();
  await expect(page.getByRole("button", { name: "In phiếu" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Phiếu giao hàng" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator("footer")).toBeVisible();
  await visit(page, "/ban-hang/so-du");
  await expect(page.getByText("Số dư chờ chi trả")).toBeVisible();
  await expectNoHorizontalScroll(page);

  const admin = demoAccount("admin");
  await logInAs(page, admin.email, admin.password, "/quan-ly/thanh-toan");
  await expect(
    page.getByRole("button", { name: `Đã nhận tiền đơn ${world.orderCode}` }),
  ).toBeVisible();
  await expectNoHorizontalScroll(page);
  await Promise.all([
    page.waitForEvent("load"),
    page.getByRole("button", { name: `Đã nhận tiền đơn ${world.orderCode}` }).click(),
  ]);
  await audit(page);
  await expect(page.getByRole("status")).toContainText("Đã ghi nhận chuyển khoản");
  await visit(page, `/quan-ly/thanh-toan/${world.producerId}`);
  await expect(page.getByRole("heading", { name: "Ghi nhận chi trả" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await visit(page, "/quan-ly/danh-gia");
  await expect(page.getByRole("heading", { name: "Đánh giá sản phẩm" })).toBeVisible();
});

/** A listing no other orders test uses, with a minimum order of 3 and 5 in stock. */
function prepareMinOrderListing() {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const db = openDatabase(path);
  try {
    const listing = db
      .select({ id: listings.id, slug: listings.slug, title: listings.title })
      .from(listings)
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .where(
        and(
          eq(listings.status, "published"),
          eq(producers.verificationStatus, "verified"),
          ne(producers.code, "SX001"),
        ),
      )
      .orderBy(desc(listings.id))
      .limit(1)
      .get();
    if (!listing) throw new Error("no published listing");
    db.update(listings).set({ minOrderQty: 3 }).where(eq(listings.id, listing.id)).run();
    setTestStock(db, listing.id, 5);
    return listing;
  } finally {
    db.$client.close();
  }
}

test.describe("guest cart", () => {
  // The refused quantity answers 400 with the cart page and its message; Chromium logs that.
  test.use({ allowedConsoleErrors: [/status of 400/] });

  test("without JavaScript, the cart keeps to the minimum order", async ({ page }) => {
    test.setTimeout(180_000);
    const listing = prepareMinOrderListing();
    await visit(page, `/san-pham/${listing.slug}`);
    await expect(page.getByLabel(/^Số lượng/)).toHaveValue("3");
    await page.getByRole("button", { name: "Thêm vào giỏ hàng", exact: true }).click();
    await page.waitForURL(/\/gio-hang$/);
    await audit(page);
    await expect(page.getByRole("link", { name: listing.title, exact: true })).toBeVisible();
    await expectNoHorizontalScroll(page);

    // Below the minimum: refused with the reason, and the cart keeps its quantity.
    await page.getByLabel(/^Số lượng/).fill("2");
    await page.getByRole("button", { name: "Cập nhật", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("cần đặt tối thiểu 3", {
      timeout: 30_000,
    });
    await page.waitForLoadState("load");
    await audit(page);
    await expect(page.getByLabel(/^Số lượng/)).toHaveValue("3");
  });
});
