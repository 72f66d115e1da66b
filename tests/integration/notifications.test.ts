import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createSession } from "~/modules/auth/session.server";
import {
  listNotifications,
  markAllNotificationsRead,
  NOTIFICATIONS_PER_PAGE,
  openNotification,
} from "~/modules/notifications/inbox.server";
import { notify as notifyUsers } from "~/modules/notifications/notify.server";
import { countUnreadNotifications } from "~/modules/notifications/unread.server";
import { setDbForTests } from "~/modules/platform/db.server";
import { action, loader } from "~/routes/thong-bao";
import { notifications, outboundMessages, users } from "~db/schema";
import { freshDb, type Db } from "../helpers/db";

const ORIGIN = "http://localhost:3000";

let db: Db;
beforeEach(() => {
  db = freshDb();
  setDbForTests(db);
  db.insert(users)
    .values([
      { id: 1, phone: "+84900000001", passwordHash: "x", displayName: "Chị Lan" },
      { id: 2, phone: "+84900000002", passwordHash: "x", displayName: "Chị Hoa" },
    ])
    .run();
});

function notify(userId: number, title: string, link: string | null, minutesAgo = 0) {
  return db
    .insert(notifications)
    .values({
      userId,
      kind: "listing.approved",
      messageKey: "notice.legacy",
      params: { title, body: "Nội dung" },
      link,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    })
    .returning({ id: notifications.id })
    .get().id;
}

