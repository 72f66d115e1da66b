import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { openDatabase } from "~db/client.server";
import { buyerProfiles, users } from "~db/schema";
import { addDays } from "~/modules/reports/periods";
import { vietnamToday } from "~/lib/dates";
import { hashPassword } from "~/modules/auth/passwords.server";
import { audit, expect, expectNoHorizontalScroll, test, visit } from "./fixtures";
import type { MessageKey } from "~/lib/i18n/translate";
import { DEMO_ACCOUNTS, readDemo, t } from "./support";

/**
 * Issue 16's last criterion on a 360×740 phone: province staff create and publish a campaign
 * with two producers of different communes (SX001, SX004); a buyer opens its public page and
 * buys one listing of each producer from it (cash on delivery, picked up: two orders); each
 * producer accepts, ships and delivers her order and the buyer confirms receipt, so both are
 * completed; the public page, read without JavaScript before and after, shows the sold figure
 * moved by exactly the two orders' goods totals and one buyer more, and with JavaScript the
 * same text. The tests run in order and share what the previous one made; the buyer is a new
 * account, so other specs on the same demo server do not touch her cart.
 */

const PHONE = { width: 360, height: 740 };
const PASSWORD = "ChienDich#E2E-2026";

test.describe.configure({ mode: "serial" });

