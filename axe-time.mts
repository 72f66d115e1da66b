import { chromium } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const base = "http://127.0.0.1:3999";
async function time<T>(label: string, fn: () => Promise<T>) { const t = performance.now(); const r = await fn(); console.log(label, Math.round(performance.now() - t), "ms"); return r; }
for (const js of [true, false]) {
  const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  for (const path of ["/dang-nhap", "/", "/tim-kiem?q=ca+phe"]) {
    await time(`js=${js} goto ${path}`, () => page.goto(base + path));
    if (js) {
      await time(`  axe`, () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze());
      await time(`  axe again`, () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze());
      await time(`  axe no contrast`, () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).disableRules(["color-contrast"]).analyze());
    } else {
      const html = await page.content();
      await time(`  scratch ctx+goto`, async () => { const c = await browser.newContext({ viewport: { width: 360, height: 740 } }); const p = await c.newPage(); await p.route(base + path, (r) => r.fulfill({ status: 200, contentType: "text/html", body: html })); await p.goto(base + path); await time("   axe in scratch", () => new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa"]).analyze()); await c.close(); });
    }
    await time(`  screenshot full`, () => page.screenshot({ path: "/tmp/x.png", fullPage: true }));
  }
  await ctx.close();
}
await browser.close();
