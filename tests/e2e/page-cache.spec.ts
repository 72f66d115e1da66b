import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { Locale } from "~/lib/i18n/locales";
import { expect, test } from "./fixtures";
import { DEMO_ACCOUNTS, demoProduct, readDemo, t } from "./support";

/**
 * Acceptance (issue 17, the shared page cache never mixes visitors): a buyer logged in with a
 * cart, a guest reading Vietnamese and a guest reading English load the same public pages in
 * turn, twice. Each sees only its own header, cart and language; every guest's page is also
 * seen served from the cache, and its scripts run under the new nonce (no CSP complaint).
 */

const buyer = DEMO_ACCOUNTS.find((account) => account.key === "buyer")!;

interface Visitor {
  name: string;
  context: BrowserContext;
  page: Page;
  locale: Locale;
  signedIn: boolean;
  problems: string[];
}

async function visitor(
  browser: Browser,
  baseURL: string,
  name: string,
  locale: Locale,
  signedIn: boolean,
): Promise<Visitor> {
  const context = await browser.newContext({ baseURL });
  if (locale === "en") {
    await context.addCookies([{ name: "lang", value: "en", url: baseURL }]);
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" || /Content Security Policy|Refused to/i.test(text)) {
      problems.push(`${name} on ${page.url()}: ${text}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`${name} on ${page.url()}: ${error.message}`));
  return { name, context, page, locale, signedIn, problems };
}

test("a signed-in buyer with a cart and two guests in two languages never see each other's page", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const product = demoProduct();
  const producerCode = readDemo(
    (sqlite) =>
      (
        sqlite
          .prepare(
            "select p.code from producers p join listings l on l.producer_id = p.id where l.sku = ?",
          )
          .get(product.sku) as { code: string }
      ).code,
  );
  const pages = [
    "/",
    `/tim-kiem?q=${encodeURIComponent("tiêu")}`,
    `/san-pham/${product.slug}`,
    `/nha-san-xuat/${producerCode}`,
    "/yeu-cau-mua",
  ];

  const signedIn = await visitor(browser, baseURL!, "buyer", "vi", true);
  const guestVi = await visitor(browser, baseURL!, "guest (vi)", "vi", false);
  const guestEn = await visitor(browser, baseURL!, "guest (en)", "en", false);

  // The buyer logs in and puts a product in her cart.
  await signedIn.page.goto("/dang-nhap");
  await signedIn.page.getByLabel(t("vi", "auth.field.identifier")).fill(buyer.phone);
  await signedIn.page
    .getByLabel(t("vi", "auth.field.password"), { exact: true })
    .fill(buyer.password);
  await signedIn.page.getByRole("button", { name: t("vi", "auth.login.submit") }).click();
  await signedIn.page.waitForURL((url) => url.pathname !== "/dang-nhap");
  await signedIn.page.goto(`/san-pham/${product.slug}`);
  await signedIn.page
    .getByRole("button", { name: t("vi", "addToCart.submit"), exact: true })
    .click();
  await signedIn.page.waitForURL((url) => url.pathname === "/gio-hang");

  // Each person's view of a page: their own language, header and cart, never another's.
  async function expectOwnPage(person: Visitor, where: string): Promise<void> {
    const header = person.page.locator("header").first();
    await expect(person.page.locator("html"), where).toHaveAttribute("lang", person.locale);
    if (person.signedIn) {
      await expect(header, where).toContainText(
        t("vi", "header.greeting", { name: buyer.displayName }),
      );
      await expect(
        header.getByRole("link", { name: /^Giỏ hàng, \d+ sản phẩm$/ }),
        where,
      ).toBeVisible();
      return;
    }
    await expect(header, where).not.toContainText(buyer.displayName);
    await expect(
      header.getByRole("link", { name: t(person.locale, "header.cart"), exact: true }),
      where,
    ).toBeVisible();
    expect(await person.page.content(), where).not.toContain(buyer.displayName);
    await expect(
      header.getByText(t(person.locale, "header.login"), { exact: true }),
      where,
    ).toBeAttached();
  }

  async function load(person: Visitor, path: string, where: string): Promise<string | null> {
    const response = await person.page.goto(path);
    expect(response?.status(), where).toBe(200);
    await person.page.waitForLoadState("load");
    const served = response?.headers()["x-page-cache"] ?? null;
    if (person.signedIn) expect(served, where).toBeNull();
    // A guest's page always goes through the cache: rendered and stored, or a stored copy.
    else expect(["stored", "hit"], where).toContain(served);
    await expectOwnPage(person, where);
    return served;
  }

  for (const round of [1, 2]) {
    for (const path of pages) {
      for (const person of [signedIn, guestVi, guestEn]) {
        await load(person, path, `${person.name}, round ${round}, ${path}`);
      }
    }
  }

  // Every guest's page is also seen as a stored copy. Other tests write to the shared demo
  // server's database at the same time (an order, a listing), and any such write empties the
  // cache; a copy asked for again at once is served from it unless a write fell in between,
  // so a few tries in a row always meet one.
  for (const path of pages) {
    for (const person of [guestVi, guestEn]) {
      let served: string | null = null;
      for (let attempt = 1; attempt <= 5 && served !== "hit"; attempt += 1) {
        served = await load(person, path, `${person.name}, again, ${path}, try ${attempt}`);
      }
      expect(served, `${person.name} ${path} served from the cache`).toBe("hit");
    }
  }

  for (const person of [signedIn, guestVi, guestEn]) {
    expect(person.problems, `${person.name}: console errors or CSP violations`).toEqual([]);
    await person.context.close();
  }
});
