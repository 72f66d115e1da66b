import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const base = "http://127.0.0.1:3999";
async function time<T>(label: string, fn: () => Promise<T>) { const t = performance.now(); const r = await fn(); console.log(label, Math.round(performance.now() - t), "ms"); return r; }
const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
const page = await ctx.newPage();
for (const path of ["/dang-nhap", "/", "/tim-kiem?q=ca+phe"]) {
  await page.goto(base + path);
  await time(`inject ${path}`, () => page.evaluate(axeSource));
  const r: any = await time(`  run`, () => page.evaluate(() => (window as any).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] }, resultTypes: ["violations"] })));
  console.log("  violations", r.violations.length);
  const timing: any = await page.evaluate(async () => { const ax = (window as any).axe; const rules = ax.getRules(["wcag2a","wcag2aa"]).map((x: any) => x.ruleId); const out: any[] = []; for (const id of rules) { const t = performance.now(); await ax.run(document, { runOnly: { type: "rule", values: [id] } }); out.push([id, Math.round(performance.now() - t)]); } return out.sort((a,b)=>b[1]-a[1]).slice(0,6); });
  console.log("  slowest rules", JSON.stringify(timing));
}
await browser.close();
