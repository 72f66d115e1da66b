import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { audit, expect, expectNoHorizontalScroll, test } from "./fixtures";
import { demoAccount } from "../../db/seed/demo-accounts";
import { logIn, t } from "./support";

/**
 * The demand loop on a 360×740 phone, with JavaScript on and again off: a buyer whose search
 * finds nothing posts a purchase request from the empty result (the query prefilled), a
 * matching producer finds it in her inbox and offers, a second producer offers from the
 * request page, the buyer asks a question and gets an answer, accepts with an address, the
 * order appears for both with the other side's phone, the other offer is declined, and
 * cancelling the order moves no listing's stock.
 */

/** A pepper wish the storefront search cannot meet word for word, but pepper producers can. */
const QUERY = "tiêu đen hữu cơ xuất khẩu loại một";

function readDb<T>(fn: (db: Database.Database) => T): T {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path)
    throw new Error("E2E_DATABASE_PATH is not set: run the tests with `npx playwright test`");
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * The stock movements written for an order: none for an order from an offer ("nothing
 * moved"). Counted per order, not as a snapshot of every listing's stock, because other
 * specs order from the same demo server at the same time.
 */
function stockMovementsOf(orderId: string): number {
  return readDb(
    (db) =>
      (
        db.prepare("SELECT count(*) AS n FROM stock_movements WHERE order_id = ?").get(orderId) as {
          n: number;
        }
      ).n,
  );
}

/**
 * Changes who the page is signed in as. The first sign-in goes through the log-in page like a
 * person; later switches post the same form from the browser context (its cookies are the
 * page's), so the test spends its time on the demand pages, not on the log-in page again.
 */
async function switchTo(page: Page, key: "buyer" | "producer" | "producer-2", viaForm = false) {
  await page.context().clearCookies();
  const account = demoAccount(key);
  if (viaForm) {
    await logIn(page, account, account.phone);
    return;
  }
  const baseURL = process.env.E2E_BASE_URL ?? "";
  const answer = await page.request.post(`${baseURL}/dang-nhap`, {
    form: { identifier: account.phone, password: account.password },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(answer.status(), `log-in of ${key}`).toBe(302);
}

/** Clicks a submit button and waits for the document (or the client navigation) to settle. */
async function submit(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).click();
  await page.waitForLoadState("load");
}

function tomorrowPlus(days: number): string {
  return new Date(Date.now() + (days + 1) * 86_400_000).toISOString().slice(0, 10);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`demand loop, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({
      javaScriptEnabled,
      viewport: { width: 360, height: 740 },
      navigationTimeout: 60_000,
      actionTimeout: 30_000,
    });

    test("a request gets two offers, a question, an accepted offer and an order", async ({
      page,
    }) => {
      test.setTimeout(300_000);
      const vi = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
        t("vi", key, params);

      // 1. The buyer searches, finds nothing and follows the button; the form is prefilled.
      await switchTo(page, "buyer", true);
      await page.goto(`/tim-kiem?q=${encodeURIComponent(QUERY)}`);
      await audit(page);
      await expect(page.getByText(vi("search.emptyTitle"))).toBeVisible();
      await page
        .getByRole("main")
        .getByRole("link", { name: vi("search.emptyAction") })
        .click();
      await page.waitForURL((url) => url.pathname === "/yeu-cau-mua/moi");
      await audit(page);
      await expectNoHorizontalScroll(page);
      await expect(page.getByLabel(vi("requestForm.titleLabel"), { exact: true })).toHaveValue(
        QUERY,
      );
      const title = `${QUERY} (${javaScriptEnabled ? "JS" : "no JS"})`;
      await page.getByLabel(vi("requestForm.titleLabel"), { exact: true }).fill(title);
      await page.getByLabel(vi("requestForm.quantityLabel"), { exact: true }).fill("30");
      await page.getByLabel(vi("requestForm.unitLabel"), { exact: true }).selectOption("kg");
      await page
        .getByLabel(vi("requestForm.neededByLabel"), { exact: true })
        .fill(tomorrowPlus(20));
      // The place picker: another province brings its communes (fetched with JavaScript; a
      // "Chọn tỉnh" round trip without), typing narrows them, and the form keeps what was typed.
      const province = page.getByLabel(vi("placePicker.provinceLabel"), { exact: true });
      const commune = page.getByLabel(vi("placePicker.communeLabel"), { exact: true });
      // By official code: Huế is 46, Quảng Trị 44.
      const pickProvince = async (officialCode: string) => {
        await province.selectOption(officialCode);
        if (!javaScriptEnabled) {
          await submit(page, vi("placePicker.pickProvince"));
          await audit(page);
        }
      };
      await pickProvince("46");
      await expect(commune.getByRole("option", { name: "Phường Kim Long" })).toBeAttached();
      await pickProvince("44");
      await expect(page.getByLabel(vi("requestForm.titleLabel"), { exact: true })).toHaveValue(
        title,
      );
      if (javaScriptEnabled) {
        await page.getByLabel(vi("placePicker.filterLabel"), { exact: true }).fill("dong ha");
        // The empty choice, Phường Đông Hà and Phường Nam Đông Hà.
        await expect(commune.getByRole("option")).toHaveCount(3);
      }
      await commune.selectOption({ label: "Phường Đông Hà" });
      await submit(page, vi("requestForm.submit"));
      await page.waitForURL((url) => /^\/yeu-cau-mua\/YC\d+$/.test(url.pathname));
      await audit(page);
      const code = new URL(page.url()).pathname.split("/").pop() ?? "";

      // 2. The matching producer finds it in her inbox and offers one of her listings.
      await switchTo(page, "producer");
      await page.goto("/ban-hang/yeu-cau");
      await audit(page);
      await expectNoHorizontalScroll(page);
      const card = page.getByRole("article").filter({ hasText: title });
      await expect(card).toBeVisible();
      await card.getByRole("link", { name: vi("demand.inbox.answer") }).click();
      await page.waitForURL((url) => url.pathname === `/yeu-cau-mua/${code}/chao-gia`);
      await audit(page);
      await page.getByLabel(vi("offers.form.source"), { exact: true }).selectOption({ index: 1 });
      await page.getByLabel(vi("offers.form.price"), { exact: true }).fill("150000");
      await page.getByLabel(vi("offers.form.quantity"), { exact: true }).fill("30");
      await page.getByLabel(vi("offers.form.deliveryOn"), { exact: true }).fill(tomorrowPlus(5));
      await page
        .getByLabel(vi("offers.form.message"), { exact: true })
        .fill("Tiêu đen phơi nắng, đóng bao 5 kg.");
      await submit(page, vi("offers.form.submit"));
      await page.waitForURL((url) => url.pathname === `/yeu-cau-mua/${code}`);
      await audit(page);
      await expect(page.getByText(vi("offers.submitted"))).toBeVisible();

      // 3. A second producer offers free-text goods from the request page itself.
      await switchTo(page, "producer-2");
      await page.goto(`/yeu-cau-mua/${code}`);
      await audit(page);
      await page.getByRole("link", { name: vi("offers.own.make") }).click();
      await page.waitForURL((url) => url.pathname === `/yeu-cau-mua/${code}/chao-gia`);
      await audit(page);
      await page
        .getByLabel(vi("offers.form.source"), { exact: true })
        .selectOption({ label: vi("offers.form.freeText") });
      await page
        .getByLabel(vi("offers.form.goods"), { exact: true })
        .fill("Tiêu đen Bến Quan loại một");
      await page.getByLabel(vi("offers.form.unit"), { exact: true }).selectOption("kg");
      await page.getByLabel(vi("offers.form.price"), { exact: true }).fill("140000");
      await page.getByLabel(vi("offers.form.quantity"), { exact: true }).fill("30");
      await page.getByLabel(vi("offers.form.deliveryOn"), { exact: true }).fill(tomorrowPlus(7));
      await submit(page, vi("offers.form.submit"));
      await page.waitForURL((url) => url.pathname === `/yeu-cau-mua/${code}`);
      await audit(page);

      // 4. The buyer compares both offers and asks the first producer a question.
      await switchTo(page, "buyer");
      await page.goto(`/yeu-cau-mua/${code}`);
      await audit(page);
      await expectNoHorizontalScroll(page);
      const offers = page.getByRole("region", { name: vi("offers.section.title") });
      await expect(offers.getByText("150.000", { exact: false })).toBeVisible();
      await expect(offers.getByText("140.000", { exact: false })).toBeVisible();
      const first = offers.locator("li[data-offer-id]").filter({ hasText: "150.000" });
      await first.getByRole("link", { name: vi("offers.thread.link", { count: 0 }) }).click();
      await audit(page);
      await page
        .getByLabel(vi("offers.thread.body"), { exact: true })
        .fill("Chị giao tận nơi ở Đông Hà được không?");
      await submit(page, vi("offers.thread.send"));
      await audit(page);
      await expect(page.getByText("Chị giao tận nơi ở Đông Hà được không?")).toBeVisible();
      const threadPath = new URL(page.url()).pathname;

      // 5. The producer answers in the thread.
      await switchTo(page, "producer");
      await page.goto(threadPath);
      await audit(page);
      await expect(page.getByText("Chị giao tận nơi ở Đông Hà được không?")).toBeVisible();
      await page
        .getByLabel(vi("offers.thread.body"), { exact: true })
        .fill("Dạ được, em giao tận nơi miễn phí.");
      await submit(page, vi("offers.thread.send"));
      await audit(page);

      // 6. The buyer reads the answer and accepts with an address.
      await switchTo(page, "buyer");
      await page.goto(threadPath);
      await audit(page);
      await expect(page.getByText("Dạ được, em giao tận nơi miễn phí.")).toBeVisible();
      await page.goto(`/yeu-cau-mua/${code}`);
      await audit(page);
      await page
        .getByRole("region", { name: vi("offers.section.title") })
        .locator("li[data-offer-id]")
        .filter({ hasText: "150.000" })
        .getByRole("link", { name: vi("offers.accept") })
        .click();
      await audit(page);
      await expectNoHorizontalScroll(page);
      await page
        .getByLabel(vi("offers.acceptPage.name"), { exact: true })
        .fill("Phạm Văn Người Mua");
      await page.getByLabel(vi("offers.acceptPage.phone"), { exact: true }).fill("0912345678");
      await page
        .getByLabel(vi("offers.acceptPage.commune"), { exact: true })
        .fill("Phường Đông Hà");
      await page.getByLabel(vi("offers.acceptPage.address"), { exact: true }).fill("12 Lê Duẩn");
      await submit(page, vi("offers.acceptPage.submit"));
      await page.waitForURL((url) => /^\/don-hang\/\d+$/.test(url.pathname));
      await audit(page);
      const orderPath = new URL(page.url()).pathname;
      const contact = page.getByRole("region", { name: vi("offers.contact.title") });
      await expect(contact.getByText(vi("offers.contact.producer"))).toBeVisible();
      expect(stockMovementsOf(orderPath.split("/").pop() ?? "")).toBe(0);

      // 7. The other producer's offer was declined.
      await switchTo(page, "producer-2");
      await page.goto(`/yeu-cau-mua/${code}`);
      await audit(page);
      await expect(page.getByText(vi("offers.status.declined")).first()).toBeVisible();

      // 8. The producer has the order, with the buyer's phone, and cancels it (the buyer could
      // too): no listing's stock moves.
      await switchTo(page, "producer");
      const orderId = orderPath.split("/").pop();
      await page.goto(`/ban-hang/don-hang/${orderId}`);
      await audit(page);
      await expect(page.getByText("0912345678").first()).toBeVisible();
      // The cancel form folds away (a <details>) so it is not pressed by mistake.
      await page.getByText(vi("workspaceOrders.cancelTitle"), { exact: true }).click();
      await page
        .getByLabel(vi("workspaceOrders.cancelReason"), { exact: true })
        .fill("Người mua đổi kế hoạch, hai bên thống nhất hủy.");
      await submit(page, vi("workspaceOrders.action.cancel"));
      await audit(page);
      await expect(
        page.getByText("Người mua đổi kế hoạch", { exact: false }).first(),
      ).toBeVisible();
      expect(stockMovementsOf(orderId ?? "")).toBe(0);
    });
  });
}
