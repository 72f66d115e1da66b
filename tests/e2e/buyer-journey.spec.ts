import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import jsQR from "jsqr";
import sharp from "sharp";
import { zaloNumber } from "~/components/producer-phone";
import { formatVnd } from "~/lib/money";
import { buildVietQrPayload } from "~/modules/payments/vietqr.server";
import { audit, expect, expectNoHorizontalScroll, test } from "./fixtures";
import { DEMO_ACCOUNTS, readDemo, t } from "./support";

/**
 * The buyer's journey of issue 14 on a 360×740 phone, with JavaScript and without: a guest
 * fills a cart from three producers, signs up on the way to checkout (the checkout asks her to
 * log in, the log-in page leads to sign-up), sees that bank transfer is not offered while a
 * producer without a bank account (SX003) is in the cart, and, once that product is out,
 * orders by transfer: one producer delivers (her fee in the total before confirming), the
 * other is picked up (no address asked while everything is picked up). Her pickup order shows
 * the producer's phone, Zalo, pickup address and hours and the transfer details, whose saved
 * PNG is the same VietQR code as the page's; the delivering producer confirms the payment
 * and ships, and the buyer's timeline shows both with times. The buyer is a new account per
 * run, so other specs sharing the demo server do not touch her cart or orders.
 */

const PASSWORD = "HanhTrinh#E2E-2026";

interface Product {
  slug: string;
  title: string;
  priceVnd: number;
  minOrderQty: number;
}

interface Producer {
  code: string;
  name: string;
  address: string;
  phone: string | null;
  pickupHours: string | null;
  deliveryFeeVnd: number;
  bankBin: string | null;
  bankAccountNumber: string | null;
}

function producerOf(code: string): { producer: Producer; product: Product } {
  return readDemo((sqlite) => {
    const producer = sqlite
      .prepare(
        `select code, name, address, phone, pickup_hours as pickupHours,
                delivery_fee_vnd as deliveryFeeVnd, bank_bin as bankBin,
                bank_account_number as bankAccountNumber
         from producers where code = ?`,
      )
      .get(code) as Producer | undefined;
    // The best-stocked product: other specs on the same server may sell some of it.
    const product = sqlite
      .prepare(
        `select l.slug, l.title, l.price_vnd as priceVnd, l.min_order_qty as minOrderQty
         from listings l join producers p on p.id = l.producer_id
         where p.code = ? and l.status = 'published' and l.stock >= 5 * l.min_order_qty
         order by l.stock desc limit 1`,
      )
      .get(code) as Product | undefined;
    if (!producer || !product) throw new Error(`the demo database has no product of ${code}`);
    return { producer, product };
  });
}

interface PlacedOrder {
  id: number;
  code: string;
  producerCode: string;
  deliveryMethod: string;
  totalVnd: number;
}

function ordersOfCheckout(checkoutId: string): PlacedOrder[] {
  return readDemo(
    (sqlite) =>
      sqlite
        .prepare(
          `select o.id, o.code, p.code as producerCode, o.delivery_method as deliveryMethod,
                  o.total_vnd as totalVnd
           from orders o join producers p on p.id = o.producer_id
           where o.checkout_id = ?`,
        )
        .all(checkoutId) as PlacedOrder[],
  );
}

function demoAccount(key: (typeof DEMO_ACCOUNTS)[number]["key"]) {
  const found = DEMO_ACCOUNTS.find((account) => account.key === key);
  if (!found) throw new Error(`no demo account ${key}`);
  return found;
}

/** The text a QR code in these raw RGBA pixels holds. */
function decodeQr(pixels: { data: Buffer; info: { width: number; height: number } }) {
  const { data, info } = pixels;
  return jsQR(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  )?.data;
}

/**
 * Waits for the page at `url` and checks it with axe. With JavaScript a form's answer is a
 * client-side navigation, without it a full load: this serves both.
 */
async function arrive(page: Page, url: RegExp | ((url: URL) => boolean)) {
  await page.waitForURL(url, { timeout: 60_000 });
  await page.waitForLoadState("load");
  await audit(page);
}

async function clickButton(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).click();
}

/** The amount a row of the checkout's totals (goods, delivery fees, total) shows. */
function totalsRow(page: Page, label: string): Locator {
  return page.locator("dl[aria-live=polite] > div").filter({ hasText: label }).locator("dd");
}

