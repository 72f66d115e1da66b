import type { Page, Response } from "@playwright/test";
import { audit, expect, test } from "./fixtures";
import { demoProduct, hydratedPublicPage, t } from "./support";

/**
 * Issue 17, browser side: a page downloads the interface strings of its own language only
 * (vite.config.ts swaps the catalogs out of the browser build; app/entry.client.tsx loads the
 * page's language before hydrating), and still turns into the other language when asked.
 */

/** Every script the page downloads, with its text, while `act` runs. */
async function scriptsDuring(page: Page, act: () => Promise<void>): Promise<string[]> {
  const bodies: Promise<string>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() === "script") bodies.push(response.text());
  };
  page.on("response", onResponse);
  await act();
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  return Promise.all(bodies);
}

const HYDRATED = hydratedPublicPage();

// Two messages found in no other place than their own catalog.
const VIETNAMESE = t("vi", "header.greeting", { name: "{name}" });
const ENGLISH = t("en", "header.greeting", { name: "{name}" });

test("a Vietnamese page ships no English strings, and the switch to English loads them", async ({
  page,
}) => {
  const scripts = await scriptsDuring(page, async () => {
    await page.goto(HYDRATED);
  });
  await audit(page);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((script) => script.includes(VIETNAMESE))).toHaveLength(1);
  expect(scripts.filter((script) => script.includes(ENGLISH))).toEqual([]);

  // Hydrated: the switch is a client-side navigation that fetches the English chunk.
  const switched = await scriptsDuring(page, async () => {
    await page.getByRole("button", { name: t("vi", "language.switchTo") }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
  await expect(page.getByRole("link", { name: t("en", "header.cart"), exact: true })).toBeVisible();
  await audit(page);
  expect(switched.filter((script) => script.includes(ENGLISH))).toHaveLength(1);
});

test("an English page ships no Vietnamese strings", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  const scripts = await scriptsDuring(page, async () => {
    await page.goto(HYDRATED);
  });
  await audit(page);
  expect(scripts.filter((script) => script.includes(ENGLISH))).toHaveLength(1);
  expect(scripts.filter((script) => script.includes(VIETNAMESE))).toEqual([]);
});

// Found only in the whole Vietnamese catalog: the staff reports page names it, no public page.
const WHOLE_VIETNAMESE = t("vi", "reports.intro");

test("a public page ships only the messages its code names; another page loads the whole language", async ({
  page,
}) => {
  for (const path of [HYDRATED]) {
    const scripts = await scriptsDuring(page, async () => {
      await page.goto(path);
    });
    await expect(page.locator("html")).toHaveAttribute("data-messages", "public");
    expect(
      scripts.filter((script) => script.includes(VIETNAMESE)),
      path,
    ).toHaveLength(1);
    expect(
      scripts.filter((script) => script.includes(WHOLE_VIETNAMESE)),
      path,
    ).toEqual([]);
    await audit(page);
  }

  // A client-side navigation to a page outside the public set waits for the whole language.
  const whole = await scriptsDuring(page, async () => {
    await page
      .getByRole("link", { name: t("vi", "footer.sell") })
      .first()
      .click();
    await expect(page.locator("html")).toHaveAttribute("data-messages", "all");
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("vi", "auth.apply.title"));
  expect(whole.filter((script) => script.includes(WHOLE_VIETNAMESE))).toHaveLength(1);
  await audit(page);
});

test("a page to read is sent without React, and its links, forms and suggestions still work", async ({
  page,
}) => {
  for (const path of [
    "/",
    "/tim-kiem?q=ca+phe",
    `/san-pham/${demoProduct().slug}`,
    "/nha-san-xuat/SX001",
    "/yeu-cau-mua",
    "/chien-dich",
    "/dieu-khoan",
  ]) {
    const scripts = await scriptsDuring(page, async () => {
      await page.goto(path);
    });
    // Only the island (app/islands/enhance.ts) and the small modules it imports: no
    // framework, no message catalog.
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(scripts.join("").length, path).toBeLessThan(10_000);
    expect(
      scripts.filter((script) => script.includes(VIETNAMESE)),
      path,
    ).toEqual([]);
    await expect(page.locator("script:not([type='application/ld+json'])"), path).toHaveCount(1);
    await expect(page.locator('script[type="module"]'), path).toHaveAttribute(
      "src",
      /^\/assets\/island-[\w-]+\.js$/,
    );
    await audit(page);
  }

  // The header's search is still a form: it takes the visitor to the results.
  await page.getByRole("combobox").first().fill("mật ong");
  await page.getByRole("combobox").first().press("Enter");
  await page.waitForURL((url) => url.pathname === "/tim-kiem");
  await expect(page.locator("main article").first()).toBeVisible();
  await audit(page);
});

test("a page names its language chunk in a modulepreload link, fetched beside the framework", async ({
  page,
  context,
  baseURL,
}) => {
  for (const [lang, path, text] of [
    ["vi", HYDRATED, VIETNAMESE],
    ["en", HYDRATED, ENGLISH],
    ["vi", "/dang-nhap", WHOLE_VIETNAMESE],
  ] as const) {
    await context.addCookies([{ name: "lang", value: lang, url: baseURL! }]);
    const requested: string[] = [];
    const onRequest = (request: { url(): string }) =>
      requested.push(new URL(request.url()).pathname);
    page.on("request", onRequest);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    page.off("request", onRequest);
    const scope = await page.locator("html").getAttribute("data-messages");
    const href = await page
      .locator(
        `head link[rel="modulepreload"][href*="${scope === "public" ? "public-" : "/"}${lang}-"]`,
      )
      .getAttribute("href");
    expect(href, path).toMatch(/^\/assets\/[\w-]+\.js$/);
    expect(
      requested.filter((url) => url === href),
      path,
    ).toHaveLength(1);
    expect(await (await page.request.get(href!)).text(), path).toContain(text);
    await audit(page);
  }
});

/** Opens a purchase request and waits until it has downloaded the whole language and hydrated. */
async function expectHydratedWithWholeLanguage(page: Page): Promise<void> {
  const scripts = await scriptsDuring(page, async () => {
    await page.goto(HYDRATED);
  });
  expect(scripts.filter((script) => script.includes(WHOLE_VIETNAMESE))).toHaveLength(1);
  await expect
    .poll(() => page.evaluate(() => Boolean(Reflect.get(window, "__remixRouter"))))
    .toBe(true);
}

test("a key the page's data names outside the public messages is loaded before hydrating", async ({
  page,
}) => {
  // Play a loader sending a key: the request page's data gains one only the staff pages name.
  await page.route(
    (url) => url.pathname === HYDRATED,
    async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      const nonce = /nonce="([^"]+)"/.exec(html)?.[1] ?? "";
      const body = html.replace(
        "</body>",
        `<script nonce="${nonce}">void "reports.intro";</script></body>`,
      );
      await route.fulfill({ response, body });
    },
  );
  await expectHydratedWithWholeLanguage(page);
  await audit(page);
});

test.describe("a key missing from the code the build read", () => {
  // Hydration then waits for the whole language (Suspense at the root); when the router updates
  // meanwhile, React re-renders the page on the client and says so on the console. The page
  // still ends up right and working: that is what this safety net promises.
  test.use({ allowedConsoleErrors: [/Minified React error #418/] });

  test("makes the page wait for the whole language, then work", async ({ page }) => {
    // Play a miss: the public chunk arrives without the header's cart label.
    await page.route(/\/public-vi-[\w-]+\.js$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/"header\.cart":"[^"]*",?/, "");
      await route.fulfill({ response, body });
    });
    await expectHydratedWithWholeLanguage(page);
    await expect(
      page.getByRole("link", { name: t("vi", "header.cart"), exact: true }).first(),
    ).toBeVisible();
    await audit(page);

    // Working: the language switch is a client-side navigation.
    await page.getByRole("button", { name: t("vi", "language.switchTo") }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await audit(page);
  });
});
