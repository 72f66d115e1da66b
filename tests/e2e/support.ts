import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { t } from "../../app/lib/i18n/translate";
import { DEMO_ACCOUNTS, type DemoAccount } from "../../db/seed/demo-accounts";
import { audit, expect } from "./fixtures";

export { DEMO_ACCOUNTS, t, type DemoAccount };

/**
 * One demo account per role, for the tests that log every role in and out: the second
 * producer has the first one's role (it exists so a request can get two offers, and
 * demand.spec.ts logs it in).
 */
export const ONE_ACCOUNT_PER_ROLE = DEMO_ACCOUNTS.filter((account) => account.key !== "producer-2");

/** Where each demo account lands after logging in (homeOf in app/modules/auth/login.internal.server.ts). */
export const LANDING: Record<DemoAccount["key"], string> = {
  admin: "/quan-ly",
  "province-staff": "/quan-ly",
  "commune-staff": "/quan-ly",
  producer: "/ban-hang",
  "producer-2": "/ban-hang",
  buyer: "/",
};

/** The header link each role's account menu must show. */
export const MENU_LINK: Record<DemoAccount["key"], Parameters<typeof t>[1]> = {
  admin: "header.staffArea",
  "province-staff": "header.staffArea",
  "commune-staff": "header.staffArea",
  producer: "header.workspace",
  "producer-2": "header.workspace",
  buyer: "header.myOrders",
};

export interface DemoProduct {
  sku: string;
  slug: string;
  title: string;
}

/** Reads the server's demo database (global-setup.ts made it) without writing to it. */
export function readDemo<T>(read: (sqlite: Database.Database) => T): T {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path)
    throw new Error("E2E_DATABASE_PATH is not set: run the tests with `npx playwright test`");
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

/** A published product of the server's demo database. */
export function demoProduct(): DemoProduct {
  const row = readDemo(
    (sqlite) =>
      sqlite
        .prepare(
          "select sku, slug, title from listings where status = 'published' order by id limit 1",
        )
        .get() as DemoProduct | undefined,
  );
  if (!row) throw new Error("the demo database has no published listing");
  return row;
}

/**
 * A public page that hydrates: one open purchase request (its offer form is a widget). Home,
 * search, products and the pages to read are sent without React (docs/decisions/035).
 */
export function hydratedPublicPage(): string {
  const code = readDemo(
    (sqlite) =>
      sqlite
        .prepare("select code from purchase_requests where status = 'open' order by id limit 1")
        .pluck()
        .get() as string | undefined,
  );
  if (!code) throw new Error("the demo database has no open purchase request");
  return `/yeu-cau-mua/${code}`;
}

/** True when the URL of `page` has exactly this path. */
export function isAt(path: string) {
  return (url: URL) => url.pathname === path;
}

/** Opens the header's account menu (a <details>, so it works without JavaScript). */
export async function openAccountMenu(page: Page): Promise<void> {
  const summary = page.getByLabel(t("vi", "header.accountMenu"), { exact: true });
  const details = page.locator("header details").filter({ has: summary });
  if ((await details.getAttribute("open")) === null) await summary.click();
  await expect(details).toHaveAttribute("open", "");
}

/** Fills and submits the log-in form at /dang-nhap (which it visits and checks first). */
export async function submitLogin(page: Page, identifier: string, password: string) {
  await page.goto("/dang-nhap");
  await audit(page);
  await page.getByLabel(t("vi", "auth.field.identifier")).fill(identifier);
  await page.getByLabel(t("vi", "auth.field.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: t("vi", "auth.login.submit") }).click();
}

/**
 * Logs a demo account in, checks it landed on its workspace with its name and menu, and
 * checks that page with axe.
 */
export async function logIn(page: Page, account: DemoAccount, identifier: string) {
  await submitLogin(page, identifier, account.password);
  await page.waitForURL(isAt(LANDING[account.key]));
  await openAccountMenu(page);
  await expect(
    page.getByText(t("vi", "header.greeting", { name: account.displayName })),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: t("vi", MENU_LINK[account.key]) })).toBeVisible();
  await audit(page);
}

/** Logs out with the header's form and checks the visitor is anonymous again. */
export async function logOut(page: Page) {
  await openAccountMenu(page);
  await page.getByRole("button", { name: t("vi", "header.logout") }).click();
  await expect(page.getByRole("button", { name: t("vi", "header.logout") })).toHaveCount(0);
  await openAccountMenu(page);
  await expect(
    page.getByRole("link", { name: t("vi", "header.login"), exact: true }),
  ).toBeVisible();
  await audit(page);
  const cookies = await page.context().cookies();
  expect(cookies.filter((cookie) => cookie.name === "cc_session" && cookie.value !== "")).toEqual(
    [],
  );
}
