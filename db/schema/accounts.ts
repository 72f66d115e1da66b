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
import { createdAt, moment, sqlList, updatedAt } from "./columns";
import { orgUnits } from "./org";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A person who logs in. Phone numbers are stored as +84…; e-mails lower-cased. */
export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey(),
    phone: text("phone").unique(),
    email: text("email").unique(),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull().default("vi"),
    isDisabled: integer("is_disabled", { mode: "boolean" }).notNull().default(false),
    /**
     * When the phone was proven with a one-time code (or counted as proven: accounts made before
     * phone confirmation existed, seeded, created by staff, or signed up without an SMS provider).
     * Null while a new account's phone waits for its code: she may browse and fill a cart only.
     */
    phoneConfirmedAt: moment("phone_confirmed_at"),
    /** Consent to the terms and privacy notice (decree 13/2023/NĐ-CP), and which version. */
    termsAcceptedAt: moment("terms_accepted_at"),
    termsVersion: text("terms_version"),
    /** She asked to close the account; it is anonymised once her open orders are finished. */
    closeRequestedAt: moment("close_requested_at"),
    /** Anonymised: personal fields replaced, cannot log in. */
    closedAt: moment("closed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("users_contact_check", sql`${t.phone} is not null or ${t.email} is not null`),
    check("users_locale_check", sql`${t.locale} in ${sqlList(LOCALES)}`),
    check("users_phone_check", sql`${t.phone} is null or ${t.phone} glob '+84[0-9]*'`),
    check(
      "users_email_check",
      sql`${t.email} is null or (${t.email} like '%_@_%' and ${t.email} = lower(${t.email}))`,
    ),
  ],
);

export const BUYER_KINDS = [
  "individual",
  "restaurant",
  "hotel",
  "retailer",
  "supermarket",
  "school",
  "tourism",
  "exporter",
] as const;
export type BuyerKind = (typeof BUYER_KINDS)[number];

export const buyerProfiles = sqliteTable(
  "buyer_profiles",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Code from the demo catalog (MUA01…); null for buyers who signed up. */
    code: text("code").unique(),
    kind: text("kind", { enum: BUYER_KINDS }).notNull().default("individual"),
    companyName: text("company_name"),
    taxCode: text("tax_code"),
    province: text("province"),
    city: text("city"),
    notes: text("notes"),
    createdAt: createdAt(),
  },
  (t) => [
    check("buyer_profiles_kind_check", sql`${t.kind} in ${sqlList(BUYER_KINDS)}`),
    check(
      "buyer_profiles_company_check",
      sql`${t.kind} = 'individual' or ${t.companyName} is not null`,
    ),
    check(
      "buyer_profiles_tax_code_check",
      sql`${t.taxCode} is null or ${t.taxCode} glob '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*'`,
    ),
  ],
);

export const STAFF_ROLES = ["moderator", "reporter", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A Union staff member's role over an org unit and everything below it. */
export const staffMemberships = sqliteTable(
  "staff_memberships",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "cascade" }),
    role: text("role", { enum: STAFF_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.orgUnitId, t.role] }),
    index("staff_memberships_org_idx").on(t.orgUnitId),
    check("staff_memberships_role_check", sql`${t.role} in ${sqlList(STAFF_ROLES)}`),
  ],
);

/** Server-side sessions; the cookie carries a random token whose SHA-256 is `id`. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Bearer tokens for the business API; only the SHA-256 of the token is stored. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    lastUsedAt: moment("last_used_at"),
    revokedAt: moment("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("api_tokens_user_idx").on(t.userId),
    check("api_tokens_hash_check", sql`length(${t.tokenHash}) = 64`),
  ],
);

/** Failed logins, counted per account and per IP address for rate limiting. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey(),
    /** "account:<identifier>" or "ip:<address>". */
    bucket: text("bucket").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("login_failures_bucket_idx").on(t.bucket, t.createdAt)],
);

/** Invitations from staff to producers' members to join the marketplace. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey(),
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "cascade" }),
    contact: text("contact").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: integer("invited_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    acceptedAt: moment("accepted_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invitations_token_idx").on(t.tokenHash)],
);

/**
 * A delivery address in a buyer's address book (/tai-khoan/dia-chi), prefilled at checkout.
 * The commune is an official unit (db/seed/places/communes.csv) of the province, kept by code
 * with its name as read when saved.
 */
export const buyerAddresses = sqliteTable(
  "buyer_addresses",
  {
    id: integer("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Who receives the goods and their phone as the buyer writes it (0912345678). */
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    /** The province by name, as orders store it. */
    province: text("province").notNull(),
    communeCode: text("commune_code").notNull(),
    commune: text("commune").notNull(),
    /** House number, street, village. */
    address: text("address").notNull(),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    /** When an order last went to this address: the checkout prefills the latest. */
    lastUsedAt: moment("last_used_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("buyer_addresses_user_idx").on(t.userId, t.lastUsedAt),
    // At most one default per buyer.
    uniqueIndex("buyer_addresses_default_idx")
      .on(t.userId)
      .where(sql`${t.isDefault} = 1`),
  ],
);
