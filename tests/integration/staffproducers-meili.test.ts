import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SignedInActor } from "~/modules/auth/actor";
import { reinstateProducer, suspendProducer } from "~/modules/producers/suspension.server";
import { MeiliEngine } from "~/modules/search/meili-engine.server";
import { searchListings, setExternalEngine } from "~/modules/search/search.server";
import { drainSearchOutbox } from "~/modules/search/sync.server";
import { searchQuery } from "~/modules/search/types";
import type { Db } from "~db/client.server";
import { listings, orgUnits, producers, staffMemberships, users } from "~db/schema";
import { demoSearchDb } from "../helpers/search-demo";
import { startFakeMeili, type FakeMeili } from "../helpers/search-fake-meili";

/**
 * The Meilisearch half of the acceptance "suspending a producer removes her listings from
 * search (both engines)": against the recording stand-in of tests/helpers/search-fake-meili,
 * a search answered by Meilisearch leaves her listings out as soon as the suspension is
 * committed (hits are read back from the catalog, which applies the visibility rule), and
 * the outbox then deletes exactly her documents from the index; reinstating sends them back.
 */

const CODE = "SX001";
let fake: FakeMeili;
let db: Db;
let engine: MeiliEngine;
let staff: SignedInActor;
let own: { id: number; sku: string; title: string }[];

beforeAll(async () => {
  fake = await startFakeMeili();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.requests.length = 0;
  fake.documents.clear();
  db = await demoSearchDb();
  engine = new MeiliEngine(db, { host: fake.url, apiKey: "test-key", timeoutMs: 1_000 });
  setExternalEngine(db, engine);
  const province = db.select().from(orgUnits).where(eq(orgUnits.code, "QT")).get();
  if (!province) throw new Error("the demo has no province QT");
  const userId = db
    .insert(users)
    .values({ phone: "+84909990001", passwordHash: "x", displayName: "Cán bộ tỉnh" })
    .returning({ id: users.id })
    .get().id;
  db.insert(staffMemberships).values({ userId, orgUnitId: province.id, role: "moderator" }).run();
  staff = {
    kind: "user",
    userId,
    sessionId: null,
    displayName: "Cán bộ tỉnh",
    locale: "vi",
    isBuyer: false,
    producers: [],
    staff: [
      { orgUnitId: province.id, orgUnitCode: "QT", orgUnitPath: province.path, role: "moderator" },
    ],
  };
  own = db
    .select({ id: listings.id, sku: listings.sku, title: listings.title })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId))
    .where(and(eq(producers.code, CODE), eq(listings.status, "published")))
    .all();
  await engine.rebuild();
  fake.requests.length = 0;
});

const skusFor = async (title: string) => {
  const result = await searchListings(db, searchQuery({ q: title, perPage: 100 }));
  expect(result.engine).toBe("meilisearch");
  return result.hits.map((hit) => hit.sku);
};

describe("suspension and Meilisearch", () => {
  it("leaves her listings out at once, then deletes and restores exactly her documents", async () => {
    expect(own.length).toBeGreaterThan(0);
    const [first] = own;
    if (!first) throw new Error("unreachable");
    expect(await skusFor(first.title)).toContain(first.sku);
    for (const listing of own) expect(fake.documents.has(listing.id)).toBe(true);

    suspendProducer(db, staff, CODE, { reason: "Kiểm tra nguồn gốc sản phẩm" });
    // Before the outbox is delivered, Meilisearch still has the documents, yet no hit shows.
    expect(fake.documents.has(first.id)).toBe(true);
    expect(await skusFor(first.title)).not.toContain(first.sku);

    await drainSearchOutbox(db, engine);
    const deletes = fake.requests
      .filter((r) => r.path.endsWith("/documents/delete-batch"))
      .flatMap((r) => r.body as number[]);
    expect(new Set(deletes)).toEqual(new Set(own.map((l) => l.id)));
    for (const listing of own) expect(fake.documents.has(listing.id)).toBe(false);

    fake.requests.length = 0;
    reinstateProducer(db, staff, CODE, { reason: "Đã xác minh lại" });
    await drainSearchOutbox(db, engine);
    const upserted = fake.requests
      .filter((r) => r.method === "POST" && r.path.endsWith("/documents"))
      .flatMap((r) => (r.body as { id: number }[]).map((doc) => doc.id));
    expect(new Set(upserted)).toEqual(new Set(own.map((l) => l.id)));
    for (const listing of own) expect(fake.documents.has(listing.id)).toBe(true);
    expect(await skusFor(first.title)).toContain(first.sku);
  });
});
