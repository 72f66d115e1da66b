import { chromium } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const base = "http://127.0.0.1:3999";
async function time<T>(label: string, fn: () => Promise<T>) { const t = performance.now(); const r = await fn(); console.log(label, Math.round(performance.now() - t), "ms"); return r; }
const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
const page = await ctx.newPage();
for (const path of ["/dang-nhap", "/", "/tim-kiem?q=ca+phe"]) {
  await page.goto(base + path);
  const a: any = await time(`partial ${path}`, () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze());
  const b: any = await time(`legacy  ${path}`, () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).setLegacyMode(true).analyze());
  console.log("  v", a.violations.length, b.violations.length, "passes", a.passes.length, b.passes.length);
}
await browser.close();
