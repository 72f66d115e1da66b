import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vietnamToday } from "~/lib/dates";
import { campaignFigures } from "~/modules/campaigns/figures.server";
import { campaignPhase } from "~/modules/campaigns/phase";
import { readVariant } from "~/modules/images/store.server";
import { addDemoCampaignCovers } from "~db/seed/demo-campaigns.server";
import { seedDemo } from "~db/seed/seed.server";
import { campaigns } from "~db/schema";
import { freshDb, type Db } from "../helpers/db";
import { ledgerMismatches } from "../helpers/stock";

/**
 * Issue 16, item "demo": a fresh demo has a running flood-recovery campaign held by the
 * province with producers of two communes, a partner with an approved and a pending pledge,
 * and an ended harvest-glut campaign, both with orders counted by the one figures rule and a
 * cover drawn through the image pipeline.
 */

// Noon in Việt Nam on 15 March 2027.
const now = new Date("2027-03-15T05:00:00Z");
const root = mkdtempSync(join(tmpdir(), "cung-cau-demo-campaigns-"));
process.env.UPLOADS_DIR = join(root, "uploads");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function rows<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.$client.prepare(sql).all(...params) as T[];
}

describe("the demo's campaigns", () => {
  let db: Db;
  beforeAll(async () => {
    db = freshDb();
    await seedDemo(db, { today: now, mode: "demo" });
  }, 120_000);

  const campaign = (slug: string) => {
    const row = db
      .select()
      .from(campaigns)
      .all()
      .find((c) => c.slug === slug);
    if (!row) throw new Error(`no campaign ${slug}`);
    return row;
  };

  it("runs the flood-recovery campaign of the province today, with producers of two communes", () => {
    const running = campaign("chung-tay-vung-lu");
    expect(running.title).toBe("Chung tay tiêu thụ nông sản cho chị em vùng lũ");
    expect(running.kind).toBe("disaster_recovery");
    expect(campaignPhase(running, vietnamToday(now))).toBe("running");
    const communes = rows<{ code: string; commune: string }>(
      db,
      `SELECT p.code, c.code AS commune FROM campaign_producers cp
         JOIN producers p ON p.id = cp.producer_id
         JOIN org_units b ON b.id = p.org_unit_id
         JOIN org_units c ON c.id = b.parent_id
        WHERE cp.campaign_id = ? AND cp.status = 'joined' ORDER BY p.code`,
      running.id,
    );
    expect(communes).toEqual([
      { code: "SX001", commune: "QT-VINHLINH" },
      { code: "SX004", commune: "QT-BENQUAN" },
    ]);
    const listings = rows<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM campaign_listings WHERE campaign_id = ? AND left_at IS NULL`,
      running.id,
    );
    expect(listings[0]?.n).toBeGreaterThanOrEqual(10);
    const figures = campaignFigures(db, running);
    expect(figures.soldVnd).toBeGreaterThan(0);
    expect(figures.orderedVnd).toBeGreaterThanOrEqual(figures.soldVnd);
    expect(figures.buyers).toBeGreaterThanOrEqual(5);
    expect(figures.orderedVnd).toBeLessThan(running.targetVnd ?? 0);
  });

  it("gives it a partner restaurant with one approved pledge and one pending", () => {
    const running = campaign("chung-tay-vung-lu");
    const pledges = rows<{ status: string; phone: string; partner: string }>(
      db,
      `SELECT pl.status, u.phone, pa.name AS partner FROM campaign_pledges pl
         JOIN campaign_partners pa ON pa.id = pl.partner_id
         JOIN users u ON u.id = pa.buyer_user_id
        WHERE pl.campaign_id = ? ORDER BY pl.status`,
      running.id,
    );
    expect(pledges).toEqual([
      { status: "approved", phone: "+84900000005", partner: "Nhà hàng Sông Hiếu (demo)" },
      { status: "pending", phone: "+84900000005", partner: "Nhà hàng Sông Hiếu (demo)" },
    ]);
  });

  it("ended the harvest-glut campaign last season, with kilos sold toward its target", () => {
    const ended = campaign("giai-cuu-chanh-leo-tan-lap");
    expect(ended.kind).toBe("harvest_glut");
    expect(campaignPhase(ended, vietnamToday(now))).toBe("ended");
    const figures = campaignFigures(db, ended);
    // The seed's own orders alone: 40 + 30 + 60 + 20 + 25 kg, all completed.
    expect(figures.soldQuantity).toBeGreaterThanOrEqual(175);
    expect(figures.soldVnd).toBeGreaterThan(0);
    expect(figures.orders).toBeGreaterThanOrEqual(4);
  });

  it("leaves every listing's stock equal to its movements", () => {
    expect(ledgerMismatches(db)).toEqual([]);
  });

  it("draws each campaign a cover through the image pipeline, once", async () => {
    expect(await addDemoCampaignCovers(db, { cacheDir: join(root, "cache") })).toBe(2);
    for (const row of db.select().from(campaigns).all()) {
      expect(row.coverWidth).toBe(640);
      expect(await readVariant(row.coverStorageKey ?? "", 640)).not.toBeNull();
    }
    expect(await addDemoCampaignCovers(db, { cacheDir: join(root, "cache") })).toBe(0);
  });
});
