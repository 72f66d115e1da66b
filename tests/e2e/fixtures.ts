import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page, type Response } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The e2e `test`: every page a test loads must be checked with axe (`visit` or `audit`), and
 * any console error (CSP violations first of all: "Refused to …") fails the test.
 */

interface PageState {
  javaScriptEnabled: boolean;
  problems: string[];
  /** The last document load not yet checked with axe. */
  pendingLoad: string | null;
  /** Loads that were followed by another load before anyone checked them. */
  unaudited: string[];
}

const states = new WeakMap<Page, PageState>();

function stateOf(page: Page): PageState {
  const state = states.get(page);
  if (!state) throw new Error("this page was not created by the tests/e2e/fixtures `page`");
  return state;
}

/** Where a page is, for bookkeeping: path and query, without the host. */
function where(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/**
 * Runs axe on the current page (WCAG 2 A and AA rules) and fails on any serious or critical
 * violation; records the page as audited.
 */
export async function audit(page: Page): Promise<void> {
  const state = stateOf(page);
  const results = state.javaScriptEnabled
    ? await axe(page)
    : await withScriptablePage(page, (copy) => axe(copy));
  const bad = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target.join(" ")} — ${node.failureSummary ?? ""}`)
          .join("\n"),
    );
  expect(bad, `axe violations on ${page.url()}`).toEqual([]);
  state.pendingLoad = null;
}

/**
 * Legacy mode runs `axe.run` in the page itself; the default (`runPartial` in every frame, then
 * `finishRun` in a new blank page) exists for cross-origin iframes, which no page of ours has,
 * and took twice as long per audit (2.5 s against 6 s for the log-in page on 2 busy cores),
 * with the same findings. Only violations are read, so axe is not asked to detail the passes.
 */
function axe(page: Page) {
  return new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa"])
    .options({ resultTypes: ["violations"] })
    .setLegacyMode(true)
    .analyze();
}

/**
 * axe runs inside the page, which a page with JavaScript disabled does not allow. So the
 * page's current HTML (as the browser parsed it, without its scripts) is opened at the same
 * URL and viewport in a scratch page with JavaScript on; stylesheets and images still come
 * from the server, so axe sees the same document the no-JS visitor sees. One scratch page per
 * browser (that is, per worker) serves every audit: a new context each time cost seconds, and
 * the stylesheet is then fetched once rather than per audit.
 */
async function withScriptablePage<T>(page: Page, fn: (copy: Page) => Promise<T>): Promise<T> {
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  const url = page.url();
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    // Without JavaScript the browser renders <noscript>; the copy has JavaScript on.
    .replace(/<\/?noscript\b[^>]*>/gi, "");
  const copy = await scratchPageOf(browser);
  const viewport = page.viewportSize();
  if (viewport) await copy.setViewportSize(viewport);
  await copy.unrouteAll({ behavior: "ignoreErrors" });
  // Without the fragment: going to the same URL with the same fragment would only scroll.
  const document = url.split("#")[0] ?? url;
  await copy.route(document, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  await copy.goto(document);
  return await fn(copy);
}

const scratchPages = new WeakMap<Browser, Promise<Page>>();

function scratchPageOf(browser: Browser): Promise<Page> {
  let copy = scratchPages.get(browser);
  if (!copy) {
    // Explicitly: the test runner gives new contexts the test's options, javaScriptEnabled too.
    copy = browser
      .newContext({ javaScriptEnabled: true, locale: "vi-VN" })
      .then((context) => context.newPage());
    scratchPages.set(browser, copy);
  }
  return copy;
}

/** Goes to `path`, waits for the page, checks it with axe, and returns the response. */
export async function visit(page: Page, path: string): Promise<Response | null> {
  const response = await page.goto(path);
  await audit(page);
  return response;
}

/**
 * Fails when the page scrolls sideways (checked at the 360 px viewport in particular). The
 * sizes come from the DevTools protocol, which works with JavaScript disabled too:
 * cssContentSize.width is the document's scrollWidth, cssLayoutViewport.clientWidth its
 * clientWidth.
 */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const metrics = await session.send("Page.getLayoutMetrics");
    const scrollWidth = metrics.cssContentSize.width;
    const clientWidth = metrics.cssLayoutViewport.clientWidth;
    expect(
      scrollWidth,
      `horizontal scroll on ${page.url()} (${scrollWidth} > ${clientWidth})`,
    ).toBeLessThanOrEqual(clientWidth);
  } finally {
    await session.detach();
  }
}

/** Saves a full-page screenshot under test-results/screenshots/<name>.png for a human to look at. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = join("test-results", "screenshots");
  mkdirSync(dir, { recursive: true });
  // caret: "initial": hiding the caret injects a <style>, which the CSP (rightly) reports.
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, caret: "initial" });
}

interface Fixtures {
  /** Console errors that are expected in this test, e.g. the 404 of a missing page. */
  allowedConsoleErrors: RegExp[];
}

export const test = base.extend<Fixtures>({
  // global-setup.ts started the server on a free port and told us where.
  // Playwright fixtures must destructure their dependencies; this one has none.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run the tests with `npx playwright test`");
    await use(url);
  },
  allowedConsoleErrors: [[], { option: true }],
  page: async ({ page, allowedConsoleErrors, javaScriptEnabled }, use) => {
    const state: PageState = {
      javaScriptEnabled: javaScriptEnabled !== false,
      problems: [],
      pendingLoad: null,
      unaudited: [],
    };
    states.set(page, state);
    page.on("console", (message) => {
      const text = message.text();
      const isCsp = /Content Security Policy|Refused to/i.test(text);
      if (message.type() !== "error" && !isCsp) return;
      if (!isCsp && allowedConsoleErrors.some((pattern) => pattern.test(text))) return;
      const source = message.location().url;
      const at = source && source !== page.url() ? ` (${source})` : "";
      state.problems.push(`console ${message.type()} on ${page.url()}: ${text}${at}`);
    });
    page.on("pageerror", (error) => {
      state.problems.push(`uncaught error on ${page.url()}: ${error.message}`);
    });
    page.on("load", () => {
      if (!page.url().startsWith("http")) return;
      if (state.pendingLoad !== null) state.unaudited.push(state.pendingLoad);
      state.pendingLoad = where(page.url());
    });

    await use(page);

    expect(state.problems, "console errors or CSP violations").toEqual([]);
    const unaudited = [...state.unaudited, ...(state.pendingLoad ? [state.pendingLoad] : [])];
    expect(unaudited, "pages loaded but never checked with axe (call audit(page))").toEqual([]);
  },
});

export { expect };
