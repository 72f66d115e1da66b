import { openDatabase } from "~db/client.server";
import { getHomeSections } from "~/modules/catalog/home-sections.server";
import { listCategoriesWithCounts } from "~/modules/catalog/queries.server";
import { listOpenPurchaseRequests } from "~/modules/demand/purchase-requests.server";
import { listRunningCampaigns } from "~/modules/campaigns/public.server";
const db = openDatabase("/tmp/pp/app.db");
const time = (name: string, fn: () => unknown) => {
  for (let i = 0; i < 300; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < 3000; i++) fn();
  console.log(name.padEnd(30), ((performance.now() - t0) / 3).toFixed(0), "µs");
};
time("getHomeSections", () => getHomeSections(db));
time("categoriesWithCounts", () => listCategoriesWithCounts(db));
time("openRequests", () => listOpenPurchaseRequests(db, { perPage: 4 }));
time("runningCampaigns", () => listRunningCampaigns(db, { limit: 3 }));
const sqlite = db.$client;
const q = (s: string) => sqlite.prepare("explain query plan " + s).all().map((r: any) => r.detail).join(" | ");
console.log(sqlite.prepare("select count(*) c from listings").get());
