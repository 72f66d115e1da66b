import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/lib/i18n";
import { actorForUser } from "~/modules/auth/session.server";
import { renderNotice } from "~/modules/notifications/messages";
import {
  acceptOrder,
  cancelOrderByProducer,
  cancelOrderBySystem,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { migrateDatabase, openDatabase, type Db } from "~db/client.server";
import {
  listings,
  notifications,
  orders,
  producerMemberships,
  producers,
  refunds,
} from "~db/schema";
import { decodeEntities, signInDemoBuyerInEnglish, vietnameseIn } from "../helpers/english";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";
import { projectRoot, startServer, tempDir, type StartedServer } from "../helpers/server";
import { setTestStock } from "../helpers/stock";

/**
 * Issue 9, item 6: notifications are stored as message keys and rendered in the reader's
 * language. A buyer whose interface is English reads her order notifications in English at
 * /thong-bao on the real server, with no sentence of the Vietnamese catalog; and rows written
 * in the old format (rendered title and body) are mapped to keys by the migration.
 */

describe("order notifications on the English interface", () => {
  let server: StartedServer;
  let db: Db;
  let cookie = "";
  let buyerId = 0;

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    ({ cookie, buyerId } = await signInDemoBuyerInEnglish(server, db));
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  it("shows placed, confirmed and cancelled orders in English only", async () => {
    // A product of a verified producer who has a member to act on the orders.
    const product = db
      .select({ id: listings.id, sku: listings.sku, memberId: producerMemberships.userId })
      .from(listings)
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .innerJoin(producerMemberships, eq(producerMemberships.producerId, producers.id))
      .where(and(eq(listings.status, "published"), eq(producers.verificationStatus, "verified")))
      .limit(1)
      .get();
    if (!product) throw new Error("the demo catalog has no product of a producer with members");
    db.update(listings).set({ minOrderQty: 1 }).where(eq(listings.id, product.id)).run();
    setTestStock(db, product.id, 100);
    const member = actorForUser(db, product.memberId);
    if (!member) throw new Error("no producer member");
    const order = () =>
      placeOrder(db, {
        buyerUserId: buyerId,
        items: [{ sku: product.sku, qty: 1 }],
        shipping: SHIPPING,
        paymentMethod: "cod",
        idempotency: { scope: "english-notifications", key: newKey() },
      }).orders[0]!;
    const confirmed = order();
    const cancelled = order();
    const cancelledBySystem = order();
    acceptOrder(db, member, confirmed.id);
    cancelOrderByProducer(db, member, cancelled.id, "Sold out after the storm");
    cancelOrderBySystem(db, cancelledBySystem.id, "cancelReason.cardSessionFailed");

    const response = await fetch(`${server.url}/thong-bao`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const page = decodeEntities(await response.text());
    for (const text of [
      t("en", "notice.order.buyer.placed.title", { code: confirmed.code }),
      t("en", "notice.order.buyer.placed.body"),
      t("en", "notice.order.buyer.confirmed.title", { code: confirmed.code }),
      t("en", "notice.order.buyer.confirmed.body"),
      t("en", "notice.order.buyer.cancelled.title", { code: cancelled.code }),
      "Sold out after the storm",
      t("en", "notice.order.buyer.cancelled.title", { code: cancelledBySystem.code }),
      t("en", "cancelReason.cardSessionFailed"),
    ]) {
      expect(page).toContain(text);
    }
    expect(vietnameseIn(page)).toEqual([]);
  });
});

/** The committed migrations up to (not including) `tag`, in a folder of their own. */
function migrationsBefore(tag: string): { folder: string; remove: () => void } {
  const source = join(projectRoot, "db/migrations");
  const folder = tempDir("cung-cau-migrations-");
  mkdirSync(join(folder, "meta"));
  const journal = JSON.parse(readFileSync(join(source, "meta/_journal.json"), "utf8")) as {
    entries: { idx: number; tag: string }[];
  };
  const stop = journal.entries.findIndex((entry) => entry.tag === tag);
  if (stop < 0) throw new Error(`no migration ${tag}`);
  journal.entries = journal.entries.slice(0, stop);
  writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify(journal));
  for (const file of readdirSync(source).filter((name) => name.endsWith(".sql"))) {
    copyFileSync(join(source, file), join(folder, file));
  }
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

describe("the stored-message migration", () => {
  it("maps notifications, cancel and refund reasons written in the old format", () => {
    const old = migrationsBefore("0003_stored_message_keys");
    const db = openDatabase(":memory:");
    try {
      migrate(db, { migrationsFolder: old.folder });
    } finally {
      old.remove();
    }
    const sql = db.$client;
    const m = makeMarket(db);
    const addOrder = (
      code: string,
      status: string,
      cancelledBy: string | null,
      reason: string | null,
    ) =>
      Number(
        sql
          .prepare(
            `INSERT INTO orders (code, checkout_id, buyer_user_id, producer_id, org_unit_id, status,
               payment_method, delivery_method, subtotal_vnd, total_vnd, ship_name, ship_phone,
               ship_province, ship_commune, ship_address, cancelled_by, cancel_reason, cancelled_at)
             VALUES (?, ?, ?, ?, ?, ?, 'cod', 'pickup', 1000, 1000, 'A', '0900000000', 'Quảng Trị',
               'phường Đông Hà', '1 Lê Duẩn', ?, ?, ?)`,
          )
          .run(
            code,
            newKey(),
            m.buyer.id,
            m.producerA.id,
            m.commune.id,
            status,
            cancelledBy,
            reason,
            cancelledBy ? Date.now() : null,
          ).lastInsertRowid,
      );
    const placed = addOrder("DH0001", "pending_payment", null, null);
    const overdue = addOrder(
      "DH0002",
      "cancelled",
      "system",
      "Quá hạn chuyển khoản 3 ngày, đơn hàng đã tự động hủy.",
    );
    const typed = addOrder("DH0003", "cancelled", "producer", "Hết hàng do mưa lũ");
    sql
      .prepare(
        "INSERT INTO refunds (order_id, amount_vnd, reason) VALUES (?, 1000, ?), (?, 1000, ?)",
      )
      .run(overdue, "Đơn đã hủy trước khi nhận được tiền.", typed, "Hết hàng do mưa lũ");
    const pepper = m.pepper.title;
    const rows: [number, string, string, string, string][] = [
      [
        m.buyer.id,
        "order.placed",
        "Đã đặt đơn DH0001",
        "Đơn hàng đã được gửi tới người bán.",
        `/don-hang/${placed}`,
      ],
      [
        m.memberA.id,
        "order.placed",
        "New order DH0001",
        "A new order is waiting for you.",
        `/ban-hang/don-hang/${placed}`,
      ],
      [
        m.buyer.id,
        "order.cancelled",
        "Đơn DH0002 đã hủy",
        "Quá hạn chuyển khoản 3 ngày, đơn hàng đã tự động hủy.",
        `/don-hang/${overdue}`,
      ],
      [
        m.buyer.id,
        "order.cancelled",
        "Đơn DH0003 đã hủy",
        "Hết hàng do mưa lũ",
        `/don-hang/${typed}`,
      ],
      // The code in the text is not the linked order's: it keeps its text.
      [
        m.buyer.id,
        "order.confirmed",
        "Đơn DH0003 đã được xác nhận",
        "Người bán đang chuẩn bị hàng.",
        `/don-hang/${placed}`,
      ],
      [
        m.memberA.id,
        "listing.approve",
        `Sản phẩm “${pepper}” đã được duyệt`,
        "Sản phẩm đã hiển thị cho người mua.",
        "/ban-hang/san-pham/SP0001",
      ],
      [
        m.memberA.id,
        "listing_revision.reject",
        `Thay đổi của “${pepper}” không được duyệt`,
        "Lý do: Ảnh mờ. Phiên bản cũ vẫn hiển thị.",
        "/ban-hang/san-pham/SP0001",
      ],
      [
        m.memberA.id,
        "producer.rejected",
        "HTX A was not verified",
        "Reason: Thiếu giấy phép",
        "/ban-hang",
      ],
      [
        m.memberA.id,
        "certificate.expiry_notice",
        "Chứng nhận OCOP của “X” sắp hết hạn",
        "Giấy chứng nhận hết hạn ngày 31/12/2026.",
        "/ban-hang/san-pham/SP0001",
      ],
      [
        m.memberA.id,
        "certificate.expiry_notice",
        `Chứng nhận VietGAP của “${pepper}” sắp hết hạn`,
        "Giấy chứng nhận số VG-12/2024 hết hạn ngày 31/12/2026. Hãy gia hạn và cập nhật trên gian hàng để giữ huy hiệu.",
        "/ban-hang/san-pham/SP0001",
      ],
      [
        m.memberA.id,
        "certificate.expiry_notice",
        `The OCOP certificate of “${pepper}” expires soon`,
        "Certificate expires on 01/01/2027. Renew it and update the listing to keep the badge.",
        "/ban-hang/san-pham/SP0001",
      ],
    ];
    const insert = sql.prepare(
      "INSERT INTO notifications (user_id, kind, title, body, link) VALUES (?, ?, ?, ?, ?)",
    );
    for (const row of rows) insert.run(...row);

    migrateDatabase(db);

    const mapped = db.select().from(notifications).orderBy(notifications.id).all();
    expect(mapped.map((n) => [n.messageKey, n.params])).toEqual([
      ["notice.order.buyer.placed", { code: "DH0001" }],
      ["notice.order.producer.placed", { code: "DH0001" }],
      [
        "notice.order.buyer.cancelled",
        { code: "DH0002", reason: { key: "cancelReason.transferOverdue" } },
      ],
      ["notice.order.buyer.cancelled", { code: "DH0003", reason: "Hết hàng do mưa lũ" }],
      [
        "notice.legacy",
        { title: "Đơn DH0003 đã được xác nhận", body: "Người bán đang chuẩn bị hàng." },
      ],
      ["notice.listing.approve", { title: pepper }],
      ["notice.revision.reject", { title: pepper, reason: "Ảnh mờ" }],
      ["notice.producer.rejected", { name: "HTX A", reason: "Thiếu giấy phép" }],
      [
        "notice.legacy",
        {
          title: "Chứng nhận OCOP của “X” sắp hết hạn",
          body: "Giấy chứng nhận hết hạn ngày 31/12/2026.",
        },
      ],
      [
        "notice.certificate.expiringNumbered",
        { kind: "VietGAP", title: pepper, number: "VG-12/2024", date: "31/12/2026" },
      ],
      ["notice.certificate.expiring", { kind: "OCOP", title: pepper, date: "01/01/2027" }],
    ]);
    // Nothing is lost: each row reads as it was written, in the language it was written in.
    mapped.forEach((n, i) => {
      const [, , title, body] = rows[i]!;
      const language = /^(New order|HTX A was|The OCOP)/.test(title) ? "en" : "vi";
      expect(renderNotice(language, n.messageKey, n.params)).toEqual({ title, body });
    });
    // An English reader gets the system's reason in English.
    expect(renderNotice("en", mapped[2]!.messageKey, mapped[2]!.params).body).toBe(
      t("en", "cancelReason.transferOverdue"),
    );

    const reasons = db
      .select({ text: orders.cancelReason, key: orders.cancelReasonKey })
      .from(orders)
      .orderBy(orders.id)
      .all();
    expect(reasons).toEqual([
      { text: null, key: null },
      { text: null, key: "cancelReason.transferOverdue" },
      { text: "Hết hàng do mưa lũ", key: null },
    ]);
    expect(
      db
        .select({ text: refunds.reason, key: refunds.reasonKey })
        .from(refunds)
        .orderBy(refunds.id)
        .all(),
    ).toEqual([
      { text: null, key: "cancelReason.cancelledBeforePayment" },
      { text: "Hết hàng do mưa lũ", key: null },
    ]);
    db.$client.close();
  });
});
