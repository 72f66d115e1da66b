import type { Db } from "~db/client.server";
import { seedDemo, type SeedResult } from "./seed.server";

export interface DemoMarketplaceOptions {
  today: Date;
  mode: "demo" | "live";
  log: (message: string) => void;
}

/**
 * Fills an empty database the way `npm start` serves it: the catalog and its history
 * (seed.server.ts), and in demo mode also the generated pictures and something for the demo
 * staff to moderate. `npm start` and `cli db:seed` both call this, so a database seeded by
 * either is the same demo (the test suite seeds one template with the CLI and copies it).
 */
export async function seedDemoMarketplace(
  db: Db,
  { today, mode, log }: DemoMarketplaceOptions,
): Promise<SeedResult> {
  const seed = await seedDemo(db, { today, mode });
  if (!seed.seeded) return seed;
  log(
    `Đã tạo dữ liệu mẫu / demo data seeded: ${Object.entries(seed.counts)
      .map(([what, n]) => `${n} ${what}`)
      .join(", ")} (dates shifted by ${seed.shiftDays} days).`,
  );
  if (mode !== "demo") return seed;
  // Demo products and producers get generated picture cards through the real image pipeline,
  // so a fresh demo has no empty gallery (cards are cached between fresh databases).
  const { generateDemoPictures } = await import("~/modules/images/demo-pictures.server");
  const pictures = await generateDemoPictures(db);
  log(`Ảnh mẫu / demo pictures: ${pictures.listings} + ${pictures.producers} (${pictures.ms} ms)`);
  // The demo campaigns' covers, drawn the same way (db/seed/demo-campaigns.server.ts).
  const { addDemoCampaignCovers } = await import("./demo-campaigns.server");
  await addDemoCampaignCovers(db);
  // Something for the demo Union staff to moderate: new listings and an edit under review.
  const { createDemoModerationWork } = await import("~/modules/listings/demo-moderation.server");
  const work = await createDemoModerationWork(db);
  log(`Chờ kiểm duyệt / awaiting moderation: ${work.listings} + ${work.revisions}`);
  return seed;
}
