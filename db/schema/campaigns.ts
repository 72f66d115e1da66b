import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, moment, sqlList, UNITS, updatedAt } from "./columns";
import { users } from "./accounts";
import { listings } from "./catalog";
import { orders } from "./commerce";
import { purchaseRequests } from "./demand";
import { orgUnits } from "./org";
import { producers } from "./producers";

/**
 * Support campaigns (issue 16, docs/decisions/030-campaigns.md): the Union rallies buyers
 * behind producers hit by a flood, a glut or hardship for a few weeks. A campaign's figures
 * are never stored: they are counted from the order rows and the membership periods below.
 */

export const CAMPAIGN_KINDS = [
  "disaster_recovery",
  "harvest_glut",
  "disadvantaged_group",
  "other",
] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** Draft → published → ended. A published campaign whose end date has passed reads as ended too. */
export const CAMPAIGN_STATUSES = ["draft", "published", "ended"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const campaigns = sqliteTable(
  "campaigns",
  {
    id: integer("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    /** The org unit holding the campaign: its staff (and those above) manage it. */
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    /** Plain text, paragraphs separated by blank lines; never rendered as HTML or Markdown. */
    story: text("story").notNull().default(""),
    kind: text("kind", { enum: CAMPAIGN_KINDS }).notNull(),
    /** Vietnam calendar days, both included: "YYYY-MM-DD". */
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    /** Sales target in đồng, and/or a quantity target in one unit; at least one is set. */
    targetVnd: integer("target_vnd"),
    targetQuantity: integer("target_quantity"),
    targetUnit: text("target_unit", { enum: UNITS }),
    status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("draft"),
    /** The cover photo in the image store (same variants as listing photos). */
    coverStorageKey: text("cover_storage_key"),
    coverWidth: integer("cover_width"),
    coverHeight: integer("cover_height"),
    coverPlaceholder: text("cover_placeholder"),
    coverAlt: text("cover_alt").notNull().default(""),
    createdByUserId: integer("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    publishedAt: moment("published_at"),
    endedAt: moment("ended_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("campaigns_status_idx").on(t.status, t.endsOn),
    index("campaigns_org_unit_idx").on(t.orgUnitId),
    check(
      "campaigns_slug_check",
      sql`${t.slug} not glob '*[^a-z0-9-]*' and length(${t.slug}) >= 3`,
    ),
    check("campaigns_kind_check", sql`${t.kind} in ${sqlList(CAMPAIGN_KINDS)}`),
    check("campaigns_status_check", sql`${t.status} in ${sqlList(CAMPAIGN_STATUSES)}`),
    check("campaigns_dates_check", sql`${t.startsOn} <= ${t.endsOn}`),
    check("campaigns_target_vnd_check", sql`${t.targetVnd} is null or ${t.targetVnd} > 0`),
    check(
      "campaigns_target_quantity_check",
      sql`(${t.targetQuantity} is null and ${t.targetUnit} is null) or (${t.targetQuantity} > 0 and ${t.targetUnit} in ${sqlList(UNITS)})`,
    ),
    check(
      "campaigns_target_check",
      sql`${t.targetVnd} is not null or ${t.targetQuantity} is not null`,
    ),
  ],
);

/**
 * A producer's part in a campaign: asked to join (by herself) or added (by staff), joined,
 * declined or left. A producer who leaves and joins again gets a new row, so every period
 * is kept; at most one row per producer is open (requested or joined).
 */
export const CAMPAIGN_PRODUCER_STATUSES = ["requested", "joined", "declined", "left"] as const;
export type CampaignProducerStatus = (typeof CAMPAIGN_PRODUCER_STATUSES)[number];

export const campaignProducers = sqliteTable(
  "campaign_producers",
  {
    id: integer("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    status: text("status", { enum: CAMPAIGN_PRODUCER_STATUSES }).notNull(),
    /** The producer's own request to join (null when staff added her directly). */
    requestedAt: moment("requested_at"),
    requestedByUserId: integer("requested_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    /** Why she asks, or why staff declined (plain text). */
    note: text("note").notNull().default(""),
    joinedAt: moment("joined_at"),
    leftAt: moment("left_at"),
    /** The staff member who added her, approved or declined her request. */
    decidedByUserId: integer("decided_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    decidedAt: moment("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("campaign_producers_open_idx")
      .on(t.campaignId, t.producerId)
      .where(sql`${t.status} in ('requested', 'joined')`),
    index("campaign_producers_producer_idx").on(t.producerId, t.status),
    check(
      "campaign_producers_status_check",
      sql`${t.status} in ${sqlList(CAMPAIGN_PRODUCER_STATUSES)}`,
    ),
    check(
      "campaign_producers_joined_check",
      sql`${t.status} not in ('joined', 'left') or ${t.joinedAt} is not null`,
    ),
    check("campaign_producers_left_check", sql`${t.status} <> 'left' or ${t.leftAt} is not null`),
  ],
);

/**
 * A listing's period in a campaign: from `joined_at` until `left_at` (null while it is in).
 * An order line counts for the campaign when its order was placed inside one of these periods
 * and inside the campaign's dates. A listing that leaves and comes back gets a new row.
 */
export const campaignListings = sqliteTable(
  "campaign_listings",
  {
    id: integer("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    joinedAt: moment("joined_at").notNull(),
    leftAt: moment("left_at"),
    addedByUserId: integer("added_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("campaign_listings_open_idx")
      .on(t.campaignId, t.listingId)
      .where(sql`${t.leftAt} is null`),
    index("campaign_listings_listing_idx").on(t.listingId, t.joinedAt),
    index("campaign_listings_campaign_idx").on(t.campaignId, t.joinedAt),
    check(
      "campaign_listings_period_check",
      sql`${t.leftAt} is null or ${t.leftAt} >= ${t.joinedAt}`,
    ),
  ],
);

export const PARTNER_KINDS = [
  "business",
  "social_enterprise",
  "charity",
  "organisation",
  "other",
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** An organisation standing behind a campaign (a business, a charity, an association …). */
export const campaignPartners = sqliteTable(
  "campaign_partners",
  {
    id: integer("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: PARTNER_KINDS }).notNull().default("organisation"),
    /** The business buyer's account when the partner is one (her pledges are hers to turn into orders). */
    buyerUserId: integer("buyer_user_id").references(() => users.id, { onDelete: "set null" }),
    createdByUserId: integer("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("campaign_partners_name_idx").on(t.campaignId, t.name),
    check("campaign_partners_kind_check", sql`${t.kind} in ${sqlList(PARTNER_KINDS)}`),
  ],
);

/** Pending until staff approve it; only approved pledges are shown in public. */
export const PLEDGE_STATUSES = ["pending", "approved", "declined", "withdrawn"] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** A partner's promise to buy goods of the campaign: what, how much, by when. */
export const campaignPledges = sqliteTable(
  "campaign_pledges",
  {
    id: integer("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => campaignPartners.id, { onDelete: "cascade" }),
    /** Who recorded it: the business buyer herself, or a staff member for the organisation. */
    recordedByUserId: integer("recorded_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    /** The buyer account that may turn it into a purchase request or an order (null: none yet). */
    buyerUserId: integer("buyer_user_id").references(() => users.id, { onDelete: "set null" }),
    /** What she will buy, in words; `listing_id` when it is one listing of the campaign. */
    goods: text("goods").notNull(),
    listingId: integer("listing_id").references(() => listings.id, { onDelete: "set null" }),
    quantity: integer("quantity").notNull(),
    unit: text("unit", { enum: UNITS }).notNull(),
    /** The day she will buy by: "YYYY-MM-DD". */
    byDate: text("by_date").notNull(),
    note: text("note").notNull().default(""),
    status: text("status", { enum: PLEDGE_STATUSES }).notNull().default("pending"),
    decidedByUserId: integer("decided_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    decidedAt: moment("decided_at"),
    declineReason: text("decline_reason"),
    /** What the pledge became: a purchase request addressed to the campaign's producers, or an order. */
    purchaseRequestId: integer("purchase_request_id").references(() => purchaseRequests.id, {
      onDelete: "set null",
    }),
    orderId: integer("order_id").references(() => orders.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("campaign_pledges_campaign_idx").on(t.campaignId, t.status),
    index("campaign_pledges_buyer_idx").on(t.buyerUserId),
    check("campaign_pledges_quantity_check", sql`${t.quantity} >= 1`),
    check("campaign_pledges_unit_check", sql`${t.unit} in ${sqlList(UNITS)}`),
    check("campaign_pledges_status_check", sql`${t.status} in ${sqlList(PLEDGE_STATUSES)}`),
  ],
);