function account(key: (typeof DEMO_ACCOUNTS)[number]["key"]) {
  const found = DEMO_ACCOUNTS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no demo account ${key}`);
  return found;
}

interface Product {
  id: number;
  sku: string;
  title: string;
  producerCode: string;
  producerName: string;
}

/**
 * The listing of `producerCode` this spec buys: published, sold by one, in stock, and neither
 * the producer's first listing nor her best-stocked one, which other specs on the same server
 * buy (support.ts demoProduct, buyer-journey.spec.ts, orders.spec.ts).
 */
function productOf(producerCode: string): Product {
  const rows = readDemo(
    (sqlite) =>
      sqlite
        .prepare(
          `select l.id, l.sku, l.title, l.stock, l.min_order_qty as minOrderQty,
                  p.code as producerCode, p.name as producerName
           from listings l join producers p on p.id = l.producer_id
           where p.code = ? and l.status = 'published'
           order by l.id`,
        )
        .all(producerCode) as (Product & { stock: number; minOrderQty: number })[],
  );
  const first = rows[0]?.id;
  const best = [...rows].sort((a, b) => b.stock - a.stock)[0]?.id;
  const picked = rows.find(
    (row) => row.id !== first && row.id !== best && row.minOrderQty === 1 && row.stock >= 10,
  );
  if (!picked) throw new Error(`the demo database has no spare listing of ${producerCode}`);
  const { id, sku, title, producerName } = picked;
  return { id, sku, title, producerCode, producerName };
}

/** A new buyer (e-mail log-in, no phone to confirm), straight in the server's database. */
async function makeBuyer(): Promise<string> {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const email = `e2e-chien-dich-${randomUUID().slice(0, 8)}@test.local`;
  const passwordHash = await hashPassword(PASSWORD);
  const db = openDatabase(path);
  try {
    const user = db
      .insert(users)
      .values({ email, passwordHash, displayName: "Chị Mua Ủng Hộ" })
      .returning()
      .get();
    db.insert(buyerProfiles).values({ userId: user.id, kind: "individual" }).run();
    const found = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    if (!found) throw new Error("the buyer was not stored");
    return email;
  } finally {
    db.$client.close();
  }
}

interface PlacedOrder {
  id: number;
  code: string;
  producerCode: string;
}

function ordersOfCheckout(checkoutId: string): PlacedOrder[] {
  return readDemo(
    (sqlite) =>
      sqlite
        .prepare(
          `select o.id, o.code, p.code as producerCode
           from orders o join producers p on p.id = o.producer_id
           where o.checkout_id = ? order by p.code`,
        )
        .all(checkoutId) as PlacedOrder[],
  );
}

function statusesOf(sqlite: Parameters<Parameters<typeof readDemo>[0]>[0], orders: PlacedOrder[]) {
  const statement = sqlite.prepare("select status from orders where id = ?");
  return orders.map((order) => (statement.get(order.id) as { status: string }).status);
}

/** The whole đồng amount in a text like "1.234.000 ₫". */
function dong(text: string): number {
  const digits = text.replace(/[^\d]/g, "");
  if (digits === "") throw new Error(`no amount in "${text}"`);
  return Number(digits);
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

async function clickButton(scope: Page | Locator, name: string) {
  await scope.getByRole("button", { name, exact: true }).first().click();
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

/** What the spec made so far; each test fills in its part for the next. */
const made: {
  title?: string;
  slug?: string;
  products?: [Product, Product];
  before?: Figures;
  after?: Figures;
  orders?: (PlacedOrder & { goodsVnd: number })[];
} = {};

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`an earlier test did not make ${what}`);
  return value;
}

/** Clicks "add to cart" on the campaign page's card of this product (posts to /gio-hang). */
async function addFromCampaignPage(page: Page, product: Product) {
  const card = page
    .getByRole("region", { name: t("vi", "campaignpage.listings.title") })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: product.title, exact: true }) });
  await clickButton(card, t("vi", "addToCart.submit"));
}

interface Figures {
  soldVnd: number;
  /** The value of the progress bar (sold against the đồng target). */
  barValue: number;
  buyers: number;
  /** The progress section's words, to compare the page with and without JavaScript. */
  text: string;
}

/**
 * The figure standing for `placeholder` where `text` says the message `key` ("Đã bán
 * 1.234.000 ₫ / mục tiêu …" → 1234000): a whole number, in đồng or a count.
 */
function figureIn(text: string, key: MessageKey, placeholder: string): number {
  const escaped = t("vi", key).replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  const pattern = escaped
    .replace(`{${placeholder}}`, "(\\d[\\d.]*)(?: ?₫)?")
    .replace(/\{\w+\}/g, ".+?");
  const found = new RegExp(pattern).exec(text)?.[1];
  if (found === undefined) throw new Error(`"${text}" does not say ${key}`);
  return dong(found);
}

/** The campaign page's progress: the sold figure, the bar and the number of buyers. */
async function readFigures(page: Page): Promise<Figures> {
  const progress = page.getByRole("region", { name: t("vi", "campaignpage.progress.label") });
  await expect(progress).toBeVisible();
  const text = (await progress.innerText()).replace(/\s+/g, " ").trim();
  const bar = progress.getByRole("progressbar", { name: t("vi", "campaignpage.progress.label") });
  return {
    soldVnd: figureIn(text, "campaignpage.progress.sold", "sold"),
    barValue: Number(await bar.getAttribute("value")),
    buyers: figureIn(text, "campaignpage.progress.buyers", "count"),
    text,
  };
}

test.describe("staff, with JavaScript", () => {
  test.use({ javaScriptEnabled: true, viewport: PHONE });

  test("province staff create a campaign with SX001 and SX004 and publish it", async ({ page }) => {
    test.setTimeout(120_000);
    const staff = account("province-staff");
    const title = `Chung tay cùng chị em vùng lũ ${randomUUID().slice(0, 6)}`;
    const today = vietnamToday();
    const products: [Product, Product] = [productOf("SX001"), productOf("SX004")];
    made.products = products;
    await logInTo(page, staff.phone, staff.password, "/quan-ly/chien-dich");
    await expectNoHorizontalScroll(page);
    await page.getByRole("link", { name: t("vi", "campaigns.list.create") }).click();
    await arrive(page, (url) => url.pathname === "/quan-ly/chien-dich/moi");

    // 1. The draft: title, story, kind, dates today → +30 days, a target in đồng.
    await page.getByLabel(t("vi", "campaigns.form.title")).fill(title);
    await page
      .getByLabel(t("vi", "campaigns.form.story"))
      .fill("Lũ cuối tháng 10 làm hỏng vườn tiêu của chị em.\n\nMua một gói tiêu là chung tay.");
    await page
      .getByLabel(t("vi", "campaigns.form.kind"))
      .selectOption({ label: t("vi", "campaigns.kind.disaster_recovery") });
    await page.getByLabel(t("vi", "campaigns.form.startsOn")).fill(today);
    await page.getByLabel(t("vi", "campaigns.form.endsOn")).fill(addDays(today, 30));
    await page.getByLabel(t("vi", "campaigns.form.targetVnd")).fill("50000000");
    await expectNoHorizontalScroll(page);
    await clickButton(page, t("vi", "campaigns.form.create"));
    await arrive(page, (url) => /^\/quan-ly\/chien-dich\/[a-z0-9-]+$/.test(url.pathname));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const slug = new URL(page.url()).pathname.split("/").pop() ?? "";

    // 2. SX001 and SX004, from two communes; each keeps only the listing bought below, so
    // other specs' orders of their other listings on the same server do not move the figures.
    for (const product of products) {
      const select = page
        .getByRole("region", { name: t("vi", "campaigns.page.addTitle") })
        .getByRole("combobox", { name: t("vi", "campaigns.page.addProducer"), exact: true });
      const option = select.locator("option").filter({ hasText: product.producerName });
      await select.selectOption((await option.getAttribute("value")) ?? "");
      await clickButton(page, t("vi", "campaigns.page.add"));
      await expect(page.getByRole("status")).toHaveText(t("vi", "campaigns.page.done.added"));
      await audit(page);
      const listings = page.getByRole("group", {
        name: t("vi", "campaigns.page.listingsLegend", { producer: product.producerName }),
      });
      for (const box of await listings.getByRole("checkbox").all()) await box.uncheck();
      await listings.getByLabel(product.title, { exact: true }).check();
      await clickButton(
        page.locator("form").filter({ has: listings }),
        t("vi", "campaigns.page.saveListings"),
      );
      await expect(page.getByRole("status")).toHaveText(t("vi", "campaigns.page.done.listings"));
      await expect(listings.getByRole("checkbox", { checked: true })).toHaveCount(1);
      await expect(listings.getByLabel(product.title, { exact: true })).toBeChecked();
      await audit(page);
    }

    // 3. Published, so the public page is open.
    await clickButton(page, t("vi", "campaigns.page.publish"));
    await expect(page.getByRole("status")).toHaveText(t("vi", "campaigns.page.done.published"));
    await expectNoHorizontalScroll(page);
    await audit(page);
    made.title = title;
    made.slug = slug;
  });
});

test.describe("the public page without JavaScript, before", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("anyone reads the campaign's progress", async ({ page }) => {
    const slug = need(made.slug, "a campaign");
    await visit(page, `/chien-dich/${slug}`);
    await expectNoHorizontalScroll(page);
    made.before = await readFigures(page);
  });
});

test.describe("buyer and producers, with JavaScript", () => {
  test.use({ javaScriptEnabled: true, viewport: PHONE });

  test("a buyer buys from both producers on the campaign page; they complete the orders", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const slug = need(made.slug, "a campaign");
    const products = need(made.products, "the products");
    const buyerEmail = await makeBuyer();
    await logInTo(page, buyerEmail, PASSWORD, `/chien-dich/${slug}`);
    await expectNoHorizontalScroll(page);

    // 1. One listing of each producer into the cart, from the campaign page itself.
    for (const product of products) {
      await addFromCampaignPage(page, product);
      await arrive(page, (url) => url.pathname === "/gio-hang");
      await expect(page.getByRole("link", { name: product.title, exact: true })).toBeVisible();
      await page.goto(`/chien-dich/${slug}`);
      await audit(page);
    }

    // 2. Checkout: both picked up (no address), cash on delivery → one order per producer.
    await page.goto("/gio-hang");
    await audit(page);
    await page.getByRole("link", { name: t("vi", "cart.checkout") }).click();
    await arrive(page, (url) => url.pathname === "/thanh-toan");
    await page.getByLabel(t("vi", "checkoutPage.name")).fill("Chị Mua Ủng Hộ");
    await page.getByLabel(t("vi", "checkoutPage.phone")).fill("0912 345 678");
    await page.getByLabel(t("vi", "paymentMethod.cod")).check();
    await expectNoHorizontalScroll(page);
    await clickButton(page, t("vi", "checkoutPage.submit"));
    await arrive(page, /\/don-hang\?dat-hang=/);
    await expect(page.getByRole("status")).toHaveText(t("vi", "ordersPage.placed", { count: 2 }));
    const placed = ordersOfCheckout(new URL(page.url()).searchParams.get("dat-hang") ?? "");
    expect(placed.map((order) => order.producerCode).sort()).toEqual(["SX001", "SX004"]);

    // 3. Each order's goods total, as its page shows it.
    const orders: (PlacedOrder & { goodsVnd: number })[] = [];
    for (const order of placed) {
      await page
        .getByRole("link", { name: t("vi", "orders.view", { code: order.code }), exact: true })
        .click();
      await arrive(page, (url) => url.pathname === `/don-hang/${order.id}`);
      const goods = page
        .locator("dl > div")
        .filter({ has: page.getByText(t("vi", "order.subtotal"), { exact: true }) })
        .locator("dd");
      orders.push({ ...order, goodsVnd: dong(await goods.innerText()) });
      await page.goBack();
      await arrive(page, /\/don-hang\?dat-hang=/);
    }

    // 4. Each producer accepts, ships and delivers her order; the buyer confirms receipt.
    for (const order of orders) {
      const seller = account(order.producerCode === "SX001" ? "producer" : "producer-2");
      await logInTo(page, seller.phone, seller.password, `/ban-hang/don-hang/${order.id}`);
      for (const intent of ["accept", "ship", "deliver"] as const) {
        await clickButton(page, t("vi", `workspaceOrders.action.${intent}`));
        await arrive(page, new RegExp(`/ban-hang/don-hang/${order.id}\\?xong=${intent}$`));
        await expect(page.getByRole("status")).toHaveText(t("vi", "workspaceOrders.done"));
      }
    }
    for (const order of orders) {
      const next = `/don-hang/${order.id}`;
      if (order === orders[0]) await logInTo(page, buyerEmail, PASSWORD, next);
      else {
        await page.goto(next);
        await audit(page);
      }
      await clickButton(page, t("vi", "orderPage.confirmReceipt"));
      await arrive(page, new RegExp(`/don-hang/${order.id}\\?xong=confirm_receipt$`));
      await expect(page.getByRole("status")).toHaveText(t("vi", "orderPage.done.confirm_receipt"));
    }
    expect(readDemo((sqlite) => statusesOf(sqlite, orders))).toEqual(["completed", "completed"]);
    made.orders = orders;
  });
});

test.describe("the public page without JavaScript, after", () => {
  test.use({ javaScriptEnabled: false, viewport: PHONE });

  test("the sold figure moved by exactly the two orders' goods, one buyer more", async ({
    page,
  }) => {
    const slug = need(made.slug, "a campaign");
    const before = need(made.before, "the figures before");
    const orders = need(made.orders, "the orders");
    await visit(page, `/chien-dich/${slug}`);
    const after = await readFigures(page);
    await expectNoHorizontalScroll(page);
    const goods = orders.reduce((sum, order) => sum + order.goodsVnd, 0);
    expect(goods).toBeGreaterThan(0);
    expect(after.soldVnd - before.soldVnd).toBe(goods);
    expect(after.barValue - before.barValue).toBe(goods);
    expect(after.buyers).toBe(before.buyers + 1);
    made.after = after;
  });
});

test.describe("the public page with JavaScript, after", () => {
  test.use({ javaScriptEnabled: true, viewport: PHONE });

  test("shows the same progress", async ({ page }) => {
    const slug = need(made.slug, "a campaign");
    const after = need(made.after, "the figures after");
    await visit(page, `/chien-dich/${slug}`);
    await expectNoHorizontalScroll(page);
    expect(await readFigures(page)).toEqual(after);
  });
});
