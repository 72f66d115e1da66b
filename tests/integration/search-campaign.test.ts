import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { requeueCampaignListings } from "~/modules/search/campaign-jobs.server";
import { loadSearchDocuments } from "~/modules/search/documents.server";
import { searchFts } from "~/modules/search/fts-engine.server";
import { meiliFilter, meiliSettings, toMeiliDocument } from "~/modules/search/meili-engine.server";
import { parsePageParams, searchHref } from "~/modules/search/page-params";
import { parseSearchParams } from "~/modules/search/params";
import { setExternalEngine } from "~/modules/search/search.server";
import { indexListings } from "~/modules/search/sync.server";
import { searchQuery } from "~/modules/search/types";
import { campaignListings, campaigns, searchOutbox } from "~db/schema";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket } from "../helpers/market";

/**
 * The search campaign filter (issue 16 item 5) in both engines: the embedded engine keeps
 * exactly the listings in the running campaign (not one that left, nothing once it ended);
 * Meilisearch documents carry the running campaigns' slugs, the filter names the slug and the
 * setting makes it filterable; the daily job queues a campaign's listings when it ends.
 */

let db: Db;
let m: ReturnType<typeof makeMarket>;

beforeEach(() => {
  db = freshDb();
  setExternalEngine(db, null);
  m = makeMarket(db);
  const campaignId = db
    .insert(campaigns)
    .values({
      slug: "lu-xa-test",
      orgUnitId: m.commune.id,
      title: "Chung tay vùng lũ",
      kind: "disaster_recovery",
      startsOn: "2026-12-01",
      endsOn: "2026-12-31",
      targetVnd: 1_000_000,
      status: "published",
    })
    .returning({ id: campaigns.id })
    .get().id;
  const at = new Date("2026-12-01T01:00:00Z");
  db.insert(campaignListings)
    .values([
      { campaignId, listingId: m.pepper.id, joinedAt: at },
      { campaignId, listingId: m.squid.id, joinedAt: at },
      // Left the campaign: no longer found with the filter.
      { campaignId, listingId: m.bulk.id, joinedAt: at, leftAt: new Date("2026-12-03T01:00:00Z") },
    ])
    .run();
  indexListings(db, [m.pepper.id, m.bulk.id, m.squid.id]);
});

const found = (today: string, campaign: string | null) =>
  searchFts(db, searchQuery({ campaign, today, perPage: 100 }))
    .hits.map((hit) => hit.id)
    .sort();

describe("embedded engine", () => {
  it("keeps exactly the campaign's listings while it runs, nothing after it ended", () => {
    expect(found("2026-12-05", null)).toEqual([m.pepper.id, m.bulk.id, m.squid.id].sort());
    expect(found("2026-12-05", "lu-xa-test")).toEqual([m.pepper.id, m.squid.id].sort());
    expect(found("2026-11-30", "lu-xa-test")).toEqual([]);
    expect(found("2027-01-01", "lu-xa-test")).toEqual([]);
    expect(found("2026-12-05", "khong-co")).toEqual([]);
    db.update(campaigns).set({ status: "ended" }).run();
    expect(found("2026-12-05", "lu-xa-test")).toEqual([]);
  });
});

describe("Meilisearch", () => {
  it("sends the running campaigns in each document, filters by slug, and makes it filterable", () => {
    expect(meiliSettings().filterableAttributes).toContain("campaigns");
    const today = new Date().toISOString().slice(0, 10);
    db.update(campaigns).set({ startsOn: "2000-01-01", endsOn: "2099-12-31" }).run();
    const { docs } = loadSearchDocuments(db, [m.pepper.id, m.bulk.id]);
    const sent = docs.map((doc) => toMeiliDocument(doc, today));
    expect(sent.map((doc) => [doc.id, doc.campaigns])).toEqual([
      [m.pepper.id, ["lu-xa-test"]],
      [m.bulk.id, []],
    ]);
    expect(meiliFilter(searchQuery({ campaign: "lu-xa-test" }), 0)).toEqual([
      'campaigns = "lu-xa-test"',
    ]);
    expect(meiliFilter(searchQuery(), 0)).toEqual([]);
  });

  it("the daily job queues the listings of a campaign that ended yesterday", () => {
    db.delete(searchOutbox).run();
    expect(requeueCampaignListings(db, new Date("2026-12-15T03:00:00Z"))).toBe(0);
    expect(requeueCampaignListings(db, new Date("2027-01-01T03:00:00Z"))).toBe(2);
    const queued = db
      .select({ id: searchOutbox.listingId })
      .from(searchOutbox)
      .where(eq(searchOutbox.operation, "upsert"))
      .all()
      .map((r) => r.id)
      .sort();
    expect(queued).toEqual([m.pepper.id, m.squid.id].sort());
  });
});

describe("URL parameters", () => {
  it("reads chien-dich on the page and campaign on the API, and links keep or drop it", () => {
    const query = parsePageParams(new URLSearchParams("chien-dich=lu-xa-test&q=tiêu"), () => null);
    expect(query.campaign).toBe("lu-xa-test");
    expect(searchHref(query, {})).toContain("chien-dich=lu-xa-test");
    expect(searchHref(query, { campaign: null })).not.toContain("chien-dich");
    expect(parsePageParams(new URLSearchParams("chien-dich=<x>"), () => null).campaign).toBeNull();
    expect(parseSearchParams(new URLSearchParams("campaign=lu-xa-test")).campaign).toBe(
      "lu-xa-test",
    );
    expect(() => parseSearchParams(new URLSearchParams("campaign=Bad Slug"))).toThrow(
      expect.objectContaining({ status: 400, details: { parameter: "campaign" } }),
    );
  });
});
