import type { Page } from "@playwright/test";
import { phoneJpeg } from "../helpers/images";
import { audit, expect, expectNoHorizontalScroll, snapshot, test } from "./fixtures";
import {
  DEMO_ACCOUNTS,
  isAt,
  logIn,
  openAccountMenu,
  readDemo,
  t,
  type DemoAccount,
} from "./support";

/**
 * The daily work of issue 13 on a 360×740 phone without JavaScript: a producer creates a
 * listing with two photos in one submit, the province's moderator approves it, a buyer
 * orders it with cash on delivery, the producer finds the order from her home page and
 * ships it with a carrier and a tracking number, and the buyer reads both on her order.
 */
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

function account(key: (typeof DEMO_ACCOUNTS)[number]["key"]) {
  const found = DEMO_ACCOUNTS.find((a) => a.key === key);
  if (!found) throw new Error(`no demo account ${key}`);
  return found;
}

/** One row of the server's demo database, read-only. */
function row<T>(sql: string, ...params: string[]): T {
  const found = readDemo((sqlite) => sqlite.prepare(sql).get(...params) as T | undefined);
  if (!found) throw new Error(`nothing for ${sql} (${params.join(", ")})`);
  return found;
}

/**
 * Starts afresh as `account` (the previous one's session cookie dropped) with the log-in
 * form's `next`, so the form leads straight to `path`; checks whose menu it is.
 */
async function logInTo(page: Page, account: DemoAccount, path: string) {
  await page.context().clearCookies();
  await page.goto(`/dang-nhap?next=${encodeURIComponent(path)}`);
  await audit(page);
  await page.getByLabel(t("vi", "auth.field.identifier")).fill(account.phone);
  await page.getByLabel(t("vi", "auth.field.password"), { exact: true }).fill(account.password);
  await page.getByRole("button", { name: t("vi", "auth.login.submit") }).click();
  const target = new URL(path, page.url());
  await page.waitForURL((url) => url.pathname === target.pathname && url.search === target.search);
  await openAccountMenu(page);
  await expect(
    page.getByText(t("vi", "header.greeting", { name: account.displayName })),
  ).toBeVisible();
}

async function check(page: Page, name: string) {
  await audit(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, `nojs-daily-${name}-360`);
}