async function post(cookie: string, form: Record<string, string>, origin = ORIGIN) {
  const request = new Request(`${ORIGIN}/thong-bao`, {
    method: "POST",
    headers: {
      Cookie: cookie,
      Origin: origin,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(form).toString(),
  });
  let outcome: unknown;
  try {
    outcome = await action({ request, params: {}, context: { clientIp: "127.0.0.1" } });
  } catch (thrown) {
    outcome = thrown;
  }
  return statusOf(outcome);
}

/** A redirect Response, or the `data(body, { status })` that `handle` makes of a domain error. */
function statusOf(value: unknown): { status: number; location: string | null } {
  if (value instanceof Response) {
    return { status: value.status, location: value.headers.get("Location") };
  }
  if (typeof value === "object" && value !== null && "init" in value) {
    const init = (value as { init: ResponseInit | null }).init;
    return { status: init?.status ?? 200, location: null };
  }
  throw value;
}

describe("notification inbox", () => {
  it("lists the user's own notifications newest first, paged, with the unread count", () => {
    for (let i = 0; i < NOTIFICATIONS_PER_PAGE + 3; i++) notify(1, `Tin ${i}`, null, 100 - i);
    notify(2, "Tin của người khác", null);
    const first = listNotifications(db, 1, 1);
    expect(first.total).toBe(NOTIFICATIONS_PER_PAGE + 3);
    expect(first.unread).toBe(NOTIFICATIONS_PER_PAGE + 3);
    expect(first.pages).toBe(2);
    expect(first.items[0]?.title).toBe(`Tin ${NOTIFICATIONS_PER_PAGE + 2}`);
    expect(first.items).toHaveLength(NOTIFICATIONS_PER_PAGE);
    const second = listNotifications(db, 1, 99);
    expect(second.page).toBe(2);
    expect(second.items.map((item) => item.title)).toEqual(["Tin 2", "Tin 1", "Tin 0"]);
    expect(listNotifications(db, 2).items.map((item) => item.title)).toEqual([
      "Tin của người khác",
    ]);
  });

  it("opens a notification: marks it read and gives only links on this site", () => {
    const own = notify(1, "Sản phẩm đã được duyệt", "/ban-hang/san-pham/SP0001");
    const foreign = notify(1, "Liên kết lạ", "//evil.example/x");
    expect(openNotification(db, 1, own)).toBe("/ban-hang/san-pham/SP0001");
    expect(openNotification(db, 1, foreign)).toBeNull();
    expect(countUnreadNotifications(db, 1)).toBe(0);
    expect(listNotifications(db, 1).items.every((item) => item.read)).toBe(true);
  });

  it("refuses another user's notification as not found and leaves it unread", () => {
    const hers = notify(2, "Đơn hàng mới", "/ban-hang/don-hang/1");
    expect(() => openNotification(db, 1, hers)).toThrow(/Không tìm thấy/);
    expect(countUnreadNotifications(db, 2)).toBe(1);
  });

  it("marks all of the user's notifications read, and nobody else's", () => {
    notify(1, "Một", null);
    notify(1, "Hai", null);
    notify(2, "Ba", null);
    expect(markAllNotificationsRead(db, 1)).toBe(2);
    expect(countUnreadNotifications(db, 1)).toBe(0);
    expect(countUnreadNotifications(db, 2)).toBe(1);
  });
});

describe("/thong-bao", () => {
  it("shows the page, follows a notification's link and marks all read through the action", async () => {
    const { cookie } = await createSession(db, 1);
    const first = notify(1, "Đơn hàng mới", "/ban-hang/don-hang/7");
    notify(1, "Tin khác", null);

    const page = await loader({
      request: new Request(`${ORIGIN}/thong-bao?trang=abc`, { headers: { Cookie: cookie } }),
      params: {},
      context: { clientIp: "127.0.0.1" },
    });
    expect(page.page).toBe(1);
    expect(page.unread).toBe(2);

    const opened = await post(cookie, { intent: "open", id: String(first) });
    expect(opened.status).toBe(303);
    expect(opened.location).toBe("/ban-hang/don-hang/7");

    const all = await post(cookie, { intent: "read-all" });
    expect(all.location).toBe("/thong-bao?da-doc=1");
    expect(countUnreadNotifications(db, 1)).toBe(0);
  });

  it("answers bad input with 400 and another site's request with 403, changing nothing", async () => {
    const { cookie } = await createSession(db, 1);
    const id = notify(1, "Tin", null);
    expect((await post(cookie, { intent: "open", id: "không-phải-số" })).status).toBe(400);
    expect((await post(cookie, { intent: "xoa-het" })).status).toBe(400);
    expect((await post(cookie, { intent: "read-all" }, "https://evil.example")).status).toBe(403);
    const row = db.select().from(notifications).where(eq(notifications.id, id)).get();
    expect(row?.readAt).toBeNull();
  });
});

describe("notify()", () => {
  it("stores a key with parameters and renders it for each reader, in the bell and by e-mail", () => {
    db.update(users).set({ email: "lan@example.vn" }).where(eq(users.id, 1)).run();
    db.update(users).set({ email: "hoa@example.vn", locale: "en" }).where(eq(users.id, 2)).run();
    const told = notifyUsers(db, {
      recipients: { userIds: [1, 2] },
      kind: "order.cancelled",
      message: {
        key: "notice.order.buyer.cancelled",
        params: { code: "DH0001", reason: { key: "cancelReason.cardExpired" } },
      },
      link: "/don-hang/1",
      via: ["email"],
    });
    expect(told).toBe(2);
    const row = db.select().from(notifications).where(eq(notifications.userId, 2)).get();
    expect(row?.messageKey).toBe("notice.order.buyer.cancelled");
    expect(listNotifications(db, 1, 1, "vi").items[0]).toMatchObject({
      title: "Đơn DH0001 đã hủy",
      body: "Phiên thanh toán thẻ đã hết hạn, đơn hàng đã tự động hủy.",
    });
    expect(listNotifications(db, 2, 1, "en").items[0]).toMatchObject({
      title: "Order DH0001 cancelled",
      body: "The card payment session expired; the order was cancelled automatically.",
    });
    const mails = db
      .select({ to: outboundMessages.recipient, subject: outboundMessages.subject })
      .from(outboundMessages)
      .all();
    expect(mails).toEqual([
      { to: "lan@example.vn", subject: "Đơn DH0001 đã hủy" },
      { to: "hoa@example.vn", subject: "Order DH0001 cancelled" },
    ]);
  });

  it("tells nobody outside the app unless asked", () => {
    db.update(users).set({ email: "lan@example.vn" }).where(eq(users.id, 1)).run();
    notifyUsers(db, {
      recipients: { userIds: [1] },
      kind: "listing.approve",
      message: { key: "notice.listing.approve", params: { title: "Hồ tiêu" } },
      link: null,
    });
    expect(countUnreadNotifications(db, 1)).toBe(1);
    expect(db.select().from(outboundMessages).all()).toEqual([]);
  });
});
