import { vietnamToday } from "../../app/lib/dates";
import { addDays } from "../../app/modules/reports/periods";
import { audit, expect, expectNoHorizontalScroll, snapshot, test, visit } from "./fixtures";
import { DEMO_ACCOUNTS, logIn, t } from "./support";

/**
 * The outcome report in a browser (issue 12, items 3–5 and the acceptance): its charts are
 * SVG drawn on the server, so they show with JavaScript off on a 360 px phone, where the
 * page never scrolls sideways (wide tables scroll inside their own box); the A4 print view
 * renders to PDF and nothing in it is wider than the printable area.
 */

/** The last 365 days: the demo history's 12 months of orders fall inside. */
function lastYearQuery(unit: string): string {
  const today = vietnamToday();
  return new URLSearchParams({ tu: addDays(today, -364), den: today, "don-vi": unit }).toString();
}

function account(key: "commune-staff" | "province-staff") {
  const found = DEMO_ACCOUNTS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no demo account ${key}`);
  return found;
}

/** A4 is 210 mm wide; with 10 mm margins the printable width is 190 mm = 718 CSS px. */
const PRINTABLE_WIDTH_PX = Math.floor((190 / 25.4) * 96);

test.describe("without JavaScript on a phone", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("the commune's report shows its charts, tables and definitions", async ({ page }) => {
    const staff = account("commune-staff");
    await logIn(page, staff, staff.phone);
    const response = await visit(page, `/quan-ly/bao-cao?${lastYearQuery("QT-VINHLINH")}`);
    expect(response?.status()).toBe(200);
    await expectNoHorizontalScroll(page);
    await expect(
      page.getByRole("heading", { level: 1, name: t("vi", "reports.title") }),
    ).toBeVisible();
    const charts = page.locator('svg[role="img"]');
    await expect(charts.first()).toBeVisible();
    for (const name of [t("vi", "reports.chart.months"), t("vi", "reports.chart.units")]) {
      const chart = page.getByRole("img", { name });
      await expect(chart).toBeVisible();
      const box = await chart.boundingBox();
      expect(box?.width ?? 0, name).toBeGreaterThan(200);
      expect(box?.height ?? 0, name).toBeGreaterThan(50);
      // Bars were drawn (the demo history has sales in the last 12 months).
      expect(await chart.locator("rect").count(), name).toBeGreaterThan(0);
    }
    await expect(
      page.getByRole("table", { name: t("vi", "reports.table.units"), exact: true }),
    ).toBeVisible();
    await expect(page.getByText(t("vi", "reports.notes.additive"))).toBeVisible();
    await expect(page.getByText(t("vi", "reports.def.sales"))).toBeVisible();
    await snapshot(page, "nojs-report-commune-360");

    // The period form works without JavaScript: the loader turns it into ?tu=&den=.
    await page.getByLabel(t("vi", "reports.form.kind")).selectOption("quy");
    await page.getByLabel(t("vi", "reports.form.anchor")).fill("2026-08-15");
    await page.getByRole("button", { name: t("vi", "reports.form.submit") }).click();
    await page.waitForURL(/tu=2026-07-01&den=2026-09-30/);
    await audit(page);
    await expectNoHorizontalScroll(page);
  });
});

test("the A4 print view fits the printable width and renders to PDF", async ({ page }) => {
  const staff = account("province-staff");
  await logIn(page, staff, staff.email);
  const response = await visit(page, `/quan-ly/bao-cao/in?${lastYearQuery("QT")}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("img", { name: t("vi", "reports.chart.units") })).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 1000 });
  const tooWide = await page.evaluate((limit) => {
    const offenders: string[] = [];
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      // Nothing drawn, or a 1 px screen-reader-only element (the skip link) clipped away.
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.left < -0.5 || box.right > limit + 0.5) {
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}`;
        offenders.push(`${name} ${Math.round(box.left)}–${Math.round(box.right)}`);
      }
    }
    const width = document.documentElement.scrollWidth;
    if (width > limit) offenders.push(`document ${width}`);
    return offenders;
  }, PRINTABLE_WIDTH_PX);
  expect(tooWide, `elements wider than ${PRINTABLE_WIDTH_PX} px in print`).toEqual([]);

  const pdf = await page.pdf({
    format: "A4",
    margin: { top: "10mm", bottom: "10mm", left: "10mm", right: "10mm" },
    printBackground: true,
  });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(20_000);
});
