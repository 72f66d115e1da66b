import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BANKS } from "~/lib/banks";
import { vietnamToday } from "~/lib/dates";
import { formatVnd } from "~/lib/money";
import { actorForUser } from "~/modules/auth/session.server";
import { markTransferReceived } from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { openDatabase, type Db } from "~db/client.server";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import { commissionRates, listings, orders, orgUnits, producers, refunds, users } from "~db/schema";
import { changedTables, databaseFingerprint } from "../helpers/db-snapshot";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 13's money pages on the real server, as a browser without JavaScript: a buyer cancels
 * a bank transfer the producer received and must say where the money goes back (a bank from
 * the list); the refund becomes the producer's task until she marks it sent, and her ledger
 * shows the transfer and its refund, never "-0". The admin sets a commission rate from a
 * future day (a past day or a bad rate refused, changing nothing; province staff kept out),
 * records a refund on an order (never above what is left) and finds no payout form while the
 * platform holds nothing for the producer.
 */

/** A page's HTML with entities decoded and React's text separators gone, to read as text. */
const readable = (html: string) => decodeEntities(html).replace(/<!-- -->/g, "");
/** What a reader sees of a page: its text without scripts, styles or tags. */
const visibleText = (html: string) =>
  html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

/** The HTML from a field's input (by id) up to `until`: where its message belongs. */
const fieldOf = (html: string, id: string, until: string) =>
  (html.split(`id="${id}"`)[1] ?? "").split(until)[0] ?? "";

const DAY_MS = 24 * 60 * 60 * 1000;
const REFUND_TO = {
  refundBankBin: "970436",
  refundAccountNumber: "0011 2233 44",
  refundAccountName: "nguyen thi mua",
};
const SHIPPING = {
  name: "Phạm Văn Người Mua",
  phone: "0900000005",
  province: "Quảng Trị",
  commune: "phường Đông Hà",
  address: "12 Lê Duẩn",
};

type As = "buyer" | "producer" | "producer2" | "admin" | "province";

