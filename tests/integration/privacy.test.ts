import { describe, expect, it } from "vitest";
import { Invalid } from "~/lib/errors";
import { authenticate } from "~/modules/auth/login.internal.server";
import { hashPassword } from "~/modules/auth/passwords.server";
import { createSession } from "~/modules/auth/session.server";
import { ledgerLines } from "~/modules/money/ledger.server";
import {
  acceptOrder,
  cancelOrderByBuyer,
  confirmReceipt,
  deliverOrder,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { createReview } from "~/modules/orders/reviews.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { queueOutbound } from "~/modules/platform/outbox.server";
import {
  anonymiseClosedAccounts,
  CLOSED_ACCOUNT_NAME,
  requestAccountClosure,
} from "~/modules/privacy/closing.server";
import { exportUserData } from "~/modules/privacy/export.server";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

const PASSWORD = "mua-hang-que-nha-2026";
const PHONE = "+84912345678";
const EMAIL = "mua@example.vn";
const NAME = "Trần Thị Hoa Mai";

type Market = ReturnType<typeof makeMarket>;

/** Every place her identity appears in a real life of the marketplace. */
async function herLife(db: Db) {
  const m = makeMarket(db);
  const buyerId = m.buyer.id;
  db.$client
    .prepare(
      "UPDATE users SET display_name = ?, phone = ?, password_hash = ?, terms_accepted_at = ?, terms_version = ? WHERE id = ?",
    )
    .run(NAME, PHONE, await hashPassword(PASSWORD), Date.UTC(2026, 10, 1), "2026-12", buyerId);
  db.$client
    .prepare(
      `INSERT INTO buyer_addresses (user_id, name, phone, province, commune_code, commune, address, is_default)
       VALUES (?, ?, '0912345678', 'Quảng Trị', '19267', 'phường Đông Hà', '45 Hùng Vương, khu phố 2', 1)`,
    )
    .run(buyerId, NAME);
  db.$client
    .prepare(
      `INSERT INTO purchase_requests (code, buyer_user_id, title, quantity, unit, delivery_location, needed_by)
       VALUES ('YC0001', ?, 'Cần 50 kg hồ tiêu, gọi chị Hoa Mai 0912345678', 50, 'kg', 'phường Đông Hà', '2027-01-31')`,
    )
    .run(buyerId);
  const place = (sku: string, qty: number) =>
    placeOrder(db, {
      buyerUserId: buyerId,
      items: [{ sku, qty }],
      shipping: { ...SHIPPING, name: NAME, phone: "0912345678" },
      delivery: {},
      paymentMethod: "cod",
      idempotency: { scope: "t", key: newKey() },
      now: new Date(),
    }).orders[0]!;
  const completed = place("SP0001", 1);
  acceptOrder(db, m.actors.memberA, completed.id);
  shipOrder(db, m.actors.memberA, completed.id);
  deliverOrder(db, m.actors.memberA, completed.id);
  confirmReceipt(db, buyerId, completed.id);
  createReview(db, buyerId, {
    orderId: completed.id,
    listingId: m.pepper.id,
    rating: 5,
    comment: `Tiêu thơm. ${NAME}, ${EMAIL}`,
  });
  const cancelled = place("SP0002", 5);
  cancelOrderByBuyer(db, buyerId, cancelled.id, "Đổi ý");
  const open = place("SP0003", 1);
  queueOutbound(db, {
    channel: "sms",
    to: PHONE,
    body: `Chào ${NAME}, đơn ${open.code} đã được đặt.`,
    userId: buyerId,
  });
  // A message to her phone that is not marked as hers, and a staff note naming her.
  queueOutbound(db, { channel: "email", to: EMAIL, subject: "Chào", body: "Xin chào" });
  writeAudit(db, {
    actorUserId: m.admin.id,
    action: "user.update",
    entityType: "user",
    entityId: buyerId,
    orgUnitId: null,
    before: { displayName: NAME, phone: PHONE, email: EMAIL },
    after: { note: `Đã gọi cho ${NAME} (0912 345 678 / 0912345678)` },
    assistedProducerId: null,
  });
  db.$client
    .prepare(
      "INSERT INTO notifications (user_id, kind, message_key, params, link) VALUES (?, 'order', 'notice.orderPlaced', ?, '/don-hang')",
    )
    .run(buyerId, JSON.stringify({ name: NAME }));
  await createSession(db, buyerId);
  return { m, buyerId, completed, cancelled, open };
}

/** Every value of every column of every table (virtual tables' shadows included) as text. */
function findEverywhere(db: Db, needles: string[]): string[] {
  const hits: string[] = [];
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    const columns = db.$client.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as {
      name: string;
    }[];
    for (const column of columns) {
      const values = db.$client
        .prepare(`SELECT "${column.name}" AS v FROM "${name}" WHERE "${column.name}" IS NOT NULL`)
        .all() as { v: unknown }[];
      for (const { v } of values) {
        const text =
          typeof v === "string" ? v : Buffer.isBuffer(v) ? v.toString("utf8") : String(v);
        for (const needle of needles) {
          if (text.toLowerCase().includes(needle.toLowerCase())) {
            hits.push(`${name}.${column.name}: ${text.slice(0, 80)}`);
          }
        }
      }
    }
  }
  return hits;
}

