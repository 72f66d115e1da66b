import { sql } from "drizzle-orm";
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { createdAt, moment, sqlList, type StoredParams } from "./columns";
import { users } from "./accounts";
import { listings } from "./catalog";
import { orgUnits } from "./org";

/** In-app notifications (the bell). */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /**
     * What it says, as a message key (`notice.…` in app/lib/i18n/notifications.vi.ts) with its
     * parameters, rendered in the reader's language when read (docs/decisions/012-errors-and-messages.md).
     */
    messageKey: text("message_key").notNull(),
    params: text("params", { mode: "json" }).$type<StoredParams>().notNull().default({}),
    link: text("link"),
    readAt: moment("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

/** Who did what, when, with the state before and after. Append-only. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey(),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    orgUnitId: integer("org_unit_id").references(() => orgUnits.id, { onDelete: "set null" }),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    ipAddress: text("ip_address"),
    /**
     * Set when staff acted for a producer in assisted mode (docs/decisions/029-care.md): the
     * entry names both the staff member (`actor_user_id`) and the producer she acted for.
     */
    assistedProducerId: integer("assisted_producer_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_assisted_idx")
      .on(t.assistedProducerId, t.createdAt)
      .where(sql`${t.assistedProducerId} is not null`),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_org_idx").on(t.orgUnitId, t.createdAt),
  ],
);

/** Listing changes waiting to reach an external search engine (written in the same transaction). */
export const searchOutbox = sqliteTable(
  "search_outbox",
  {
    id: integer("id").primaryKey(),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    operation: text("operation", { enum: ["upsert", "delete"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    processedAt: moment("processed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("search_outbox_pending_idx").on(t.processedAt, t.id),
    check("search_outbox_operation_check", sql`${t.operation} in ('upsert', 'delete')`),
  ],
);

/**
 * The embedded search's in-memory index as of `version` (the `listing_search_docs.version` it
 * was read at), so a starting process loads it in one read plus the rows changed since,
 * instead of rebuilding it from every row (app/modules/search/index-snapshot.server.ts).
 * `data` is the snapshot's head (its layout and checksum); its arrays are the rows of
 * `listing_search_snapshot_sections`. Derived data, never a source of truth: a snapshot
 * missing, unreadable or of another format means a full load. Migration 0015's trigger deletes it whenever rows of
 * `listing_search_docs` are deleted (a version then no longer says what changed).
 */
export const listingSearchSnapshot = sqliteTable(
  "listing_search_snapshot",
  {
    id: integer("id").primaryKey(),
    version: integer("version").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("listing_search_snapshot_single_row", sql`${t.id} = 1`)],
);

/**
 * The typed arrays of the snapshot, one value per section in the order its head (`data` above)
 * lists them, so a starting process reads each into memory once, not the whole index into
 * SQLite's buffer and then again into a Node Buffer (snapshot-codec.server.ts). Written and
 * replaced with their head in one transaction; deleted with it.
 */
export const listingSearchSnapshotSections = sqliteTable(
  "listing_search_snapshot_sections",
  {
    snapshotId: integer("snapshot_id")
      .notNull()
      .references(() => listingSearchSnapshot.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.position] })],
);

export const OUTBOUND_CHANNELS = ["email", "sms", "zalo"] as const;
export type OutboundChannel = (typeof OUTBOUND_CHANNELS)[number];

/**
 * Messages leaving the app (e-mail, SMS, Zalo): a durable queue written in the transaction of
 * the change that caused it, delivered by a background job with retries and backoff, and kept
 * as the send log. Without a configured provider the row is the captured copy.
 */
export const outboundMessages = sqliteTable(
  "outbound_messages",
  {
    id: integer("id").primaryKey(),
    channel: text("channel", { enum: OUTBOUND_CHANNELS }).notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull().default(""),
    body: text("body").notNull(),
    /** Whose message it is (scrubbed when she closes her account); null for system mail. */
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The event that caused it (`order.placed`, `auth.code`…), for caps and the send log. */
    kind: text("kind"),
    attempts: integer("attempts").notNull().default(0),
    /** Not before this moment (backoff after a failure); null: at once. */
    nextAttemptAt: moment("next_attempt_at"),
    lastError: text("last_error"),
    /** Given up after the last retry. */
    failedAt: moment("failed_at"),
    sentAt: moment("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("outbound_messages_channel_check", sql`${t.channel} in ${sqlList(OUTBOUND_CHANNELS)}`),
    index("outbound_messages_pending_idx")
      .on(t.channel, t.nextAttemptAt, t.id)
      .where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
    index("outbound_messages_recipient_idx").on(t.recipient, t.createdAt),
    index("outbound_messages_user_idx").on(t.userId),
  ],
);

export const WORK_ALERT_ENTITIES = ["producer", "listing", "revision"] as const;
export const WORK_ALERT_LEVELS = ["nearest", "escalated"] as const;

/**
 * Staff told about new work waiting for them (a producer application, a listing or an edit to
 * review): once to the staff of the nearest unit when it arrives, once more to the unit above
 * when it still waits after 3 days. One row per piece of work, round (when it was submitted)
 * and level, so a job run twice tells nobody twice.
 */
export const staffWorkAlerts = sqliteTable(
  "staff_work_alerts",
  {
    id: integer("id").primaryKey(),
    entityType: text("entity_type", { enum: WORK_ALERT_ENTITIES }).notNull(),
    entityId: integer("entity_id").notNull(),
    submittedAt: moment("submitted_at").notNull(),
    level: text("level", { enum: WORK_ALERT_LEVELS }).notNull(),
    orgUnitId: integer("org_unit_id").references(() => orgUnits.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("staff_work_alerts_round_idx").on(t.entityType, t.entityId, t.submittedAt, t.level),
    check(
      "staff_work_alerts_entity_check",
      sql`${t.entityType} in ${sqlList(WORK_ALERT_ENTITIES)}`,
    ),
    check("staff_work_alerts_level_check", sql`${t.level} in ${sqlList(WORK_ALERT_LEVELS)}`),
  ],
);

/**
 * One row whose `generation` goes up whenever something a public page shows changes: the
 * triggers of migration 0014 bump it on every insert, update and delete of those tables, in
 * the same transaction, whichever process wrote. The shared page cache (server/page-cache.ts)
 * reads it on each request and drops what it rendered under an older generation
 * (docs/decisions/033-page-cache.md).
 */
export const pageCacheGeneration = sqliteTable("page_cache_generation", {
  id: integer("id").primaryKey(),
  generation: integer("generation").notNull().default(0),
});
