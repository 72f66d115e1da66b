import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actorForUser } from "~/modules/auth/session.server";
import { createDemoModerationWork } from "~/modules/listings/demo-moderation.server";
import { moderationQueue } from "~/modules/moderation/queue.server";
import { searchListings } from "~/modules/search/search.server";
import { searchQuery } from "~/modules/search/types";
import { seedDemo } from "~db/seed/seed.server";
import { listings, users } from "~db/schema";
import { freshDb, type Db } from "../helpers/db";

/** The signed-in actor of a demo account, as its session would see it. */
function actorOf(db: Db, email: string) {
  const user = db.select().from(users).where(eq(users.email, email)).get();
  const actor = user ? actorForUser(db, user.id) : null;
  if (!actor) throw new Error(`no demo account ${email}`);
  return actor;
}

describe("demo moderation work", () => {
  let db: Db;
  beforeAll(async () => {
    db = freshDb();
    await seedDemo(db, { today: new Date("2026-12-01T05:00:00Z"), mode: "demo" });
  });

  it("puts two new listings and an edit of the demo producer in the commune staff's queue", async () => {
    expect(await createDemoModerationWork(db)).toEqual({ listings: 2, revisions: 1 });

    const queue = moderationQueue(db, actorOf(db, "xa.vinhlinh@cungcau.demo"));
    expect(queue.counts).toEqual({ listing: 2, revision: 1, producer: 0 });
    const revision = queue.items.find((item) => item.kind === "revision");
    expect(revision?.fields).toEqual(["description"]);

    // The edit waits for review: the public still sees the published description.
    const published = db.select().from(listings).where(eq(listings.sku, "SP0003")).get();
    expect(published?.status).toBe("published");
    expect(published?.description).not.toContain("kraft");
    // New listings are not public before approval.
    const pending = db.select().from(listings).where(eq(listings.status, "pending")).all();
    expect(pending.map((row) => row.title).sort()).toEqual([
      "Bột tiêu đen Vĩnh Linh gói 100g",
      "Tiêu xanh ngâm nước mắm Vĩnh Linh hũ 300g",
    ]);
    const found = await searchListings(db, searchQuery({ q: "tieu xanh ngam nuoc mam" }));
    expect(found.hits.length).toBeGreaterThan(0);
    const pendingSkus = new Set(pending.map((row) => row.sku));
    expect(found.hits.some((hit) => pendingSkus.has(hit.sku))).toBe(false);
  });

  it("does nothing without the demo producer account", async () => {
    const live = freshDb();
    await seedDemo(live, { today: new Date("2026-12-01T05:00:00Z"), mode: "live" });
    expect(await createDemoModerationWork(live)).toEqual({ listings: 0, revisions: 0 });
  });
});
