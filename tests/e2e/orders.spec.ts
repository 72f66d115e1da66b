import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { and, eq, ne } from "drizzle-orm";
import { openDatabase } from "~db/client.server";
import { buyerProfiles, listings, producerMemberships, producers, users } from "~db/schema";
import { hashPassword } from "~/modules/auth/passwords.server";
import { setTestStock } from "../helpers/stock";
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
      db.update(listings).set({ minOrderQty: 1 }).where(eq(listings.id, product.id)).run();
      setTestStock(db, product.id, 50);
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

// Bounded but generous: the machine is slow and shared, and a page may rebuild its data.
const patient = expect.configure({ timeout: 30_000 });

/**
 * Waits until the page is at `url` and fully loaded, then checks it with axe. With
 * JavaScript on, Remix submits forms with fetch and changes the URL without a "load" event;
 * a click before hydration is a plain form post and a full load. This works for both.
 */
async function arrive(page: Page, url: RegExp) {
  await page.waitForURL(url, { timeout: 60_000 });
  await page.waitForLoadState("load");
  await audit(page);
}

async function logIn(page: Page, email: string, next: RegExp) {
  await page.locator('input[name="identifier"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form:has(input[name="identifier"]) button[type="submit"]').click();
  await arrive(page, next);
}

/** Clicks the button that submits a form, then waits for the page the action leads to. */
async function submit(page: Page, name: string, next: RegExp) {
  await page.getByRole("button", { name, exact: true }).first().click();
  await arrive(page, next);
}

/** As a member of the producer: accept, ship and deliver the order with this code. */
async function fulfil(page: Page, email: string, orderCode: string) {
  await page.context().clearCookies();
  await visit(page, "/dang-nhap?next=/ban-hang/don-hang");
  await logIn(page, email, /\/ban-hang\/don-hang$/);
  await page.getByRole("link", { name: `Xem đơn ${orderCode}`, exact: true }).click();
  await arrive(page, /\/ban-hang\/don-hang\/\d+$/);
  await patient(page.getByRole("heading", { level: 1 })).toContainText(orderCode);
  const steps = [
    ["Nhận đơn", "accept"],
    ["Đã gửi hàng", "ship"],
    ["Đã giao hàng", "deliver"],
  ] as const;
  for (const [button, intent] of steps) {
    await submit(page, button, new RegExp(`/ban-hang/don-hang/\\d+\\?xong=${intent}$`));
    await patient(page.getByRole("status")).toContainText("Đã cập nhật đơn hàng");
  }
  await patient(page.getByRole("button", { name: "Đã giao hàng", exact: true })).toHaveCount(0);
}

/** The order code in a link like "Xem đơn DH7K3QX9TA". */
async function orderCodeIn(item: ReturnType<Page["getByRole"]>): Promise<string> {
  const text = await item.getByRole("link", { name: /^Xem đơn DH/ }).innerText();
  const code = /DH[0-9A-Z]+/.exec(text)?.[0];
  if (!code) throw new Error(`no order code in "${text}"`);
  return code;
}

// With JavaScript, as most buyers use it; tests/e2e/orders-pages.spec.ts and the no-JS specs
// walk the same forms without it.
test.use({ javaScriptEnabled: true, navigationTimeout: 60_000, actionTimeout: 30_000 });

test("a guest orders from two producers, they deliver, the buyer reviews", async ({ page }) => {
  test.setTimeout(420_000);
  const world = await makeWorld();
  const [a, b] = world.products;
  if (!a || !b) throw new Error("no products");

  // A guest fills a cart from two producers.
  for (const product of [a, b]) {
    await visit(page, `/san-pham/${product.slug}`);
    await submit(page, "Thêm vào giỏ hàng", /\/gio-hang$/);
    await patient(page.getByRole("link", { name: product.title, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: `Hàng của ${a.producerName}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Hàng của ${b.producerName}` })).toBeVisible();

  // Checking out asks to log in; the guest cart joins the account.
  await page.getByRole("link", { name: "Đăng nhập để đặt hàng" }).click();
  await arrive(page, /\/dang-nhap/);
  await logIn(page, world.buyerEmail, /\/thanh-toan$/);
  // The guest cart joined the account: both products are in the checkout.
  await patient(page.getByText(`${a.title} ×`).first()).toBeVisible();
  await expect(page.getByText(`${b.title} ×`).first()).toBeVisible();

  await page.getByLabel("Họ và tên người nhận").fill("Chị Mua Thử");
  await page.getByLabel("Số điện thoại").fill("0912 345 678");
  // Both producers are picked up: no delivery address is asked.
  await expect(page.getByText(/không cần địa chỉ giao hàng/)).toBeVisible();
  await expect(page.getByLabel("Số nhà, đường, thôn/khu phố")).toBeHidden();
  await page.getByLabel("Trả tiền khi nhận hàng").check();
  await submit(page, "Đặt hàng", /\/don-hang\?dat-hang=/);
  await patient(page.getByRole("status")).toContainText("Đã đặt 2 đơn hàng");
  await expect(page.getByRole("link", { name: /^Xem đơn DH/ })).toHaveCount(2);
  const orderOfA = page.getByRole("listitem").filter({ hasText: a.producerName });
  const orderOfB = page.getByRole("listitem").filter({ hasText: b.producerName });
  const [codeA, codeB] = [await orderCodeIn(orderOfA), await orderCodeIn(orderOfB)];
  expect(codeA).not.toBe(codeB);

  // Each producer accepts, ships and delivers its own order.
  await fulfil(page, world.producerEmails[0], codeA);
  await fulfil(page, world.producerEmails[1], codeB);

  // The buyer confirms receipt of the first producer's order and reviews its product.
  await page.context().clearCookies();
  await visit(page, "/dang-nhap?next=/don-hang");
  await logIn(page, world.buyerEmail, /\/don-hang$/);
  await page.getByRole("link", { name: `Xem đơn ${codeA}`, exact: true }).click();
  await arrive(page, /\/don-hang\/\d+$/);
  await submit(page, "Tôi đã nhận được hàng", /\/don-hang\/\d+\?xong=confirm_receipt$/);
  await patient(page.getByRole("status")).toContainText("Cảm ơn bạn đã xác nhận");
  await expect(page.getByText("Hoàn tất").first()).toBeVisible();
  await page.getByLabel("5 sao").first().check();
  const comment = `Hàng thơm ngon, đóng gói cẩn thận (${randomUUID().slice(0, 6)})`;
  await page.getByLabel("Nhận xét (không bắt buộc)").first().fill(comment);
  await submit(page, "Gửi đánh giá", /\/don-hang\/\d+\?xong=review$/);
  await patient(page.getByRole("status")).toContainText("Cảm ơn bạn đã đánh giá");

  // The review shows on the product page, with the average.
  await visit(page, `/san-pham/${a.slug}`);
  const reviews = page.getByRole("region", { name: "Đánh giá của người mua" });
  await expect(reviews.getByText(comment)).toBeVisible();
  await expect(reviews.getByText(/Trung bình [\d.]+\/5 từ \d+ đánh giá/)).toBeVisible();
});
