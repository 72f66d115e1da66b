import { NotFound } from "~/lib/errors";
import { prepared, type Db } from "~db/client.server";

/**
 * Everything the marketplace keeps about one person, as one JSON document she can download
 * from /tai-khoan/du-lieu (decree 13/2023/NĐ-CP, the right to receive one's data). Secrets are
 * left out: password hash, session and token hashes, one-time codes.
 */
export interface UserDataExport {
  format: "cung-cau.user-data";
  version: 1;
  exportedAt: string;
  profile: Record<string, unknown>;
  consent: { termsAcceptedAt: string | null; termsVersion: string | null };
  buyerProfile: Record<string, unknown> | null;
  addresses: Record<string, unknown>[];
  orders: (Record<string, unknown> & { lines: Record<string, unknown>[] })[];
  invoiceRequests: Record<string, unknown>[];
  purchaseRequests: Record<string, unknown>[];
  /** Offers of the producers she is a member of, and the messages she wrote on offers. */
  producerMemberships: Record<string, unknown>[];
  offers: Record<string, unknown>[];
  offerMessages: Record<string, unknown>[];
  reviews: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  notificationPreferences: Record<string, unknown>[];
  messagesSent: Record<string, unknown>[];
  apiTokens: Record<string, unknown>[];
}

type Row = Record<string, unknown>;

const MOMENT_COLUMNS = /(_at|At)$/;

/** Moments are stored as milliseconds: the export shows them as ISO 8601 text. */
function readable(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      MOMENT_COLUMNS.test(key) && typeof value === "number" ? new Date(value).toISOString() : value;
  }
  return out;
}

function rows(db: Db, sql: string, ...params: unknown[]): Row[] {
  return prepared<Row>(db, sql)
    .all(...params)
    .map(readable);
}

/** Her data as a JSON-ready object; NotFound when the account does not exist. */
export function exportUserData(db: Db, userId: number, now = new Date()): UserDataExport {
  const user = prepared<Row>(
    db,
    `SELECT id, display_name, phone, email, locale, phone_confirmed_at, terms_accepted_at,
            terms_version, close_requested_at, closed_at, created_at, updated_at
     FROM users WHERE id = ?`,
  ).get(userId);
  if (!user) throw new NotFound("privacy.error.noAccount");
  const profile = readable(user);
  const orders = rows(
    db,
    `SELECT id, code, status, payment_method, delivery_method, subtotal_vnd, delivery_fee_vnd,
            total_vnd, ship_name, ship_phone, ship_province, ship_commune, ship_address, note,
            cancel_reason, cancelled_by, carrier, tracking_number, confirmed_at, shipped_at,
            delivered_at, completed_at, cancelled_at, created_at,
            (SELECT name FROM producers p WHERE p.id = o.producer_id) AS producer_name
     FROM orders o WHERE buyer_user_id = ? ORDER BY created_at, id`,
    userId,
  ).map((order) => ({
    ...order,
    lines: rows(
      db,
      `SELECT sku, title, unit, unit_price_vnd, qty, line_total_vnd
       FROM order_lines WHERE order_id = ? ORDER BY id`,
      order.id,
    ),
  }));
  return {
    format: "cung-cau.user-data",
    version: 1,
    exportedAt: now.toISOString(),
    profile,
    consent: {
      termsAcceptedAt: (profile.terms_accepted_at as string | null) ?? null,
      termsVersion: (profile.terms_version as string | null) ?? null,
    },
    buyerProfile:
      rows(
        db,
        `SELECT kind, company_name, tax_code, province, city, notes
         FROM buyer_profiles WHERE user_id = ?`,
        userId,
      )[0] ?? null,
    addresses: rows(
      db,
      `SELECT name, phone, province, commune, address, is_default, last_used_at, created_at
       FROM buyer_addresses WHERE user_id = ? ORDER BY id`,
      userId,
    ),
    orders,
    invoiceRequests: rows(
      db,
      `SELECT o.code AS order_code, i.company_name, i.tax_code, i.address, i.email, i.status,
              i.invoice_number, i.decline_reason, i.decided_at, i.created_at
       FROM invoice_requests i JOIN orders o ON o.id = i.order_id
       WHERE o.buyer_user_id = ? ORDER BY i.created_at`,
      userId,
    ),
    purchaseRequests: rows(
      db,
      `SELECT code, title, description, quantity, unit, target_price_vnd, delivery_location,
              needed_by, recurrence, status, closed_at, close_reason, fulfilled_at, created_at
       FROM purchase_requests WHERE buyer_user_id = ? ORDER BY created_at, id`,
      userId,
    ),
    producerMemberships: rows(
      db,
      `SELECT p.code AS producer_code, p.name AS producer_name, m.role
       FROM producer_memberships m JOIN producers p ON p.id = m.producer_id
       WHERE m.user_id = ? ORDER BY p.code`,
      userId,
    ),
    offers: rows(
      db,
      `SELECT r.code AS request_code, p.code AS producer_code, f.goods, f.unit, f.price_vnd,
              f.quantity, f.message,
              f.status, f.delivery_on, f.created_at
       FROM offers f JOIN producers p ON p.id = f.producer_id
       JOIN purchase_requests r ON r.id = f.purchase_request_id
       WHERE f.producer_id IN (SELECT producer_id FROM producer_memberships WHERE user_id = ?)
       ORDER BY f.created_at, f.id`,
      userId,
    ),
    offerMessages: rows(
      db,
      `SELECT offer_id, body, created_at FROM offer_messages
       WHERE author_user_id = ? ORDER BY created_at, id`,
      userId,
    ),
    reviews: rows(
      db,
      `SELECT o.code AS order_code, l.sku, r.rating, r.comment, r.is_hidden, r.created_at
       FROM reviews r JOIN orders o ON o.id = r.order_id JOIN listings l ON l.id = r.listing_id
       WHERE r.buyer_user_id = ? ORDER BY r.created_at, r.id`,
      userId,
    ),
    notifications: rows(
      db,
      `SELECT kind, message_key, params, link, read_at, created_at
       FROM notifications WHERE user_id = ? ORDER BY created_at, id`,
      userId,
    ),
    notificationPreferences: rows(
      db,
      `SELECT event, channel, enabled FROM notification_preferences WHERE user_id = ?
       ORDER BY event, channel`,
      userId,
    ),
    messagesSent: rows(
      db,
      `SELECT channel, recipient, subject, body, kind, sent_at, failed_at, created_at
       FROM outbound_messages WHERE user_id = ? ORDER BY created_at, id`,
      userId,
    ),
    apiTokens: rows(
      db,
      `SELECT name, last_used_at, revoked_at, created_at FROM api_tokens WHERE user_id = ?
       ORDER BY id`,
      userId,
    ),
  };
}
