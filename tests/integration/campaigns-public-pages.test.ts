import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "~/lib/i18n";
import { formatVnd } from "~/lib/money";
import { campaignFigures } from "~/modules/campaigns/figures.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { openDatabase, type Db } from "~db/client.server";
import {
  campaignListings,
  campaignProducers,
  campaigns,
  listings,
  orders,
  orgUnits,
  producers,
  users,
} from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { newKey, SHIPPING } from "../helpers/market";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 16, campaigns in public, as the pages show them (real server, no JavaScript): the
 * list hides drafts; a campaign's page shows exactly `campaignFigures`, its story as plain
 * text, Open Graph with absolute URLs and a cart form while it runs; an ended one stays
 * readable without a cart; the badge shows only while the listing is in a running campaign;
 * a producer asks to join a campaign of her subtree, and cannot for another subtree.
 */
describe("campaign pages", () => {
  let server: StartedServer;
  let db: Db;
  let producerCookie = "";
  const today = new Date();
  const minuteAgo = new Date(today.getTime() - 60_000);

  const get = (path: string, cookie?: string) =>
    fetch(`${server.url}${path}`, {
      headers: cookie ? { Cookie: cookie } : {},
      redirect: "manual",
    });
  const html = async (path: string, cookie?: string) => {
    const response = await get(path, cookie);
    expect(response.status).toBe(200);
    return decodeEntities(await response.text());
  };

  let producer: { id: number; code: string; orgUnitId: number };
  let listing: { id: number; slug: string; sku: string; minOrderQty: number; unit: string };
  let otherListing: { id: number; slug: string };
  let runningId = 0;
  let outsideId = 0;

  const insertCampaign = (values: Partial<typeof campaigns.$inferInsert> & { slug: string }) =>
    db
      .insert(campaigns)
      .values({
        orgUnitId: producer.orgUnitId,
        title: `Chiến dịch ${values.slug}`,
        kind: "harvest_glut",
        startsOn: "2026-01-01",
        endsOn: "2099-12-31",
        targetVnd: 50_000_000,
        status: "published",
        publishedAt: minuteAgo,
        ...values,
      })
      .returning({ id: campaigns.id })
      .get().id;

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    producerCookie = await demoSessionCookie(server.url, "producer");
    const row = db
      .select({ id: producers.id, code: producers.code, orgUnitId: producers.orgUnitId })
      .from(producers)
      .where(eq(producers.code, "SX001"))
      .get()!;
    producer = row;
    const own = db
      .select()
      .from(listings)
      .where(and(eq(listings.producerId, producer.id), eq(listings.status, "published")))
      .all()
      .filter((l) => l.stock > l.minOrderQty * 2);
    // The demo data puts some listings in its own campaigns: take two out of them.
    const [first, second] = own;
    db.update(campaignListings)
      .set({ leftAt: new Date(minuteAgo.getTime() - 1000) })
      .where(
        and(
          inArray(campaignListings.listingId, [first!.id, second!.id]),
          isNull(campaignListings.leftAt),
        ),
      )
      .run();
    listing = own[0]!;
    otherListing = own[1]!;

    runningId = insertCampaign({
      slug: "h2-dang-chay",
      title: "Giải cứu tiêu H2",
      story: "Mưa lũ làm <b>hỏng</b> vườn.\n\nĐoạn thứ hai của câu chuyện.",
      targetQuantity: 500,
      targetUnit: listing.unit as "kg",
    });
    db.insert(campaignProducers)
      .values({
        campaignId: runningId,
        producerId: producer.id,
        status: "joined",
        joinedAt: minuteAgo,
      })
      .run();
    db.insert(campaignListings)
      .values({ campaignId: runningId, listingId: listing.id, joinedAt: minuteAgo })
      .run();
    insertCampaign({ slug: "h2-ban-nhap", title: "Bản nháp H2 bí mật", status: "draft" });
    const endedId = insertCampaign({
      slug: "h2-da-xong",
      title: "Chiến dịch đã xong H2",
      startsOn: "2026-01-01",
      endsOn: "2026-02-01",
    });
    db.insert(campaignListings)
      .values({ campaignId: endedId, listingId: otherListing.id, joinedAt: minuteAgo })
      .run();
    // A unit outside the producer's subtree: a commune whose path is not a prefix of hers.
    const ownPath = db.select().from(orgUnits).where(eq(orgUnits.id, producer.orgUnitId)).get()!
      .path;
    const outside = db
      .select()
      .from(orgUnits)
      .all()
      .find((unit) => !ownPath.startsWith(unit.path))!;
    outsideId = insertCampaign({
      slug: "h2-noi-khac",
      title: "Chiến dịch nơi khác H2",
      orgUnitId: outside.id,
    });

    // One completed order of the campaign's listing, placed now (inside its period).
    const buyer = db.select().from(users).where(eq(users.email, "nguoimua@cungcau.demo")).get()!;
    const order = placeOrder(db, {
      buyerUserId: buyer.id,
      items: [{ sku: listing.sku, qty: listing.minOrderQty }],
      shipping: SHIPPING,
      paymentMethod: "cod",
      idempotency: { scope: "test", key: newKey() },
    }).orders[0]!;
    db.update(orders)
      .set({ status: "completed", confirmedAt: new Date() })
      .where(eq(orders.id, order.id))
      .run();
  }, 180_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  });

  it("lists published campaigns, never drafts", async () => {
    const page = await html("/chien-dich");
    expect(page).toContain("Giải cứu tiêu H2");
    expect(page).toContain("Chiến dịch đã xong H2");
    expect(page).not.toContain("Bản nháp H2 bí mật");
    expect(page.indexOf("Giải cứu tiêu H2")).toBeLessThan(page.indexOf("Chiến dịch đã xong H2"));
    expect((await get("/chien-dich/h2-ban-nhap")).status).toBe(404);
    expect((await get("/chien-dich/h2-ban-nhap/ma-qr.svg")).status).toBe(404);
    expect((await get("/chien-dich/khong-co-dau")).status).toBe(404);
    const home = await html("/");
    expect(home).toContain("Chiến dịch đang diễn ra");
    expect(home).toContain('href="/chien-dich"');
  });

  it("shows campaignFigures' numbers, the story as text, Open Graph and a cart", async () => {
    const campaign = db.select().from(campaigns).where(eq(campaigns.id, runningId)).get()!;
    const figures = campaignFigures(db, campaign);
    expect(figures.soldVnd).toBeGreaterThan(0);
    expect(figures.buyers).toBe(1);
    const response = await get("/chien-dich/h2-dang-chay");
    const raw = await response.text();
    const page = decodeEntities(raw);
    expect(page).toContain(
      `Đã bán ${formatVnd(figures.soldVnd)} / mục tiêu ${formatVnd(50_000_000)}`,
    );
    expect(page).toContain(`Đã đặt: ${formatVnd(figures.orderedVnd)}`);
    expect(page).toContain(`${formatNumber(figures.buyers, "vi")} người mua`);
    expect(page).toMatch(/<progress[^>]*aria-label="Tiến độ chiến dịch"/);
    expect(page).toContain(`/ mục tiêu 500 `);
    // The story is text: "<b>" is escaped, never markup; paragraphs stay apart.
    expect(raw).toContain("&lt;b&gt;hỏng&lt;/b&gt;");
    expect(raw).not.toContain("<b>hỏng</b>");
    expect(page).toContain("Đoạn thứ hai của câu chuyện.");
    expect(page).toMatch(
      /<meta property="og:url" content="https?:\/\/[^"]+\/chien-dich\/h2-dang-chay"/,
    );
    expect(page).toContain('property="og:title"');
    expect(page).toMatch(/<meta property="og:description" content="Mưa lũ làm <b>hỏng/);
    expect(page).toContain('action="/gio-hang"');
    expect(page).toContain(`name="listingId" value="${listing.id}"`);
    expect(page).toContain(`href="/nha-san-xuat/${producer.code}"`);
    expect(page).toContain('href="/chien-dich/h2-dang-chay/cam-ket"');
    expect(page).toContain('href="/chien-dich/h2-dang-chay/ma-qr.svg"');
    // The campaign's goods in search, with the campaign filter (embedded engine).
    expect(page).toContain('href="/tim-kiem?chien-dich=h2-dang-chay"');
    const found = await html("/tim-kiem?chien-dich=h2-dang-chay");
    expect(found).toContain("Chiến dịch: Giải cứu tiêu H2");
    expect(found).toContain(`href="/san-pham/${listing.slug}"`);
    expect(found).not.toContain(`href="/san-pham/${otherListing.slug}"`);
    const qr = await get("/chien-dich/h2-dang-chay/ma-qr.svg");
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    expect(await qr.text()).toContain("<svg");
  });

  it("keeps an ended campaign readable, without a cart", async () => {
    const page = await html("/chien-dich/h2-da-xong");
    expect(page).toContain("Chiến dịch đã xong H2");
    expect(page).toContain("Đã kết thúc");
    expect(page).not.toContain('action="/gio-hang"');
  });

  it("badges a listing only while it is in a running campaign", async () => {
    const badge = 'href="/chien-dich/h2-dang-chay"';
    const product = await html(`/san-pham/${listing.slug}`);
    expect(product).toContain("Chiến dịch: Giải cứu tiêu H2");
    expect(product).toContain(badge);
    expect(await html(`/nha-san-xuat/${producer.code}`)).toContain(badge);
    // In an ended campaign only: no badge.
    const other = await html(`/san-pham/${otherListing.slug}`);
    expect(other).not.toContain("Chiến dịch: ");
    // After the listing left, no badge either.
    db.update(campaignListings)
      .set({ leftAt: new Date() })
      .where(and(eq(campaignListings.listingId, listing.id), isNull(campaignListings.leftAt)))
      .run();
    expect(await html(`/san-pham/${listing.slug}`)).not.toContain("Chiến dịch: Giải cứu tiêu H2");
  });

  it("lets a producer ask to join in her subtree, never outside it", async () => {
    const mine = await html("/ban-hang/chien-dich", producerCookie);
    expect(mine).toContain("Giải cứu tiêu H2");
    expect(mine).not.toContain("Chiến dịch nơi khác H2");
    const joinable = insertCampaign({ slug: "h2-xin-vao", title: "Chiến dịch xin vào H2" });
    expect(await html("/ban-hang/chien-dich", producerCookie)).toContain("Chiến dịch xin vào H2");
    const post = (campaignId: number, fields: Record<string, string> = {}) =>
      fetch(`${server.url}/ban-hang/chien-dich`, {
        method: "POST",
        redirect: "manual",
        headers: {
          Cookie: producerCookie,
          Origin: server.url,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          intent: "join",
          campaignId: String(campaignId),
          producerId: String(producer.id),
          note: "Vườn tiêu bị ngập",
          ...fields,
        }),
      });
    const joined = await post(joinable);
    expect(joined.status).toBe(303);
    const request = db
      .select()
      .from(campaignProducers)
      .where(
        and(
          eq(campaignProducers.campaignId, joinable),
          eq(campaignProducers.producerId, producer.id),
        ),
      )
      .get();
    expect(request?.status).toBe("requested");
    expect(request?.note).toBe("Vườn tiêu bị ngập");
    // Leaving asks first, then withdraws the request.
    const ask = await post(joinable, { intent: "leave" });
    expect(ask.headers.get("location")).toBe(
      `/ban-hang/chien-dich?roi=${joinable}&nsx=${producer.id}`,
    );
    const question = await html(ask.headers.get("location")!, producerCookie);
    expect(question).toContain("Bạn chắc chắn muốn rời chiến dịch “Chiến dịch xin vào H2”?");
    expect((await post(joinable, { intent: "leave", confirm: "yes" })).status).toBe(303);
    const open = db
      .select()
      .from(campaignProducers)
      .where(
        and(eq(campaignProducers.campaignId, joinable), eq(campaignProducers.status, "requested")),
      )
      .all();
    expect(open).toEqual([]);
    const refused = await post(outsideId);
    expect(refused.status).toBe(403);
    const none = db
      .select()
      .from(campaignProducers)
      .where(eq(campaignProducers.campaignId, outsideId))
      .all();
    expect(none).toEqual([]);
  });
});
