import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { createdAt, moment, sqlList } from "./columns";
import { sessions, users } from "./accounts";
import { orders } from "./commerce";
import { producers, type TeamPermission } from "./producers";

/**
 * Care for real users (docs/decisions/029-care.md): account recovery, confirmed phones,
 * assisted mode, a producer's team, notification choices, invoices and backups.
 */

export const CODE_PURPOSES = ["password_reset", "phone_confirm"] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];
/** How the code reached her: a text message, an e-mail link, or in person from Union staff. */
export const CODE_CHANNELS = ["sms", "email", "staff"] as const;
export type CodeChannel = (typeof CODE_CHANNELS)[number];

/**
 * One-time codes: only a hash is stored. A code is for one account and one purpose, expires,
 * is used once, and locks after too many wrong tries.
 */
export const oneTimeCodes = sqliteTable(
  "one_time_codes",
  {
    id: integer("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: CODE_PURPOSES }).notNull(),
    channel: text("channel", { enum: CODE_CHANNELS }).notNull(),
    codeHash: text("code_hash").notNull(),
    /** Where it was sent: the phone (for a phone change, the new one) or the e-mail. */
    target: text("target"),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: moment("expires_at").notNull(),
    usedAt: moment("used_at"),
    /** Too many wrong tries: this code never works again. */
    lockedAt: moment("locked_at"),
    /** Staff-issued codes: who handed it over and the identity check she made. */
    issuedByUserId: integer("issued_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    identityCheck: text("identity_check"),
    createdAt: createdAt(),
  },
  (t) => [
    index("one_time_codes_user_idx").on(t.userId, t.purpose, t.createdAt),
    check("one_time_codes_purpose_check", sql`${t.purpose} in ${sqlList(CODE_PURPOSES)}`),
    check("one_time_codes_channel_check", sql`${t.channel} in ${sqlList(CODE_CHANNELS)}`),
  ],
);

/**
 * Rate-limit events other than failed logins (codes requested per account, phone and IP;
 * messages per phone): one row per event in a bucket such as "code:phone:+8490…".
 */
export const rateLimitEvents = sqliteTable(
  "rate_limit_events",
  {
    id: integer("id").primaryKey(),
    bucket: text("bucket").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("rate_limit_events_bucket_idx").on(t.bucket, t.createdAt)],
);

/**
 * Assisted mode: this session's staff member acts for a producer of her subtree. The actor
 * stays the staff member; the context ends when `last_active_at` is 30 minutes old.
 */
export const assistContexts = sqliteTable("assist_contexts", {
  sessionId: text("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  producerId: integer("producer_id")
    .notNull()
    .references(() => producers.id, { onDelete: "cascade" }),
  startedAt: moment("started_at").notNull(),
  lastActiveAt: moment("last_active_at").notNull(),
});

/** The owner invites someone by phone to her workspace; accepted when that phone signs in. */
export const producerTeamInvites = sqliteTable(
  "producer_team_invites",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    /** +84… */
    phone: text("phone").notNull(),
    permissions: text("permissions", { mode: "json" }).$type<TeamPermission[]>().notNull(),
    invitedByUserId: integer("invited_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    acceptedAt: moment("accepted_at"),
    revokedAt: moment("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("producer_team_invites_open_idx")
      .on(t.producerId, t.phone)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index("producer_team_invites_phone_idx").on(t.phone),
    check("producer_team_invites_phone_check", sql`${t.phone} glob '+84[0-9]*'`),
  ],
);

/** Events a user can choose channels for. */
export const NOTIFICATION_EVENTS = [
  "order_new",
  "order_status",
  "request_match",
  "offer",
  "moderation",
  "certificate_expiry",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
export const NOTIFICATION_CHANNELS = ["in_app", "email", "sms", "zalo"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A user's choice for one event and channel; no row means the default (in-app only). */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    event: text("event", { enum: NOTIFICATION_EVENTS }).notNull(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.event, t.channel] }),
    check(
      "notification_preferences_event_check",
      sql`${t.event} in ${sqlList(NOTIFICATION_EVENTS)}`,
    ),
    check(
      "notification_preferences_channel_check",
      sql`${t.channel} in ${sqlList(NOTIFICATION_CHANNELS)}`,
    ),
  ],
);

export const INVOICE_STATUSES = ["requested", "issued", "declined"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** A buyer's request for a VAT invoice on an order, with the business details as sent. */
export const invoiceRequests = sqliteTable(
  "invoice_requests",
  {
    orderId: integer("order_id")
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    companyName: text("company_name").notNull(),
    taxCode: text("tax_code").notNull(),
    address: text("address").notNull(),
    email: text("email"),
    status: text("status", { enum: INVOICE_STATUSES }).notNull().default("requested"),
    invoiceNumber: text("invoice_number"),
    declineReason: text("decline_reason"),
    decidedAt: moment("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("invoice_requests_status_check", sql`${t.status} in ${sqlList(INVOICE_STATUSES)}`),
    check(
      "invoice_requests_tax_code_check",
      sql`${t.taxCode} glob '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*'`,
    ),
  ],
);

/** Backups taken with `db:backup`: the last one shows on /healthz; old ones are deleted. */
export const backups = sqliteTable("backups", {
  id: integer("id").primaryKey(),
  file: text("file").notNull(),
  sizeBytes: integer("size_bytes"),
  startedAt: moment("started_at").notNull(),
  finishedAt: moment("finished_at"),
  deletedAt: moment("deleted_at"),
});
