import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import { CampaignSchema, type CampaignInput } from "~/lib/schemas/campaigns";
import type { SignedInActor } from "~/modules/auth/actor";
import {
  addProducer,
  approveRequest,
  declineRequest,
  removeProducer,
  setProducerListings,
} from "~/modules/campaigns/manage-producers.server";
import {
  createCampaign,
  endCampaign,
  listCampaigns,
  publishCampaign,
  scopedCampaign,
  updateCampaign,
} from "~/modules/campaigns/manage.server";
import { leaveCampaign, requestToJoin } from "~/modules/campaigns/membership.server";
import {
  auditLog,
  campaignListings,
  campaignProducers,
  campaigns,
  notifications,
  producers,
} from "~db/schema";
import { freshDb } from "../helpers/db";
import { phoneJpeg, textFile } from "../helpers/images";
import { makeMarket } from "../helpers/market";

const root = mkdtempSync(join(tmpdir(), "cung-cau-campaigns-"));
process.env.UPLOADS_DIR = join(root, "uploads");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const input = (over: Partial<CampaignInput> = {}): CampaignInput => ({
  title: "Cứu trợ sau lũ xã Test",
  story: "Lũ cuốn trôi ruộng tiêu.\n\nMua giúp chị em.",
  kind: "disaster_recovery",
  orgUnitId: 2,
  startsOn: "2026-01-01",
  endsOn: "2099-12-31",
  targetVnd: 50_000_000,
  targetQuantity: undefined,
  targetUnit: undefined,
  coverAlt: "",
  ...over,
});

/** The market (commune 2: producers A and B) plus commune 3 with producer B moved there. */
function world() {
  const db = freshDb();
  const m = makeMarket(db);
  db.$client
    .prepare(
      `INSERT INTO org_units (id, code, name, level, parent_id, path) VALUES (3, 'T-Y', 'Hội xã Y', 'commune', 1, '/1/3/')`,
    )
    .run();
  db.update(producers).set({ orgUnitId: 3 }).where(eq(producers.id, m.producerB.id)).run();
  const staffA = m.actors.moderator as SignedInActor;
  const staffB: SignedInActor = {
    ...staffA,
    staff: [{ orgUnitId: 3, orgUnitCode: "T-Y", orgUnitPath: "/1/3/", role: "moderator" }],
  };
  const reporter: SignedInActor = {
    ...staffA,
    staff: [{ orgUnitId: 1, orgUnitCode: "T", orgUnitPath: "/1/", role: "reporter" }],
  };
  return { db, m, staffA, staffB, reporter, memberA: m.actors.memberA as SignedInActor };
}

async function refused(promise: Promise<unknown> | (() => unknown)): Promise<DomainError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("not refused");
}

const outboxCount = (db: ReturnType<typeof freshDb>) =>
  (db.$client.prepare("SELECT count(*) AS n FROM search_outbox").get() as { n: number }).n;

describe("campaign form schema", () => {
  it("needs end ≥ start, a target, and a unit with a quantity", () => {
    const base = {
      title: "Chiến dịch",
      kind: "other",
      orgUnitId: "2",
      startsOn: "2026-02-10",
      endsOn: "2026-02-01",
    };
    const result = CampaignSchema.safeParse(base);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain("campaigns.error.endsBeforeStart");
    expect(messages).toContain("campaigns.error.target");
    const quantity = CampaignSchema.safeParse({
      ...base,
      endsOn: "2026-02-20",
      targetQuantity: "500",
    });
    expect(quantity.error?.issues.map((i) => i.message)).toEqual(["campaigns.error.targetUnit"]);
    const ok = CampaignSchema.safeParse({ ...base, endsOn: "2026-02-20", targetVnd: "1.000.000" });
    expect(ok.success && ok.data.targetVnd).toBe(1_000_000);
  });
});