describe("the money pages (no JavaScript)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies: Record<As, string> = {
    buyer: "",
    producer: "",
    producer2: "",
    admin: "",
    province: "",
  };
  let sx001 = 0;
  /** A received transfer the buyer cancels, and one staff refund part of. */
  let cancelled: { id: number; code: string; totalVnd: number };
  let refunded: { id: number; code: string; totalVnd: number };

  const page = async (as: As, path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { Cookie: cookies[as] },
    });
    return { status: response.status, html: readable(await response.text()) };
  };
  const post = async (as: As, path: string, form: Record<string, string>) => {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookies[as],
        Origin: server.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(form),
    });
    return {
      status: response.status,
      location: response.headers.get("location") ?? "",
      html: readable(await response.text()),
    };
  };
  /** Runs a refused request and shows that it changed nothing but sessions. */
  const changesNothing = async <T>(request: () => Promise<T>): Promise<T> => {
    const before = databaseFingerprint(server.databasePath);
    const result = await request();
    expect(changedTables(before, databaseFingerprint(server.databasePath), ["sessions"])).toEqual(
      [],
    );
    return result;
  };
  const refundsOf = (orderId: number) =>
    db.select().from(refunds).where(eq(refunds.orderId, orderId)).all();

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    [cookies.buyer, cookies.producer, cookies.producer2, cookies.admin, cookies.province] =
      await Promise.all([
        demoSessionCookie(server.url, "buyer"),
        demoSessionCookie(server.url, "producer"),
        demoSessionCookie(server.url, "producer-2"),
        demoSessionCookie(server.url, "admin"),
        demoSessionCookie(server.url, "province-staff"),
      ]);
    const userIdOf = (key: As | "producer-2") => {
      const email = DEMO_ACCOUNTS.find((a) => a.key === key)?.email ?? "";
      return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id;
    };
    const buyerId = userIdOf("buyer");
    const member = actorForUser(db, userIdOf("producer") ?? 0);
    const producer = db.select().from(producers).where(eq(producers.code, "SX001")).get();
    if (!buyerId || !member || !producer) throw new Error("demo data missing");
    sx001 = producer.id;
    // A transfer is paid to her account (the seed gives her none): Vietcombank.
    db.update(producers)
      .set({
        bankBin: "970436",
        bankAccountNumber: "1012345678",
        bankAccountName: "HTX HO TIEU VINH LINH",
      })
      .where(eq(producers.id, sx001))
      .run();
    const listing = db
      .select({ sku: listings.sku, min: listings.minOrderQty, stock: listings.stock })
      .from(listings)
      .where(and(eq(listings.producerId, sx001), eq(listings.status, "published")))
      .all()
      .find((row) => row.stock >= 2 * row.min);
    if (!listing) throw new Error("no published listing of SX001");
    const receivedTransfer = (key: string) => {
      const placed = placeOrder(db, {
        buyerUserId: buyerId,
        items: [{ sku: listing.sku, qty: listing.min }],
        shipping: SHIPPING,
        paymentMethod: "bank_transfer",
        idempotency: { scope: "money-pages", key },
      }).orders[0];
      if (!placed) throw new Error("no order placed");
      markTransferReceived(db, member, placed.id);
      return { id: placed.id, code: placed.code, totalVnd: placed.totalVnd };
    };
    cancelled = receivedTransfer("money-pages-cancel");
    refunded = receivedTransfer("money-pages-staff-refund");
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  it("asks the buyer for the refund account to cancel a received transfer, and refuses without it", async () => {
    const path = `/don-hang/${cancelled.id}`;
    const form = await page("buyer", path);
    expect(form.status).toBe(200);
    expect(form.html).toContain("Hủy đơn hàng");
    // The bank comes from the list (its BIN is sent), never typed.
    const [select = "", options = ""] =
      /<select[^>]*name="refundBankBin"[^>]*>([\s\S]*?)<\/select>/.exec(form.html) ?? [];
    expect(select).toContain("required");
    expect(options.match(/<option/g)?.length).toBe(BANKS.length + 1);
    expect(options).toContain('<option value="970436">Vietcombank</option>');
    expect(form.html).toMatch(/<input[^>]*name="refundAccountNumber"[^>]*required/);
    expect(form.html).toMatch(/<input[^>]*name="refundAccountName"[^>]*required/);

    const none = await changesNothing(() =>
      post("buyer", path, { intent: "cancel", reason: "Đổi ý" }),
    );
    expect(none.status).toBe(400);
    expect(none.html).toMatch(
      /role="alert"[^>]*>Bạn đã chuyển khoản cho đơn này: vui lòng cho biết tài khoản để người bán chuyển trả\./,
    );
    const bankOnly = await changesNothing(() =>
      post("buyer", path, { intent: "cancel", reason: "Đổi ý", refundBankBin: "970436" }),
    );
    expect(bankOnly.status).toBe(400);
    expect(bankOnly.html).toContain(
      "Vui lòng điền đủ ngân hàng, số tài khoản và tên chủ tài khoản.",
    );
    const unknownBank = await changesNothing(() =>
      post("buyer", path, {
        intent: "cancel",
        reason: "Đổi ý",
        ...REFUND_TO,
        refundBankBin: "123456",
      }),
    );
    expect(unknownBank.status).toBe(400);
    expect(unknownBank.html).toContain("Chọn ngân hàng trong danh sách.");
    const badAccount = await changesNothing(() =>
      post("buyer", path, { intent: "cancel", ...REFUND_TO, refundAccountNumber: "12ab" }),
    );
    expect(badAccount.status).toBe(400);
    expect(badAccount.html).toContain("Số tài khoản gồm 6 đến 20 chữ số.");
    expect(db.select().from(orders).where(eq(orders.id, cancelled.id)).get()?.status).toBe(
      "confirmed",
    );

    const done = await post("buyer", path, { intent: "cancel", reason: "Đổi ý", ...REFUND_TO });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${path}?xong=cancel`);
    expect(db.select().from(orders).where(eq(orders.id, cancelled.id)).get()).toMatchObject({
      status: "cancelled",
      cancelledBy: "buyer",
    });
    expect(refundsOf(cancelled.id)).toMatchObject([
      {
        amountVnd: cancelled.totalVnd,
        toBankBin: "970436",
        toAccountNumber: "0011223344",
        toAccountName: "NGUYEN THI MUA",
        settledAt: null,
      },
    ]);
    const after = await page("buyer", `${path}?xong=cancel`);
    expect(after.html).toContain("Đơn hàng đã được hủy.");
    expect(after.html).toContain(
      `Hoàn tiền ${formatVnd(cancelled.totalVnd)}: chờ người bán chuyển trả`,
    );
    expect(after.html).toContain("Về tài khoản Vietcombank · 0011223344");
  });

  it("gives the producer the refund to send back, with the buyer's account, until she marks it sent", async () => {
    const [refund] = refundsOf(cancelled.id);
    if (!refund) throw new Error("no refund recorded");
    const tasks = await page("producer", "/ban-hang/hoan-tien");
    expect(tasks.status).toBe(200);
    const task = tasks.html.split("<li").find((item) => item.includes(cancelled.code)) ?? "";
    expect(task).toContain(`Đơn ${cancelled.code} · ${SHIPPING.name}`);
    expect(task).toContain(formatVnd(cancelled.totalVnd));
    expect(task).toContain("Chuyển về: Vietcombank · số tài khoản 0011223344 · NGUYEN THI MUA");
    expect(task).toContain(`name="refundId" value="${refund.id}"`);
    expect(task).toContain("Đã chuyển trả");

    // Another producer's member cannot mark it; a malformed id is a bad request.
    const other = await changesNothing(() =>
      post("producer2", "/ban-hang/hoan-tien", { refundId: String(refund.id) }),
    );
    expect(other.status).toBe(404);
    expect(other.html).toContain("Không tìm thấy khoản hoàn tiền.");
    const malformed = await changesNothing(() =>
      post("producer", "/ban-hang/hoan-tien", { refundId: "abc" }),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.html).toMatch(/role="alert"[^>]*>Yêu cầu không hợp lệ\./);

    const sent = await post("producer", "/ban-hang/hoan-tien", { refundId: String(refund.id) });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/ban-hang/hoan-tien?xong=${cancelled.code}`);
    expect(refundsOf(cancelled.id)[0]?.settledAt).not.toBeNull();
    const after = await page("producer", sent.location);
    expect(after.html).toContain(`Đã ghi nhận: bạn đã chuyển trả tiền đơn ${cancelled.code}.`);
    const [, doneList = ""] = after.html.split("Đã chuyển trả gần đây");
    expect(doneList).toContain(`Đơn ${cancelled.code} · ${SHIPPING.name}`);
    expect(after.html).not.toContain(`name="refundId" value="${refund.id}"`);

    const again = await changesNothing(() =>
      post("producer", "/ban-hang/hoan-tien", { refundId: String(refund.id) }),
    );
    expect(again.status).toBe(409);
    expect(again.html).toMatch(
      /role="alert"[^>]*>Khoản hoàn tiền này đã được đánh dấu là đã chuyển trả\./,
    );
    // The buyer reads that it went back.
    const buyerPage = await page("buyer", `/don-hang/${cancelled.id}`);
    expect(buyerPage.html).toContain(
      `Hoàn tiền ${formatVnd(cancelled.totalVnd)}: người bán đã chuyển trả`,
    );
  });

  it("shows the month's transfer and its refund on her ledger, and never -0", async () => {
    const month = vietnamToday().slice(0, 7);
    const ledger = await page("producer", `/ban-hang/so-du?thang=${month}`);
    expect(ledger.status).toBe(200);
    // Each line of the month as read, less its date: the transfer in, its refund out.
    const lines = ledger.html
      .split("<li")
      .map((item) => visibleText(item.split("</li>")[0] ?? "").trim())
      .filter((line) => line.includes(` · ${cancelled.code} · `))
      .map((line) => line.replace(/^.*?\d{2}\/\d{2}\/\d{4} · /, ""));
    const amount = formatVnd(cancelled.totalVnd).replace(/\s/g, " ");
    expect(lines).toEqual([
      `Chuyển khoản · ${cancelled.code} · nhà sản xuất giữ ${amount}`,
      `Hoàn tiền · ${cancelled.code} · nhà sản xuất giữ -${amount}`,
    ]);
    // Sent back: no longer owed.
    expect(lines.join(" ")).not.toContain("chưa chuyển trả");
    const text = visibleText(ledger.html);
    expect(text).toContain(`Doanh số tháng ${month}`);
    expect(text).not.toMatch(/[-−‒–]\s*0(?![\d.,])/);
    expect(text).not.toMatch(/[-−]\s*0\s*₫/);
  });

  it("lets the admin set a unit's rate from a future day, and refuses a past day or a bad rate", async () => {
    const commune = db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.code, "QT-VINHLINH"))
      .get();
    if (!commune) throw new Error("no unit QT-VINHLINH");
    const form = await page("admin", "/quan-ly/hoa-hong");
    expect(form.status).toBe(200);
    expect(form.html).toContain('<option value="QT-VINHLINH">');
    expect(form.html).toContain('name="basisPoints"');

    const today = vietnamToday();
    const yesterday = vietnamToday(new Date(Date.now() - DAY_MS));
    const nextWeek = vietnamToday(new Date(Date.now() + 7 * DAY_MS));
    const past = await changesNothing(() =>
      post("admin", "/quan-ly/hoa-hong", {
        unitCode: "QT-VINHLINH",
        basisPoints: "2,5",
        startsOn: yesterday,
      }),
    );
    expect(past.status).toBe(400);
    expect(fieldOf(past.html, "rate-starts", 'type="submit"')).toContain(
      `Mức phí chỉ áp dụng từ hôm nay (${today}) trở đi.`,
    );
    for (const basisPoints of ["100,01", "150", "abc", "2,555", "-1"]) {
      const bad = await changesNothing(() =>
        post("admin", "/quan-ly/hoa-hong", {
          unitCode: "QT-VINHLINH",
          basisPoints,
          startsOn: nextWeek,
        }),
      );
      expect(bad.status, basisPoints).toBe(400);
      expect(bad.html, basisPoints).toMatch(
        /id="rate-percent-error"[^>]*>Nhập mức phí từ 0 đến 100 %, tối đa hai chữ số thập phân\./,
      );
    }
    const noDay = await changesNothing(() =>
      post("admin", "/quan-ly/hoa-hong", {
        unitCode: "QT-VINHLINH",
        basisPoints: "3",
        startsOn: "tuần sau",
      }),
    );
    expect(noDay.status).toBe(400);
    expect(fieldOf(noDay.html, "rate-starts", 'type="submit"')).toContain("Chọn ngày áp dụng.");
    const unknownUnit = await changesNothing(() =>
      post("admin", "/quan-ly/hoa-hong", {
        unitCode: "XX-NONE",
        basisPoints: "3",
        startsOn: nextWeek,
      }),
    );
    expect(unknownUnit.status).toBe(404);
    expect(unknownUnit.html).toContain("Không tìm thấy đơn vị.");

    // Province staff (moderator, reporter) are no admins: the page and its form are closed.
    expect((await page("province", "/quan-ly/hoa-hong")).status).toBe(403);
    const intruder = await changesNothing(() =>
      post("province", "/quan-ly/hoa-hong", {
        unitCode: "QT-VINHLINH",
        basisPoints: "3",
        startsOn: nextWeek,
      }),
    );
    expect(intruder.status).toBe(403);

    const saved = await post("admin", "/quan-ly/hoa-hong", {
      unitCode: "QT-VINHLINH",
      basisPoints: "2,5",
      startsOn: nextWeek,
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe("/quan-ly/hoa-hong?xong=1");
    expect(
      db.select().from(commissionRates).where(eq(commissionRates.orgUnitId, commune.id)).all(),
    ).toMatchObject([{ basisPoints: 250, startsOn: nextWeek }]);
    const after = await page("admin", saved.location);
    expect(after.html).toContain("Đã lưu mức phí.");
    expect(after.html).toMatch(/Từ \d{2}\/\d{2}\/\d{4}: 2,5 % · Nguyễn Thị Quản Trị · sắp áp dụng/);
  });

  it("lets payment staff record a refund on her order, never above what is left", async () => {
    const path = `/quan-ly/thanh-toan/${sx001}/hoan-tien/${refunded.code}`;
    const form = await page("admin", path);
    expect(form.status).toBe(200);
    expect(form.html).toContain(
      `Đã thanh toán ${formatVnd(refunded.totalVnd)} · đã hoàn ${formatVnd(0)}`,
    );
    expect(form.html).toContain(`max="${refunded.totalVnd}"`);
    expect((await page("province", path)).status).toBe(403);

    const refund = { reason: "Thiếu một gói", ...REFUND_TO, alreadySettled: "on" };
    const tooMuch = await changesNothing(() =>
      post("admin", path, { ...refund, amountVnd: String(refunded.totalVnd + 1) }),
    );
    expect(tooMuch.status).toBe(400);
    const message = `Số tiền hoàn phải từ 1 đến ${refunded.totalVnd} đồng.`;
    expect(fieldOf(tooMuch.html, "refund-amount", 'for="refund-reason"')).toContain(message);
    const noReason = await changesNothing(() =>
      post("admin", path, { ...refund, reason: "ab", amountVnd: "10000" }),
    );
    expect(noReason.status).toBe(400);
    expect(fieldOf(noReason.html, "refund-reason", "<fieldset")).toContain(
      "Ghi lý do hoàn tiền (3 đến 500 ký tự).",
    );
    // Part of an account is no account: refused, said next to the account's fields.
    const halfAccount = await changesNothing(() =>
      post("admin", path, { ...refund, refundAccountName: "", amountVnd: "10000" }),
    );
    expect(halfAccount.status).toBe(400);
    expect(fieldOf(halfAccount.html, "refund-bank", 'type="submit"')).toContain(
      "Vui lòng điền đủ ngân hàng, số tài khoản và tên chủ tài khoản.",
    );
    const unknownBank = await changesNothing(() =>
      post("admin", path, { ...refund, refundBankBin: "123456", amountVnd: "10000" }),
    );
    expect(unknownBank.status).toBe(400);
    expect(fieldOf(unknownBank.html, "refund-bank", 'type="submit"')).toContain(
      "Chọn ngân hàng trong danh sách.",
    );

    const done = await post("admin", path, { ...refund, amountVnd: "10000" });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/quan-ly/thanh-toan/${sx001}?hoan=1`);
    expect(refundsOf(refunded.id)).toMatchObject([
      { amountVnd: 10_000, reason: "Thiếu một gói", toAccountNumber: "0011223344" },
    ]);
    expect(refundsOf(refunded.id)[0]?.settledAt).not.toBeNull();

    // What is left is the rest: one đồng more is refused again.
    const left = refunded.totalVnd - 10_000;
    const again = await page("admin", path);
    expect(again.html).toContain(
      `Đã thanh toán ${formatVnd(refunded.totalVnd)} · đã hoàn ${formatVnd(10_000)}`,
    );
    const overLeft = await changesNothing(() =>
      post("admin", path, { ...refund, amountVnd: String(left + 1) }),
    );
    expect(overLeft.status).toBe(400);
    expect(overLeft.html).toContain(`Số tiền hoàn phải từ 1 đến ${left} đồng.`);
  });

  it("offers no payout form while the platform holds nothing for her", async () => {
    const path = `/quan-ly/thanh-toan/${sx001}`;
    const ledger = await page("admin", `${path}?hoan=1`);
    expect(ledger.status).toBe(200);
    expect(ledger.html).toContain("Đã ghi nhận khoản hoàn tiền.");
    const [, platform = ""] = ledger.html.split("Tiền sàn đang giữ cho nhà sản xuất");
    expect(visibleText(platform)).toMatch(/Số dư[^₫]*? 0 ₫/);
    expect(ledger.html).toContain(
      "Sàn không giữ khoản tiền nào của nhà sản xuất này: chưa có gì để chi trả.",
    );
    expect(ledger.html).not.toContain('name="amountVnd"');
    expect(ledger.html).not.toContain('name="reference"');
    expect(visibleText(ledger.html)).not.toMatch(/[-−]\s*0(?![\d.,])/);

    // A payout posted all the same is refused and changes nothing.
    const forced = await changesNothing(() =>
      post("admin", path, { amountVnd: "1000", reference: "CK-1", paidOn: vietnamToday() }),
    );
    expect(forced.status).toBe(400);
    expect(forced.html).toContain("Số tiền chi trả phải từ 1 đến 0 đồng (số dư hiện tại).");
  });
});
