import { prepared, type Db } from "~db/client.server";
import type { Locale } from "~db/schema";
import { queueEmail } from "~/modules/platform/mailer.server";

/** Steps of an order that someone hears about. */
export type OrderEvent =
  | "placed"
  | "confirmed"
  | "paid"
  | "shipping"
  | "delivered"
  | "completed"
  | "cancelled"
  | "refunded"
  | "reviewed";

interface OrderRef {
  id: number;
  code: string;
  buyerUserId: number;
  producerId: number;
  totalVnd?: number;
  cancelReason?: string | null;
}

type Text = { title: string; body: string };
type Template = (order: OrderRef) => Record<Locale, Text>;

const buyerTemplates: Partial<Record<OrderEvent, Template>> = {
  placed: (o) => ({
    vi: { title: `Đã đặt đơn ${o.code}`, body: "Đơn hàng đã được gửi tới người bán." },
    en: { title: `Order ${o.code} placed`, body: "Your order was sent to the producer." },
  }),
  confirmed: (o) => ({
    vi: { title: `Đơn ${o.code} đã được xác nhận`, body: "Người bán đang chuẩn bị hàng." },
    en: { title: `Order ${o.code} confirmed`, body: "The producer is preparing your goods." },
  }),
  paid: (o) => ({
    vi: { title: `Đã nhận thanh toán đơn ${o.code}`, body: "Người bán đang chuẩn bị hàng." },
    en: { title: `Payment received for ${o.code}`, body: "The producer is preparing it." },
  }),
  shipping: (o) => ({
    vi: { title: `Đơn ${o.code} đang giao`, body: "Hàng đã rời nơi sản xuất." },
    en: { title: `Order ${o.code} is on its way`, body: "The goods have left the producer." },
  }),
  delivered: (o) => ({
    vi: {
      title: `Đơn ${o.code} đã giao`,
      body: "Vui lòng xác nhận đã nhận hàng và đánh giá sản phẩm.",
    },
    en: { title: `Order ${o.code} delivered`, body: "Please confirm receipt and leave a review." },
  }),
  cancelled: (o) => ({
    vi: { title: `Đơn ${o.code} đã hủy`, body: o.cancelReason ?? "" },
    en: { title: `Order ${o.code} cancelled`, body: o.cancelReason ?? "" },
  }),
  refunded: (o) => ({
    vi: { title: `Hoàn tiền đơn ${o.code}`, body: "Khoản hoàn tiền đã được ghi nhận." },
    en: { title: `Refund for ${o.code}`, body: "A refund was recorded." },
  }),
};

const producerTemplates: Partial<Record<OrderEvent, Template>> = {
  placed: (o) => ({
    vi: { title: `Đơn hàng mới ${o.code}`, body: "Có đơn hàng mới cần xử lý." },
    en: { title: `New order ${o.code}`, body: "A new order is waiting for you." },
  }),
  paid: (o) => ({
    vi: { title: `Đơn ${o.code} đã thanh toán`, body: "Hãy chuẩn bị và giao hàng." },
    en: { title: `Order ${o.code} paid`, body: "Please prepare and ship it." },
  }),
  completed: (o) => ({
    vi: { title: `Đơn ${o.code} đã hoàn tất`, body: "Người mua đã nhận hàng." },
    en: { title: `Order ${o.code} completed`, body: "The buyer received the goods." },
  }),
  cancelled: (o) => ({
    vi: { title: `Đơn ${o.code} đã hủy`, body: o.cancelReason ?? "" },
    en: { title: `Order ${o.code} cancelled`, body: o.cancelReason ?? "" },
  }),
  reviewed: (o) => ({
    vi: { title: `Đánh giá mới cho đơn ${o.code}`, body: "Người mua vừa đánh giá sản phẩm." },
    en: { title: `New review on ${o.code}`, body: "The buyer reviewed a product." },
  }),
};

interface Recipient {
  id: number;
  email: string | null;
  locale: Locale;
}

function send(db: Db, recipient: Recipient, kind: string, text: Text, link: string): void {
  prepared(
    db,
    "INSERT INTO notifications (user_id, kind, title, body, link) VALUES (?, ?, ?, ?, ?)",
  ).run(recipient.id, kind, text.title, text.body, link);
  if (recipient.email) {
    queueEmail(db, {
      to: recipient.email,
      subject: text.title,
      body: `${text.body}\n\n${link}`.trim(),
    });
  }
}

/**
 * Tells the buyer and/or the producer's members about a step of an order: a notification
 * in the app and an e-mail (queued in the outbox, sent when SMTP is configured). Runs inside
 * the caller's transaction.
 */
export function notifyOrderEvent(db: Db, order: OrderRef, event: OrderEvent): void {
  const buyerTemplate = buyerTemplates[event];
  if (buyerTemplate) {
    const buyer = prepared(db, "SELECT id, email, locale FROM users WHERE id = ?").get(
      order.buyerUserId,
    ) as Recipient | undefined;
    if (buyer) {
      const text = buyerTemplate(order)[buyer.locale];
      send(db, buyer, `order.${event}`, text, `/don-hang/${order.id}`);
    }
  }
  const producerTemplate = producerTemplates[event];
  if (producerTemplate) {
    const members = prepared(
      db,
      `SELECT u.id, u.email, u.locale FROM producer_memberships m
       JOIN users u ON u.id = m.user_id WHERE m.producer_id = ? ORDER BY u.id`,
    ).all(order.producerId) as Recipient[];
    const texts = producerTemplate(order);
    for (const member of members) {
      send(db, member, `order.${event}`, texts[member.locale], `/ban-hang/don-hang/${order.id}`);
    }
  }
}
