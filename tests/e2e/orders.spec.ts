import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { and, eq, ne } from "drizzle-orm";
import { openDatabase } from "~db/client.server";
import { buyerProfiles, listings, producerMemberships, producers, users } from "~db/schema";
import { hashPassword } from "~/modules/auth/passwords.server";
import { audit, expect, test, visit } from "./fixtures";

/**
 * The order journey of the issue: a guest fills a cart from two producers, logs in, checks
 * out with cash on delivery and gets two orders; each producer accepts, ships and delivers;
 * the buyer confirms receipt and reviews a product, and the review shows on its page.
 * The accounts are made for this test in the server's database, so no other test's
 * carts or orders get in the way.
 */

const PASSWORD = "GioHang#E2E-2026";

interface World {
  buyerEmail: string;
  producerEmails: [string, string];
  products: { slug: string; title: string; producerName: string }[];
}

async function makeWorld(): Promise<World> {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const db = openDatabase(path);
  try {
    const suffix = randomUUID().slice(0, 8);
    const passwordHash = await hashPassword(PASSWORD);
    const picked = db
      .select({
        id: listings.id,
        slug: listings.slug,
        title: listings.title,
        producerId: producers.id,
        producerName: producers.name,
      })
      .from(listings)
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .where(
        and(
          eq(listings.status, "published"),
          eq(producers.verificationStatus, "verified"),
          ne(producers.code, "SX001"),
        ),
      )
      .all();
    const first = picked[0];
    const second = picked.find((p) => p.producerId !== first?.producerId);
    if (!first || !second) throw new Error("the demo catalog needs two producers with products");
    for (const product of [first, second]) {
      db.update(listings)
        .set({ stock: 50, minOrderQty: 1 })
        .where(eq(listings.id, product.id))
        .run();
    }
    const user = (email: string, name: string) =>
      db.insert(users).values({ email, passwordHash, displayName: name }).returning().get();
    const buyer = user(`e2e-mua-${suffix}@test.local`, "Chị Mua Thử");
    db.insert(buyerProfiles).values({ userId: buyer.id, kind: "individual" }).run();
    const emails: [string, string] = [
      `e2e-sx1-${suffix}@test.local`,
      `e2e-sx2-${suffix}@test.local`,
    ];
    [first, second].forEach((product, i) => {
      const member = user(emails[i] ?? "", `Chị Bán ${i + 1}`);
      db.insert(producerMemberships)
        .values({ userId: member.id, producerId: product.producerId, role: "member" })
        .run();
    });
    return {
      buyerEmail: buyer.email ?? "",
      producerEmails: emails,
      products: [first, second].map((p) => ({
        slug: p.slug,
        title: p.title,
        producerName: p.producerName,
      })),
    };
  } finally {
    db.$client.close();
  }
}

async function logIn(page: Page, email: string) {
  await page.locator('input[name="identifier"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap")),
    page.locator('form:has(input[name="identifier"]) button[type="submit"]').click(),
  ]);
}

/** Clicks a button that submits a form and waits for the next page, then checks it with axe. */
async function submit(page: Page, name: string | RegExp) {
  await Promise.all([
    page.waitForEvent("load"),
    page
      .getByRole("button", { name, exact: typeof name === "string" })
      .first()
      .click(),
  ]);
  await audit(page);
}

/** As a member of the producer: accept, ship and deliver its newest order. */
async function fulfil(page: Page, email: string) {
  await page.context().clearCookies();
  await visit(page, "/dang-nhap?next=/ban-hang/don-hang");
  await logIn(page, email);
  await expect(page).toHaveURL(/\/ban-hang\/don-hang/);
  await audit(page);
  await Promise.all([
    page.waitForEvent("load"),
    page
      .getByRole("link", { name: /Xem đơn DH/ })
      .first()
      .click(),
  ]);
  await audit(page);
  for (const step of ["Nhận đơn", "Đã gửi hàng", "Đã giao hàng"]) {
    await submit(page, step);
    await expect(page.getByRole("status")).toContainText("Đã cập nhật đơn hàng");
  }
}

// Every step is a plain form post and a full page load: the journey works without JavaScript.
test.use({ javaScriptEnabled: false });

test("a guest orders from two producers, they deliver, the buyer reviews", async ({ page }) => {
  test.setTimeout(360_000);
  const world = await makeWorld();
  const [a, b] = world.products;
  if (!a || !b) throw new Error("no products");

  // A guest fills a cart from two producers.
  for (const product of [a, b]) {
    await visit(page, `/san-pham/${product.slug}`);
    await submit(page, "Thêm vào giỏ hàng");
    await expect(page).toHaveURL(/\/gio-hang$/);
  }
  await expect(page.getByRole("heading", { name: `Hàng của ${a.producerName}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Hàng của ${b.producerName}` })).toBeVisible();

  // Checking out asks to log in; the guest cart joins the account.
  await Promise.all([
    page.waitForURL(/\/dang-nhap/),
    page.getByRole("link", { name: "Đăng nhập để đặt hàng" }).click(),
  ]);
  await audit(page);
  await logIn(page, world.buyerEmail);
  await expect(page).toHaveURL(/\/thanh-toan/);
  await audit(page);

  await page.getByLabel("Họ và tên người nhận").fill("Chị Mua Thử");
  await page.getByLabel("Số điện thoại").fill("0912 345 678");
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Quảng Trị" });
  await page.getByLabel("Xã, phường, đặc khu").fill("phường Đông Hà");
  await page.getByLabel("Số nhà, đường, thôn/khu phố").fill("12 Lê Duẩn, khu phố 3");
  await page.getByLabel("Trả tiền khi nhận hàng").check();
  await submit(page, "Đặt hàng");
  await expect(page).toHaveURL(/\/don-hang\?dat-hang=/);
  await expect(page.getByRole("status")).toContainText("Đã đặt 2 đơn hàng");
  await expect(page.getByRole("link", { name: /Xem đơn DH/ })).toHaveCount(2);

  // Each producer accepts, ships and delivers its own order.
  await fulfil(page, world.producerEmails[0]);
  await fulfil(page, world.producerEmails[1]);

  // The buyer confirms receipt of the first producer's order and reviews its product.
  await page.context().clearCookies();
  await visit(page, "/dang-nhap?next=/don-hang");
  await logIn(page, world.buyerEmail);
  await expect(page).toHaveURL(/\/don-hang/);
  await audit(page);
  const orderOfA = page.getByRole("listitem").filter({ hasText: a.producerName });
  await Promise.all([
    page.waitForEvent("load"),
    orderOfA.getByRole("link", { name: /Xem đơn DH/ }).click(),
  ]);
  await audit(page);
  await submit(page, "Tôi đã nhận được hàng");
  await expect(page.getByText("Hoàn tất").first()).toBeVisible();
  await page.getByLabel("5 sao").first().check();
  const comment = `Hàng thơm ngon, đóng gói cẩn thận (${randomUUID().slice(0, 6)})`;
  await page.getByLabel("Nhận xét (không bắt buộc)").first().fill(comment);
  await submit(page, "Gửi đánh giá");
  await expect(page.getByRole("status")).toContainText("Cảm ơn bạn đã đánh giá");

  // The review shows on the product page.
  await visit(page, `/san-pham/${a.slug}`);
  await expect(page.getByText(comment)).toBeVisible();
});