function producerLedgerOf(db: Db, m: Market) {
  return ledgerLines(db, m.producerA.id);
}

describe("her data export", () => {
  it("holds her profile, consent, addresses, orders with lines, requests, reviews and notifications", async () => {
    const db = freshDb();
    const { completed, open } = await herLife(db);
    const m = db.$client.prepare("SELECT id FROM users WHERE email = ?").get(EMAIL) as {
      id: number;
    };
    const data = exportUserData(db, m.id, new Date("2026-12-05T00:00:00Z"));
    expect(data.profile).toMatchObject({ display_name: NAME, phone: PHONE, email: EMAIL });
    expect(data.profile).not.toHaveProperty("password_hash");
    expect(data.consent).toEqual({
      termsAcceptedAt: "2026-11-01T00:00:00.000Z",
      termsVersion: "2026-12",
    });
    expect(data.addresses).toMatchObject([{ name: NAME, address: "45 Hùng Vương, khu phố 2" }]);
    expect(data.orders.map((o) => o.code)).toEqual(
      expect.arrayContaining([completed.code, open.code]),
    );
    expect(data.orders).toHaveLength(3);
    expect(data.orders.find((o) => o.code === completed.code)?.lines).toMatchObject([
      { sku: "SP0001", qty: 1, line_total_vnd: 120_000 },
    ]);
    expect(data.purchaseRequests).toMatchObject([{ code: "YC0001", quantity: 50 }]);
    expect(data.reviews).toMatchObject([{ rating: 5, sku: "SP0001" }]);
    expect(data.notifications.length).toBeGreaterThanOrEqual(1);
    expect(data.messagesSent).toEqual(
      expect.arrayContaining([expect.objectContaining({ channel: "sms", recipient: PHONE })]),
    );
    expect(JSON.parse(JSON.stringify(data))).toEqual(data); // plain JSON all the way down
  });
});

