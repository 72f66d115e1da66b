import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import {
  campaignPartners,
  campaignPledges,
  campaigns,
  cartLines,
  carts,
  listings,
  purchaseRequests,
  users,
} from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 16, pledges on the real server with plain forms (no JavaScript): the demo restaurant
 * pledges on the running flood campaign, staff approve it (only then does the public page show
 * it), decline another with a reason, record one for an organisation; the restaurant turns an
 * approved pledge into her cart and another into a purchase request, and withdraws a pending
 * one after the confirm step. Bad input is a 400 with its message and changes nothing.
 */
describe("campaign pledge pages", () => {
  const SLUG = "chung-tay-vung-lu";
  let server: StartedServer;
  let db: Db;
  let buyer = "";
  let staff = "";

  const request = (cookie: string, path: string, body?: URLSearchParams) =>
    fetch(`${server.url}${path}`, {
      method: body ? "POST" : "GET",
      headers: { Cookie: cookie, ...(body ? { Origin: server.url } : {}) },
      body,
      redirect: "manual",
    });
  const page = async (cookie: string, path: string) => {
    const response = await request(cookie, path);
    expect(response.status).toBe(200);
    return decodeEntities(await response.text());
  };
  const pledgesOfCampaign = () => {
    const campaign = db.select().from(campaigns).where(eq(campaigns.slug, SLUG)).get()!;
    return db
      .select()
      .from(campaignPledges)
      .where(eq(campaignPledges.campaignId, campaign.id))
      .orderBy(desc(campaignPledges.id))
      .all();
  };
  const listingIn = (title: string) => {
    const options = [...title.matchAll(/<option value="(\d+)">([^<]+)<\/option>/g)];
    return options.find(([, , label]) => label?.includes("Hồ tiêu"))?.[1] ?? "";
  };

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    buyer = await demoSessionCookie(server.url, "buyer");
    staff = await demoSessionCookie(server.url, "province-staff");
  });
  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  });

  it("takes a business buyer's pledge, refusing bad input without writing", async () => {
    const form = await page(buyer, `/chien-dich/${SLUG}/cam-ket`);
    expect(form).toContain("Cam kết thay mặt: Nhà hàng Sông Hiếu (demo)");
    const listingId = listingIn(form);
    expect(listingId).not.toBe("");
    const before = pledgesOfCampaign().length;

    const refused = await request(
      buyer,
      `/chien-dich/${SLUG}/cam-ket`,
      new URLSearchParams({ goods: "Hồ tiêu", quantity: "0", unit: "kg", byDate: "2099-01-01" }),
    );
    expect(refused.status).toBe(400);
    expect(decodeEntities(await refused.text())).toContain("Nhập số lượng là số nguyên lớn hơn 0.");
    const tooLate = await request(
      buyer,
      `/chien-dich/${SLUG}/cam-ket`,
      new URLSearchParams({ goods: "Hồ tiêu", quantity: "5", unit: "kg", byDate: "2099-01-01" }),
    );
    expect(tooLate.status).toBe(400);
    expect(decodeEntities(await tooLate.text())).toContain("Ngày mua phải từ hôm nay đến");
    expect(pledgesOfCampaign()).toHaveLength(before);

    const campaign = db.select().from(campaigns).where(eq(campaigns.slug, SLUG)).get()!;
    const sent = await request(
      buyer,
      `/chien-dich/${SLUG}/cam-ket`,
      new URLSearchParams({
        goods: "Hồ tiêu cho bếp nhà hàng",
        listingId,
        quantity: "12",
        unit: "kg",
        byDate: campaign.endsOn,
        note: "Giao hai lần",
      }),
    );
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`/chien-dich/${SLUG}/cam-ket?da-gui=1`);
    const [made] = pledgesOfCampaign();
    const listing = db
      .select()
      .from(listings)
      .where(eq(listings.id, Number(listingId)))
      .get()!;
    // The pledge counts in the listing's own unit, whatever the form said.
    expect(made).toMatchObject({
      goods: "Hồ tiêu cho bếp nhà hàng",
      quantity: 12,
      unit: listing.unit,
      listingId: Number(listingId),
      status: "pending",
    });
    expect(await page(buyer, `/chien-dich/${SLUG}/cam-ket?da-gui=1`)).toContain("Đã gửi cam kết.");
    // Pending: not on the public page yet.
    expect(await page("", `/chien-dich/${SLUG}`)).not.toContain("Hồ tiêu cho bếp nhà hàng");
  });

  it("lets staff approve, decline with a reason and record a pledge for an organisation", async () => {
    const [mine] = pledgesOfCampaign();
    const staffPage = await page(staff, `/quan-ly/chien-dich/${SLUG}/cam-ket`);
    expect(staffPage).toContain("Hồ tiêu cho bếp nhà hàng");
    expect(staffPage).toContain("Chờ Hội duyệt");

    const approved = await request(
      staff,
      `/quan-ly/chien-dich/${SLUG}/cam-ket`,
      new URLSearchParams({ intent: "approve", pledgeId: String(mine!.id) }),
    );
    expect(approved.status).toBe(303);
    expect(await page("", `/chien-dich/${SLUG}`)).toContain("Hồ tiêu cho bếp nhà hàng");
    const again = await request(
      staff,
      `/quan-ly/chien-dich/${SLUG}/cam-ket`,
      new URLSearchParams({ intent: "approve", pledgeId: String(mine!.id) }),
    );
    expect(again.status).toBe(409);
    expect(decodeEntities(await again.text())).toContain("Cam kết này không còn chờ duyệt.");

    const pending = pledgesOfCampaign().find((p) => p.status === "pending")!;
    const noReason = await request(
      staff,
      `/quan-ly/chien-dich/${SLUG}/cam-ket`,
      new URLSearchParams({ intent: "decline", pledgeId: String(pending.id), reason: " " }),
    );
    expect(noReason.status).toBe(400);
    expect(
      db.select().from(campaignPledges).where(eq(campaignPledges.id, pending.id)).get(),
    ).toMatchObject({ status: "pending" });
    const declined = await request(
      staff,
      `/quan-ly/chien-dich/${SLUG}/cam-ket`,
      new URLSearchParams({
        intent: "decline",
        pledgeId: String(pending.id),
        reason: "Trùng với cam kết khác",
      }),
    );
    expect(declined.status).toBe(303);
    expect(
      db.select().from(campaignPledges).where(eq(campaignPledges.id, pending.id)).get(),
    ).toMatchObject({ status: "declined", declineReason: "Trùng với cam kết khác" });

    const recorded = await request(
      staff,
      `/quan-ly/chien-dich/${SLUG}/cam-ket`,
      new URLSearchParams({
        intent: "pledge",
        partnerName: "Quỹ Tấm lòng vàng Đông Hà",
        partnerKind: "charity",
        goods: "Gạo cho bếp ăn bán trú",
        quantity: "500",
        unit: "kg",
        byDate: mine!.byDate,
      }),
    );
    expect(recorded.status).toBe(303);
    const partner = db
      .select()
      .from(campaignPartners)
      .where(eq(campaignPartners.name, "Quỹ Tấm lòng vàng Đông Hà"))
      .get();
    expect(partner).toMatchObject({ kind: "charity", buyerUserId: null });
    expect(pledgesOfCampaign()[0]).toMatchObject({
      partnerId: partner!.id,
      goods: "Gạo cho bếp ăn bán trú",
      status: "pending",
    });
    const unknownPhone = await request(
      staff,
      `/quan-ly/chien-dich/${SLUG}/cam-ket`,
      new URLSearchParams({
        intent: "partner",
        partnerName: "Công ty chưa có tài khoản",
        partnerKind: "business",
        buyerPhone: "0911111111",
      }),
    );
    expect(unknownPhone.status).toBe(400);
    expect(decodeEntities(await unknownPhone.text())).toContain(
      "Không có tài khoản người mua nào với số điện thoại này.",
    );
  });

  it("turns her approved pledges into her cart and a purchase request, once each", async () => {
    const buyerId = db.select().from(users).where(eq(users.phone, "+84900000005")).get()!.id;
    const mine = pledgesOfCampaign().filter(
      (p) => p.buyerUserId === buyerId && p.status === "approved",
    );
    const withListing = mine.find((p) => p.goods === "Hồ tiêu cho bếp nhà hàng")!;
    const other = mine.find((p) => p.id !== withListing.id)!;
    const list = await page(buyer, "/tai-khoan/cam-ket");
    expect(list).toContain("Cam kết mua của tôi");
    expect(list).toContain("Hồ tiêu cho bếp nhà hàng");

    const toCart = await request(
      buyer,
      "/tai-khoan/cam-ket",
      new URLSearchParams({ intent: "cart", pledgeId: String(withListing.id) }),
    );
    expect(toCart.status).toBe(303);
    const cart = db.select().from(carts).where(eq(carts.userId, buyerId)).get()!;
    expect(
      db
        .select()
        .from(cartLines)
        .where(and(eq(cartLines.cartId, cart.id), eq(cartLines.listingId, withListing.listingId!)))
        .get()?.qty,
    ).toBeGreaterThanOrEqual(withListing.quantity);
    const twice = await request(
      buyer,
      "/tai-khoan/cam-ket",
      new URLSearchParams({ intent: "cart", pledgeId: String(withListing.id) }),
    );
    expect(twice.status).toBe(409);

    const convert = () =>
      request(
        buyer,
        "/tai-khoan/cam-ket",
        new URLSearchParams({ intent: "request", pledgeId: String(other.id) }),
      );
    // A request needs a delivery place: without a saved address she is told to save one.
    const noAddress = await convert();
    expect(noAddress.status).toBe(409);
    expect(decodeEntities(await noAddress.text())).toContain(
      "Hãy lưu một địa chỉ nhận hàng trong sổ địa chỉ trước",
    );
    const saved = await request(
      buyer,
      "/tai-khoan/dia-chi/moi",
      new URLSearchParams({
        name: "Bếp Nhà hàng Sông Hiếu",
        phone: "0900000005",
        province: "Quảng Trị",
        commune: "phường Đông Hà",
        address: "5 Hùng Vương",
      }),
    );
    expect(saved.status).toBe(303);
    const toRequest = await convert();
    expect(toRequest.status).toBe(303);
    const code = new URL(toRequest.headers.get("location")!, server.url).searchParams.get("ma");
    expect(
      db.select().from(purchaseRequests).where(eq(purchaseRequests.code, code!)).get(),
    ).toMatchObject({ buyerUserId: buyerId });
    expect(await page(buyer, "/tai-khoan/cam-ket")).toContain(`Đã thành yêu cầu mua ${code}`);
  });

  it("withdraws a pending pledge only after the confirm step", async () => {
    const campaign = db.select().from(campaigns).where(eq(campaigns.slug, SLUG)).get()!;
    const sent = await request(
      buyer,
      `/chien-dich/${SLUG}/cam-ket`,
      new URLSearchParams({
        goods: "Nghệ tươi",
        quantity: "3",
        unit: "kg",
        byDate: campaign.endsOn,
      }),
    );
    expect(sent.status).toBe(303);
    const [pending] = pledgesOfCampaign();
    const ask = await request(
      buyer,
      "/tai-khoan/cam-ket",
      new URLSearchParams({ intent: "withdraw", pledgeId: String(pending!.id) }),
    );
    expect(ask.status).toBe(303);
    expect(ask.headers.get("location")).toBe(`/tai-khoan/cam-ket?rut=${pending!.id}`);
    expect(await page(buyer, `/tai-khoan/cam-ket?rut=${pending!.id}`)).toContain(
      "Rút cam kết này?",
    );
    expect(pledgesOfCampaign()[0]!.status).toBe("pending");
    const done = await request(
      buyer,
      "/tai-khoan/cam-ket",
      new URLSearchParams({ intent: "withdraw", pledgeId: String(pending!.id), confirm: "yes" }),
    );
    expect(done.status).toBe(303);
    expect(pledgesOfCampaign()[0]!.status).toBe("withdrawn");
  });
});
