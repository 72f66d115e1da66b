import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, moment, sqlList, updatedAt } from "./columns";
import { orgUnits } from "./org";
import { users } from "./accounts";

export const PRODUCER_KINDS = ["htx", "tho", "hkd", "nhom"] as const;
export type ProducerKind = (typeof PRODUCER_KINDS)[number];

export const VERIFICATION_STATUSES = [
  "pending",
  "changes_requested",
  "verified",
  "rejected",
  "suspended",
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** A cooperative, cooperative group, household business or production group. "Active" = verified. */
export const producers = sqliteTable(
  "producers",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    name: text("name").notNull().unique(),
    kind: text("kind", { enum: PRODUCER_KINDS }).notNull(),
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "restrict" }),
    commune: text("commune").notNull(),
    address: text("address").notNull(),
    phone: text("phone"),
    /** Whether the phone (with its Zalo link) shows on the public producer and product pages. */
    showPhone: integer("show_phone", { mode: "boolean" }).notNull().default(true),
    email: text("email"),
    membersTotal: integer("members_total").notNull(),
    membersWomen: integer("members_women").notNull().default(0),
    membersEthnicMinority: integer("members_ethnic_minority").notNull().default(0),
    membersPoorHousehold: integer("members_poor_household").notNull().default(0),
    foundedYear: integer("founded_year"),
    story: text("story").notNull().default(""),
    bankBin: text("bank_bin"),
    bankAccountNumber: text("bank_account_number"),
    bankAccountName: text("bank_account_name"),
    deliveryFeeVnd: integer("delivery_fee_vnd").notNull().default(0),
    /** When buyers may collect a pickup order, as she writes it ("7:00–17:00 hằng ngày"); null = not said. */
    pickupHours: text("pickup_hours"),
    verificationStatus: text("verification_status", { enum: VERIFICATION_STATUSES })
      .notNull()
      .default("pending"),
    /** Staff's note on the last verification decision (approve, reject, ask for changes). */
    verificationNote: text("verification_note"),
    /** When that note was written, so a page can tell a note of the previous round. */
    verificationNoteAt: moment("verification_note_at"),
    /** Why staff suspended the producer (shown to her); cleared on reinstatement. */
    suspensionReason: text("suspension_reason"),
    suspendedAt: moment("suspended_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("producers_org_unit_idx").on(t.orgUnitId),
    index("producers_status_idx").on(t.verificationStatus),
    check("producers_kind_check", sql`${t.kind} in ${sqlList(PRODUCER_KINDS)}`),
    check(
      "producers_status_check",
      sql`${t.verificationStatus} in ${sqlList(VERIFICATION_STATUSES)}`,
    ),
    check("producers_members_total_check", sql`${t.membersTotal} >= 1`),
    check(
      "producers_members_check",
      sql`${t.membersWomen} between 0 and ${t.membersTotal}
        and ${t.membersEthnicMinority} between 0 and ${t.membersTotal}
        and ${t.membersPoorHousehold} between 0 and ${t.membersTotal}`,
    ),
    check(
      "producers_founded_check",
      sql`${t.foundedYear} is null or ${t.foundedYear} between 1900 and 2100`,
    ),
    check("producers_delivery_fee_check", sql`${t.deliveryFeeVnd} >= 0`),
    check(
      "producers_bank_bin_check",
      sql`${t.bankBin} is null or ${t.bankBin} glob '[0-9][0-9][0-9][0-9][0-9][0-9]'`,
    ),
  ],
);

export const PRODUCER_ROLES = ["owner", "member"] as const;
export type ProducerRole = (typeof PRODUCER_ROLES)[number];

/** What the owner lets a member of her team do: list goods, handle orders, read the statement. */
export const TEAM_PERMISSIONS = ["listings", "orders", "statement"] as const;
export type TeamPermission = (typeof TEAM_PERMISSIONS)[number];

/** A user who acts for a producer: the owner (who applied) or a member. */
export const producerMemberships = sqliteTable(
  "producer_memberships",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    role: text("role", { enum: PRODUCER_ROLES }).notNull().default("member"),
    /**
     * What a member may do in the workspace (a JSON list of TEAM_PERMISSIONS), chosen by the
     * owner; the owner may do everything whatever this says.
     */
    permissions: text("permissions", { mode: "json" })
      .$type<TeamPermission[]>()
      .notNull()
      .default(sql`'["listings","orders","statement"]'`),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.producerId] }),
    index("producer_memberships_producer_idx").on(t.producerId),
    check("producer_memberships_role_check", sql`${t.role} in ${sqlList(PRODUCER_ROLES)}`),
  ],
);

/** Photos of the producer (its people, its workshop); variants live in the image store. */
export const producerImages = sqliteTable(
  "producer_images",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull().unique(),
    position: integer("position").notNull().default(0),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    placeholder: text("placeholder").notNull(),
    alt: text("alt").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("producer_images_producer_idx").on(t.producerId, t.position)],
);