test("a listing with two photos is approved, ordered, shipped with tracking, seen by the buyer", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const producer = account("producer");
  const staff = account("province-staff");
  const buyer = account("buyer");
  const title = `Tiêu sọ Vĩnh Linh hai ảnh ${Date.now().toString(36)}`;
  const carrier = "Viettel Post";
  const trackingNumber = `VTP-${Date.now().toString(36).toUpperCase()}`;

  // 1. The producer creates the listing with two photos and sends it for review, in one submit.
  await logInTo(page, producer, "/ban-hang/san-pham/moi");
  await check(page, "new");
  await page.getByLabel(t("vi", "listingtools.photos.choose"), { exact: true }).setInputFiles([
    { name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: await phoneJpeg(800, 600) },
    { name: "IMG_0002.jpg", mimeType: "image/jpeg", buffer: await phoneJpeg(640, 480) },
  ]);
  await page.getByLabel(t("vi", "listingForm.titleLabel")).fill(title);
  await page
    .getByRole("combobox", { name: t("vi", "listingForm.category") })
    .selectOption({ label: "— Hồ tiêu" });
  await page
    .getByLabel(t("vi", "listingForm.description"))
    .fill("Tiêu sọ bóc vỏ, phơi khô tự nhiên, đóng túi 500 g.");
  await page.getByLabel(t("vi", "listingForm.price")).fill("120000");
  await page.getByRole("combobox", { name: t("vi", "listingForm.unit") }).selectOption("gói");
  await page.getByLabel(t("vi", "listingForm.stock")).fill("30");
  await page.getByRole("button", { name: t("vi", "listingForm.saveAndSubmit") }).click();
  await page.waitForURL(/\/ban-hang\/san-pham\/SP\d+\?thong-bao=created/);
  const sku = /\/ban-hang\/san-pham\/(SP\d+)/.exec(page.url())?.[1] ?? "";
  await expect(page.getByRole("heading", { level: 1 })).toContainText(sku);
  // Sent for review in the same submit: no separate "Gửi duyệt" step.
  await expect(
    page.locator("p").filter({ hasText: `${t("vi", "listingEdit.status")}:` }),
  ).toHaveText(`${t("vi", "listingEdit.status")}: ${t("vi", "listingStatus.pending")}`);
  await expect(
    page.getByRole("heading", { name: t("vi", "images.title", { count: 2, max: 8 }) }),
  ).toBeVisible();
  for (const n of [1, 2]) {
    await expect(page.getByRole("img", { name: t("vi", "images.numbered", { n }) })).toBeVisible();
  }
  await check(page, "created");

  // 2. The province's moderator finds it in the queue and approves it.
  await logInTo(page, staff, `/quan-ly/kiem-duyet?q=${sku}`);
  await check(page, "queue");
  await page.getByRole("link", { name: t("vi", "moderation.open", { title }) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(sku);
  await expect(page.getByRole("img", { name: t("vi", "images.numbered", { n: 2 }) })).toBeVisible();
  await check(page, "review");
  await page.getByRole("button", { name: t("vi", "moderation.approve"), exact: true }).click();
  await expect(page.getByText(t("vi", "moderation.decided"))).toBeVisible();
  await audit(page);

  // 3. The buyer opens the product, puts it in her cart and orders it, cash on delivery.
  const { slug } = row<{ slug: string }>("select slug from listings where sku = ?", sku);
  await logInTo(page, buyer, `/san-pham/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const gallery = page.getByRole("list", { name: t("vi", "gallery.label", { title }) });
  await expect(gallery.getByRole("listitem")).toHaveCount(2);
  await check(page, "product");
  await page.getByRole("button", { name: t("vi", "addToCart.submit") }).click();
  await page.waitForURL(isAt("/gio-hang"));
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  await check(page, "cart");
  await page.getByRole("link", { name: t("vi", "cart.checkout") }).click();
  await page.waitForURL(isAt("/thanh-toan"));
  await audit(page);
  // Delivered, so the address is asked; without JavaScript "Chọn tỉnh" brings the province's
  // communes, keeping what was typed.
  await page.getByLabel(/^Giao tận nơi/).check();
  await page.getByLabel(t("vi", "checkoutPage.name")).fill("Phạm Văn Người Mua");
  await page.getByLabel(t("vi", "checkoutPage.phone")).fill("0900 000 005");
  await page
    .getByLabel(t("vi", "placePicker.provinceLabel"))
    .selectOption({ label: "Tỉnh Quảng Trị" });
  await Promise.all([
    page.waitForResponse((r) => isAt("/thanh-toan")(new URL(r.url())) && r.status() === 200),
    page.getByRole("button", { name: t("vi", "placePicker.pickProvince") }).click(),
  ]);
  await page.waitForLoadState();
  await page
    .getByLabel(t("vi", "placePicker.communeLabel"), { exact: true })
    .selectOption({ label: "Phường Đông Hà" });
  await page.getByLabel(t("vi", "checkoutPage.address")).fill("45 Hùng Vương, khu phố 2");
  await expect(page.getByLabel(/^Giao tận nơi/)).toBeChecked();
  await page.getByLabel(t("vi", "paymentMethod.cod")).check();
  await check(page, "checkout");
  await page.getByRole("button", { name: t("vi", "checkoutPage.submit"), exact: true }).click();
  await page.waitForURL(/\/don-hang\?dat-hang=/);
  await expect(page.getByRole("status")).toHaveText(t("vi", "ordersPage.placed", { count: 1 }));
  const checkoutId = new URL(page.url()).searchParams.get("dat-hang") ?? "";
  const order = row<{ id: number; code: string }>(
    "select id, code from orders where checkout_id = ?",
    checkoutId,
  );
  await expect(
    page.getByRole("link", { name: t("vi", "orders.view", { code: order.code }), exact: true }),
  ).toBeVisible();
  await check(page, "placed");

  // 4. The producer's home says an order waits for her; she accepts and ships it.
  await page.context().clearCookies();
  await logIn(page, producer, producer.phone);
  await expectNoHorizontalScroll(page);
  await snapshot(page, "nojs-daily-home-360");
  await page.getByRole("link", { name: /^Đơn chờ bạn xác nhận: \d+$/ }).click();
  await page.waitForURL(/\/ban-hang\/don-hang\?trang-thai=awaiting_acceptance/);
  await check(page, "inbox");
  await page
    .getByRole("link", { name: t("vi", "orders.view", { code: order.code }), exact: true })
    .click();
  await page.waitForURL(isAt(`/ban-hang/don-hang/${order.id}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    t("vi", "order.title", { code: order.code }),
  );
  await expect(page.getByText(title).first()).toBeVisible();
  await audit(page);
  await page
    .getByRole("button", { name: t("vi", "workspaceOrders.action.accept"), exact: true })
    .click();
  await page.waitForURL(/\?xong=accept$/);
  await expect(page.getByRole("status")).toHaveText(t("vi", "workspaceOrders.done"));
  await check(page, "accepted");
  await page.getByLabel(t("vi", "daily.ship.carrier")).fill(carrier);
  await page.getByLabel(t("vi", "daily.ship.tracking")).fill(trackingNumber);
  await page
    .getByRole("button", { name: t("vi", "workspaceOrders.action.ship"), exact: true })
    .click();
  await page.waitForURL(/\?xong=ship$/);
  await expect(page.getByRole("status")).toHaveText(t("vi", "workspaceOrders.done"));
  const shipment = t("vi", "daily.shipment.carrierAndTracking", {
    carrier,
    tracking: trackingNumber,
  });
  // The shipment details and the timeline's "shipped" step both name them.
  await expect(page.getByText(shipment)).toHaveCount(2);
  await check(page, "shipped");

  // 5. The buyer reads the carrier and the tracking number on her order.
  await logInTo(page, buyer, `/don-hang/${order.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    t("vi", "order.title", { code: order.code }),
  );
  const shipmentPanel = page.getByRole("region", { name: t("vi", "daily.shipment.title") });
  await expect(shipmentPanel).toContainText(shipment);
  await check(page, "buyer-order");
});