describe("creating and editing", () => {
  it("creates a draft with a unique slug kept when the title changes, audited", async () => {
    const { db, staffA } = world();
    const slug = await createCampaign(db, staffA, input(), null);
    expect(slug).toBe("cuu-tro-sau-lu-xa-test");
    const second = await createCampaign(db, staffA, input(), null);
    expect(second).toBe("cuu-tro-sau-lu-xa-test-2");
    await updateCampaign(db, staffA, slug, input({ title: "Tên mới hẳn" }), null);
    const row = scopedCampaign(db, staffA, slug);
    expect(row.title).toBe("Tên mới hẳn");
    expect(row.status).toBe("draft");
    const actions = db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((r) => r.action);
    expect(actions.filter((a) => a === "campaign.create")).toHaveLength(2);
    expect(actions).toContain("campaign.update");
  });

  it("refuses a unit outside her subtree, and staff of another commune do not find the campaign", async () => {
    const { db, staffA, staffB, reporter } = world();
    expect((await refused(createCampaign(db, staffB, input({ orgUnitId: 2 }), null))).status).toBe(
      404,
    );
    const slug = await createCampaign(db, staffA, input(), null);
    expect((await refused(() => scopedCampaign(db, staffB, slug))).status).toBe(404);
    expect((await refused(updateCampaign(db, staffB, slug, input(), null))).status).toBe(404);
    expect((await refused(() => scopedCampaign(db, reporter, slug))).status).toBe(403);
    expect(listCampaigns(db, staffB, 1).items).toHaveLength(0);
    expect(listCampaigns(db, staffA, 1).items.map((c) => c.slug)).toEqual([slug]);
  });

  it("stores a cover through the pipeline, replaces it (old files deleted), refuses a non-image", async () => {
    const { db, staffA } = world();
    const slug = await createCampaign(db, staffA, input(), new Uint8Array(await phoneJpeg()));
    const first = scopedCampaign(db, staffA, slug).coverStorageKey;
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    const dir = (key: string) => join(root, "uploads", "images", key.slice(0, 2), key);
    expect(existsSync(dir(first!))).toBe(true);
    await updateCampaign(db, staffA, slug, input(), new Uint8Array(await phoneJpeg(640, 480)));
    const second = scopedCampaign(db, staffA, slug).coverStorageKey!;
    expect(second).not.toBe(first);
    expect(existsSync(dir(first!))).toBe(false);
    expect(existsSync(dir(second))).toBe(true);
    const error = await refused(
      updateCampaign(db, staffA, slug, input(), new Uint8Array(textFile)),
    );
    expect(error.status).toBe(400);
    expect(scopedCampaign(db, staffA, slug).coverStorageKey).toBe(second);
  });
});