describe("closing an account", () => {
  it("refuses a wrong password and changes nothing", async () => {
    const db = freshDb();
    const { buyerId } = await herLife(db);
    await expect(
      requestAccountClosure(db, { userId: buyerId, password: "sai-mat-khau" }),
    ).rejects.toThrow(Invalid);
    const row = db.$client
      .prepare("SELECT close_requested_at AS c, is_disabled AS d FROM users WHERE id = ?")
      .get(buyerId);
    expect(row).toEqual({ c: null, d: 0 });
    expect(
      await requestAccountClosure(db, { userId: buyerId, password: "" }).catch(
        (e: Invalid) => e.status,
      ),
    ).toBe(400);
  });

  it("refuses a staff account", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    db.$client
      .prepare("UPDATE users SET password_hash = ? WHERE id = ?")
      .run(await hashPassword(PASSWORD), m.admin.id);
    await expect(
      requestAccountClosure(db, { userId: m.admin.id, password: PASSWORD }),
    ).rejects.toThrow(/cán bộ/);
  });

  it("ends her sessions and logins at once, anonymises once her last order is finished, and leaves no trace of her in any table while the ledger still balances", async () => {
    const db = freshDb();
    const { m, buyerId, open } = await herLife(db);
    const ledgerBefore = producerLedgerOf(db, m);

    const result = await requestAccountClosure(db, { userId: buyerId, password: PASSWORD });
    expect(result).toEqual({ anonymised: false, openOrders: 1 });
    // She cannot log in any more, and no session of hers is left.
    const login = await authenticate(db, { kind: "email", value: EMAIL }, PASSWORD, "10.0.0.1");
    expect(login.ok).toBe(false);
    expect(
      db.$client.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?").get(buyerId),
    ).toEqual({
      n: 0,
    });
    expect(
      db.$client.prepare("SELECT status FROM purchase_requests WHERE code = 'YC0001'").get(),
    ).toEqual({ status: "closed" });
    // Her order is still open: nothing is erased yet (the producer still needs the address).
    expect(anonymiseClosedAccounts(db)).toBe(0);
    expect(findEverywhere(db, [EMAIL]).length).toBeGreaterThan(0);

    // The producer delivers it and the order completes (the daily job would complete it).
    acceptOrder(db, m.actors.memberB, open.id);
    shipOrder(db, m.actors.memberB, open.id);
    deliverOrder(db, m.actors.memberB, open.id);
    confirmReceipt(db, buyerId, open.id);
    const ledgerBBefore = ledgerLines(db, m.producerB.id);
    expect(anonymiseClosedAccounts(db)).toBe(1);
    expect(anonymiseClosedAccounts(db)).toBe(0); // once only

    const needles = [
      NAME,
      EMAIL,
      PHONE,
      "0912345678",
      "912345678",
      "45 Hùng Vương",
      SHIPPING.address,
    ];
    expect(findEverywhere(db, needles)).toEqual([]);
    const user = db.$client
      .prepare("SELECT display_name, phone, closed_at, is_disabled FROM users WHERE id = ?")
      .get(buyerId) as Record<string, unknown>;
    expect(user).toMatchObject({ display_name: CLOSED_ACCOUNT_NAME, phone: null, is_disabled: 1 });
    expect(user.closed_at).toEqual(expect.any(Number));
    // Orders, reviews and her (closed) request are kept, without her.
    expect(
      db.$client.prepare("SELECT count(*) AS n FROM orders WHERE buyer_user_id = ?").get(buyerId),
    ).toEqual({ n: 3 });
    expect(
      db.$client.prepare("SELECT rating FROM reviews WHERE buyer_user_id = ?").all(buyerId),
    ).toEqual([{ rating: 5 }]);
    expect(db.$client.prepare("SELECT count(*) AS n FROM purchase_requests").get()).toEqual({
      n: 1,
    });
    // Other people are untouched.
    expect(
      db.$client.prepare("SELECT display_name FROM users WHERE id = ?").get(m.otherBuyer.id),
    ).toEqual({
      display_name: "Người Khác",
    });
    // Both producers' ledgers are unchanged to the đồng.
    expect(producerLedgerOf(db, m)).toEqual(ledgerBefore);
    expect(ledgerLines(db, m.producerB.id)).toEqual(ledgerBBefore);
    expect(db.$client.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    // Still no login, with any identifier she had.
    for (const identifier of [
      { kind: "email", value: EMAIL },
      { kind: "phone", value: PHONE },
    ] as const) {
      expect((await authenticate(db, identifier, PASSWORD, "10.0.0.2")).ok).toBe(false);
    }
  });

  it("anonymises at once when no order is open", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    db.$client
      .prepare("UPDATE users SET password_hash = ? WHERE id = ?")
      .run(await hashPassword(PASSWORD), m.otherBuyer.id);
    const result = await requestAccountClosure(db, { userId: m.otherBuyer.id, password: PASSWORD });
    expect(result).toEqual({ anonymised: true, openOrders: 0 });
    expect(findEverywhere(db, ["Người Khác", "khac@example.vn"])).toEqual([]);
  });
});