async function addToCart(page: Page, product: Product) {
  await page.goto(`/san-pham/${product.slug}`);
  await audit(page);
  await clickButton(page, t("vi", "addToCart.submit"));
  await arrive(page, (url) => url.pathname === "/gio-hang");
  await expect(page.getByRole("link", { name: product.title, exact: true })).toBeVisible();
}

/** Logs in with the form of /dang-nhap?next=… and waits for `next`. */
async function logInTo(page: Page, identifier: string, password: string, next: string) {
  await page.context().clearCookies();
  await page.goto(`/dang-nhap?next=${encodeURIComponent(next)}`);
  await audit(page);
  await page.getByLabel(t("vi", "auth.field.identifier")).fill(identifier);
  await page.getByLabel(t("vi", "auth.field.password"), { exact: true }).fill(password);
  await clickButton(page, t("vi", "auth.login.submit"));
  await arrive(page, (url) => url.pathname + url.search === next);
}

function journey(javaScriptEnabled: boolean) {
  return async ({ page }: { page: Page }) => {
    test.setTimeout(150_000);
    const delivering = producerOf("SX001");
    const pickedUp = producerOf("SX004");
    const withoutBank = producerOf("SX003");
    const suffix = randomUUID().slice(0, 8);
    const buyerEmail = `e2e-hanh-trinh-${suffix}@test.local`;

    // 1. A guest fills a cart from three producers, SX003 (no bank account) among them.
    for (const { product } of [delivering, pickedUp, withoutBank]) await addToCart(page, product);
    await expect(
      page.getByRole("link", { name: t("vi", "journey.cart.continue") }),
    ).toHaveAttribute("href", "/tim-kiem");

    // 2. Checking out asks to log in; she has no account and signs up on the way.
    await page.getByRole("link", { name: t("vi", "cartPage.loginToCheckout") }).click();
    await arrive(page, (url) => url.pathname === "/dang-nhap");
    await page.getByRole("link", { name: t("vi", "auth.login.signUpLink") }).click();
    await arrive(page, (url) => url.pathname === "/dang-ky");
    await page.getByLabel(t("vi", "auth.field.displayName")).fill("Chị Hành Trình Thử");
    await page.getByLabel(t("vi", "auth.field.email")).fill(buyerEmail);
    await page.getByLabel(t("vi", "auth.field.newPassword"), { exact: true }).fill(PASSWORD);
    await page.getByLabel(t("vi", "auth.field.confirmPassword")).fill(PASSWORD);
    await page.locator('input[name="acceptTerms"]').check();
    await clickButton(page, t("vi", "auth.signup.submit"));
    await arrive(page, (url) => url.pathname === "/thanh-toan");

    // 3. With SX003's goods in the cart, transfer is not offered, and the page says why.
    const transferRadio = page.getByLabel(t("vi", "paymentMethod.bank_transfer"));
    await expect(transferRadio).toBeDisabled();
    await expect(page.locator("#pay-bank_transfer-hint")).toHaveText(
      t("vi", "transfer.checkout.unavailable", { producers: withoutBank.producer.name }),
    );
    // Everything is picked up (the default): no address is asked.
    const addressField = page.getByLabel(t("vi", "checkoutPage.address"));
    if (javaScriptEnabled) {
      await expect(page.getByText(t("vi", "checkoutFlow.noAddressNeeded"))).toBeVisible();
      await expect(addressField).toBeHidden();
    } else {
      await expect(page.getByText(t("vi", "checkoutFlow.addressOnlyForDelivery"))).toBeVisible();
      await expect(addressField).not.toHaveAttribute("required");
    }

    // 4. Without SX003's product, transfer is offered.
    await page.goto("/gio-hang");
    await audit(page);
    await clickButton(page, t("vi", "cartPage.remove", { title: withoutBank.product.title }));
    await expect(
      page.getByRole("link", { name: withoutBank.product.title, exact: true }),
    ).toHaveCount(0);
    await audit(page);
    await page.getByRole("link", { name: t("vi", "cart.checkout") }).click();
    await arrive(page, (url) => url.pathname === "/thanh-toan");
    await expect(transferRadio).toBeEnabled();

    // 5. SX001 delivers: her fee is in the total before confirming.
    const goodsVnd = [delivering, pickedUp].reduce(
      (sum, { product }) => sum + product.priceVnd * product.minOrderQty,
      0,
    );
    const total = totalsRow(page, t("vi", "checkoutFlow.total"));
    await expect(total).toHaveText(formatVnd(goodsVnd, "vi"));
    await page
      .getByRole("group", {
        name: t("vi", "cart.fromProducer", { name: delivering.producer.name }),
      })
      .getByLabel(/^Giao tận nơi/)
      .check();
    await page.getByLabel(t("vi", "checkoutPage.name")).fill("Chị Hành Trình Thử");
    await page.getByLabel(t("vi", "checkoutPage.phone")).fill("0912 345 678");
    await page
      .getByLabel(t("vi", "placePicker.provinceLabel"))
      .selectOption({ label: "Tỉnh Quảng Trị" });
    if (!javaScriptEnabled) {
      // "Cập nhật" shows the totals of the chosen methods and the province's communes.
      await Promise.all([
        page.waitForResponse(
          (response) =>
            new URL(response.url()).pathname === "/thanh-toan" && response.status() === 200,
        ),
        clickButton(page, t("vi", "checkoutFlow.update")),
      ]);
      await page.waitForLoadState("load");
      await audit(page);
    }
    const withFee = goodsVnd + delivering.producer.deliveryFeeVnd;
    await expect(totalsRow(page, t("vi", "checkoutFlow.deliveryFees"))).toHaveText(
      formatVnd(delivering.producer.deliveryFeeVnd, "vi"),
    );
    await expect(total).toHaveText(formatVnd(withFee, "vi"));
    await expect(addressField).toBeVisible();
    await page
      .getByLabel(t("vi", "placePicker.communeLabel"), { exact: true })
      .selectOption({ label: "Phường Đông Hà" });
    await addressField.fill("45 Hùng Vương, khu phố 2");
    await transferRadio.check();
    if (javaScriptEnabled) await audit(page);
    await clickButton(page, t("vi", "checkoutPage.submit"));
    await arrive(page, /\/don-hang\?dat-hang=/);
    await expect(page.getByRole("status")).toHaveText(t("vi", "ordersPage.placed", { count: 2 }));
    const orders = ordersOfCheckout(new URL(page.url()).searchParams.get("dat-hang") ?? "");
    const deliveryOrder = orders.find((order) => order.producerCode === "SX001");
    const pickupOrder = orders.find((order) => order.producerCode === "SX004");
    if (!deliveryOrder || !pickupOrder)
      throw new Error(`orders of the checkout: ${JSON.stringify(orders)}`);
    expect([deliveryOrder.deliveryMethod, pickupOrder.deliveryMethod]).toEqual([
      "delivery",
      "pickup",
    ]);
    expect(deliveryOrder.totalVnd + pickupOrder.totalVnd).toBe(withFee);

    // 6. The pickup order: how to reach the producer, where and when to collect, how to pay.
    await page
      .getByRole("link", { name: t("vi", "orders.view", { code: pickupOrder.code }), exact: true })
      .click();
    await arrive(page, (url) => url.pathname === `/don-hang/${pickupOrder.id}`);
    await expectNoHorizontalScroll(page);
    const seller = pickedUp.producer;
    if (!seller.phone || !seller.bankBin || !seller.bankAccountNumber) {
      throw new Error("SX004 needs a phone and a bank account in the demo data");
    }
    await expect(
      page.getByRole("link", {
        name: t("vi", "contact.call", { name: seller.name, phone: seller.phone }),
      }),
    ).toHaveAttribute("href", `tel:${seller.phone}`);
    const zalo = page
      .getByRole("link", { name: t("vi", "contact.zalo", { name: seller.name }) })
      .first();
    await expect(zalo).toHaveAttribute("href", /^https:\/\/zalo\.me\/\d+$/);
    await expect(zalo).toHaveAttribute("href", `https://zalo.me/${zaloNumber(seller.phone)}`);
    await expect(page.locator("address").filter({ hasText: seller.address })).toBeVisible();
    if (seller.pickupHours) {
      await expect(
        page.getByText(t("vi", "checkoutFlow.pickupHours", { hours: seller.pickupHours })),
      ).toBeVisible();
    }
    const panel = page.getByRole("region", { name: t("vi", "transfer.title") });
    await expect(panel).toContainText(seller.bankAccountNumber);
    await expect(panel).toContainText(formatVnd(pickupOrder.totalVnd, "vi"));
    await expect(panel).toContainText(pickupOrder.code);
    const accountNumber = panel.getByText(seller.bankAccountNumber, { exact: true });
    expect(await accountNumber.evaluate((element) => getComputedStyle(element).userSelect)).toBe(
      "all",
    );
    const copyButtons = panel.getByRole("button", { name: /^Sao chép / });
    if (javaScriptEnabled) {
      await expect(
        panel.getByRole("button", {
          name: t("vi", "transfer.copyLabel", { what: t("vi", "transfer.accountNumber") }),
        }),
      ).toBeVisible();
      await expect(copyButtons).toHaveCount(5);
    } else {
      await expect(copyButtons).toHaveCount(0);
    }

    // The saved PNG holds the same VietQR payload as the code on the page.
    const expected = buildVietQrPayload({
      bankBin: seller.bankBin,
      accountNumber: seller.bankAccountNumber,
      amountVnd: pickupOrder.totalVnd,
      purpose: pickupOrder.code,
    });
    const svg = await panel
      .getByRole("img", { name: t("vi", "transfer.qr.label", { code: pickupOrder.code }) })
      .locator("svg")
      .evaluate((element) => element.outerHTML);
    const onPage = decodeQr(
      await sharp(Buffer.from(svg), { density: 300 })
        .flatten({ background: "#ffffff" })
        .resize({ width: 600 })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true }),
    );
    expect(onPage).toBe(expected);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("link", { name: t("vi", "transfer.qr.save") }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`vietqr-${pickupOrder.code}.png`);
    const png = await readFile(await download.path());
    const saved = decodeQr(
      await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true }),
    );
    expect(saved).toBe(expected);

    // 7. SX001 confirms the payment received, then ships.
    const producer = demoAccount("producer");
    await logInTo(
      page,
      producer.phone,
      producer.password,
      `/ban-hang/don-hang/${deliveryOrder.id}`,
    );
    const steps = [
      ["workspaceOrders.action.mark_paid", "mark_paid"],
      ["workspaceOrders.action.ship", "ship"],
    ] as const;
    for (const [label, intent] of steps) {
      if (intent === "ship") {
        await page.getByLabel(t("vi", "daily.ship.carrier")).fill("Viettel Post");
        await page.getByLabel(t("vi", "daily.ship.tracking")).fill(`VTP-${suffix}`);
      }
      await clickButton(page, t("vi", label));
      await arrive(page, new RegExp(`/ban-hang/don-hang/${deliveryOrder.id}\\?xong=${intent}$`));
      await expect(page.getByRole("status")).toHaveText(t("vi", "workspaceOrders.done"));
    }

    // 8. The buyer's timeline shows the confirmation and the shipping, with their times.
    await logInTo(page, buyerEmail, PASSWORD, `/don-hang/${deliveryOrder.id}`);
    const timeline = page.getByRole("region", { name: t("vi", "journey.timeline.title") });
    for (const [step, label] of [
      ["confirmed", "journey.timeline.confirmed"],
      ["shipped", "journey.timeline.shipped"],
    ] as const) {
      const entry = timeline.locator(`li[data-step=${step}]`);
      await expect(entry).toContainText(t("vi", label));
      await expect(entry.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    }
    await expect(timeline.locator("li[data-step=shipped]")).toContainText(
      t("vi", "journey.timeline.tracking", { number: `VTP-${suffix}` }),
    );

    // 9. The same page in English, through the header's language switch.
    await clickButton(page, t("vi", "language.switchTo"));
    if (!javaScriptEnabled) {
      await arrive(page, (url) => url.pathname === `/don-hang/${deliveryOrder.id}`);
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      t("en", "order.title", { code: deliveryOrder.code }),
    );
    await expect(
      page
        .getByRole("region", { name: t("en", "journey.timeline.title") })
        .locator("li[data-step=shipped]"),
    ).toContainText(t("en", "journey.timeline.shipped"));
    await expect(
      page.getByRole("link", { name: t("en", "contact.zalo", { name: delivering.producer.name }) }),
    ).toHaveAttribute("href", /^https:\/\/zalo\.me\/\d+$/);
    if (javaScriptEnabled) await audit(page);
  };
}

// The two journeys share nothing but the demo server: they may run side by side.
test.describe.configure({ mode: "parallel" });

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
  test("a guest orders for delivery and pickup by transfer and follows her order", journey(true));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  test("a guest orders for delivery and pickup by transfer and follows her order", journey(false));
});