describe("producers, listings and status", () => {
  it("publishes only with a joined producer, opens her listings, queues them for search", async () => {
    const { db, m, staffA } = world();
    const slug = await createCampaign(db, staffA, input(), null);
    const gaps = await refused(() => publishCampaign(db, staffA, slug));
    expect(gaps.status).toBe(409);
    expect(gaps.details?.gaps).toEqual(["producer"]);
    const before = outboxCount(db);
    addProducer(db, staffA, slug, m.producerA.id);
    expect(outboxCount(db)).toBe(before + 2);
    const campaignId = scopedCampaign(db, staffA, slug).id;
    const periods = db
      .select()
      .from(campaignListings)
      .where(eq(campaignListings.campaignId, campaignId))
      .all();
    expect(periods.map((p) => p.listingId).sort()).toEqual([m.pepper.id, m.bulk.id].sort());
    expect(periods.every((p) => p.leftAt === null)).toBe(true);
    const told = db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "campaign.producer_added"))
      .all();
    expect(told.length).toBeGreaterThan(0);
    publishCampaign(db, staffA, slug);
    expect(scopedCampaign(db, staffA, slug).status).toBe("published");
    expect(outboxCount(db)).toBe(before + 4);
  });

  it("ticks listings off and on: periods closed and new ones opened", async () => {
    const { db, m, staffA } = world();
    const slug = await createCampaign(db, staffA, input(), null);
    addProducer(db, staffA, slug, m.producerA.id);
    expect(setProducerListings(db, staffA, slug, m.producerA.id, [m.pepper.id])).toEqual({
      added: [],
      removed: [m.bulk.id],
    });
    expect(setProducerListings(db, staffA, slug, m.producerA.id, [m.pepper.id, m.bulk.id])).toEqual(
      {
        added: [m.bulk.id],
        removed: [],
      },
    );
    const bulkRows = db
      .select()
      .from(campaignListings)
      .where(eq(campaignListings.listingId, m.bulk.id))
      .all();
    expect(bulkRows).toHaveLength(2);
    expect(bulkRows[0]?.leftAt).not.toBeNull();
    expect(bulkRows[1]?.leftAt).toBeNull();
    // Another producer's listing is not hers to tick.
    expect(
      (await refused(() => setProducerListings(db, staffA, slug, m.producerA.id, [m.squid.id])))
        .status,
    ).toBe(400);
  });

  it("refuses a producer outside the campaign's unit or her subtree", async () => {
    const { db, m, staffA, staffB } = world();
    const slug = await createCampaign(db, staffA, input(), null);
    // Producer B lies in commune 3: outside commune 2's campaign and staff A's subtree.
    expect((await refused(() => addProducer(db, staffA, slug, m.producerB.id))).status).toBe(404);
    const slugB = await createCampaign(db, staffB, input({ orgUnitId: 3, title: "Xã Y" }), null);
    expect((await refused(() => addProducer(db, staffB, slugB, m.producerA.id))).status).toBe(404);
    expect((await refused(() => addProducer(db, staffB, slug, m.producerB.id))).status).toBe(404);
  });

  it("request → approve joins her listings; request → decline notifies; removal closes periods", async () => {
    const { db, m, staffA, memberA } = world();
    const slug = await createCampaign(db, staffA, input(), null);
    const { id } = scopedCampaign(db, staffA, slug);
    // A draft is not open to requests.
    expect(
      (await refused(() => requestToJoin(db, memberA, id, m.producerA.id, "Cho em tham gia")))
        .status,
    ).toBe(404);
    db.update(campaigns).set({ status: "published" }).where(eq(campaigns.id, id)).run();
    expect((await refused(() => requestToJoin(db, memberA, id, m.producerB.id, ""))).status).toBe(
      403,
    );
    requestToJoin(db, memberA, id, m.producerA.id, "Cho em tham gia");
    expect((await refused(() => requestToJoin(db, memberA, id, m.producerA.id, ""))).status).toBe(
      409,
    );
    declineRequest(db, staffA, slug, m.producerA.id, "Chưa đủ hàng");
    const declined = db
      .select()
      .from(campaignProducers)
      .where(eq(campaignProducers.campaignId, id))
      .all();
    expect(declined.map((r) => [r.status, r.note])).toEqual([["declined", "Chưa đủ hàng"]]);
    requestToJoin(db, memberA, id, m.producerA.id, "Lần nữa");
    approveRequest(db, staffA, slug, m.producerA.id);
    const open = db
      .select()
      .from(campaignProducers)
      .where(and(eq(campaignProducers.campaignId, id), eq(campaignProducers.status, "joined")))
      .get();
    expect(open?.joinedAt).not.toBeNull();
    expect(open?.decidedByUserId).toBe(staffA.userId);
    expect(
      db.select().from(campaignListings).where(eq(campaignListings.campaignId, id)).all(),
    ).toHaveLength(2);
    removeProducer(db, staffA, slug, m.producerA.id);
    const rows = db
      .select()
      .from(campaignListings)
      .where(eq(campaignListings.campaignId, id))
      .all();
    expect(rows.every((r) => r.leftAt !== null)).toBe(true);
    const left = db
      .select()
      .from(campaignProducers)
      .where(eq(campaignProducers.id, open!.id))
      .get();
    expect(left?.status).toBe("left");
    expect(left?.leftAt).not.toBeNull();
    const kinds = db
      .select({ kind: notifications.kind })
      .from(notifications)
      .all()
      .map((n) => n.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "campaign.producer_declined",
        "campaign.producer_approved",
        "campaign.producer_removed",
      ]),
    );
  });

  it("a producer leaves by herself; an ended campaign is read-only", async () => {
    const { db, m, staffA, memberA } = world();
    const slug = await createCampaign(db, staffA, input(), null);
    addProducer(db, staffA, slug, m.producerA.id);
    publishCampaign(db, staffA, slug);
    const { id } = scopedCampaign(db, staffA, slug);
    leaveCampaign(db, memberA, id, m.producerA.id);
    expect(
      db
        .select()
        .from(campaignListings)
        .where(eq(campaignListings.campaignId, id))
        .all()
        .every((r) => r.leftAt),
    ).toBeTruthy();
    addProducer(db, staffA, slug, m.producerA.id);
    endCampaign(db, staffA, slug);
    const ended = scopedCampaign(db, staffA, slug);
    expect(ended.status).toBe("ended");
    expect(ended.endedAt).not.toBeNull();
    expect((await refused(() => publishCampaign(db, staffA, slug))).status).toBe(409);
    expect((await refused(updateCampaign(db, staffA, slug, input(), null))).status).toBe(409);
    expect((await refused(() => removeProducer(db, staffA, slug, m.producerA.id))).status).toBe(
      409,
    );
    expect((await refused(() => endCampaign(db, staffA, slug))).status).toBe(409);
  });
});
