import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, sqlList, updatedAt } from "./columns";
import { orgUnits } from "./org";
import { producers } from "./producers";
import { users } from "./accounts";

/** An officer of the Union (cán bộ hội): who holds which position on which unit, for which term. */
export const unionOfficers = sqliteTable(
  "union_officers",
  {
    id: integer("id").primaryKey(),
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "restrict" }),
    fullName: text("full_name").notNull(),
    /** As the Union writes it: "Chủ tịch", "Phó Chủ tịch", "Chi hội trưởng" … */
    position: text("position").notNull(),
    termStart: text("term_start").notNull(),
    /** Null while the term runs. */
    termEnd: text("term_end"),
    fullTime: integer("full_time", { mode: "boolean" }).notNull().default(false),
    phone: text("phone"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("union_officers_org_idx").on(t.orgUnitId),
    check("union_officers_term_check", sql`${t.termEnd} is null or ${t.termEnd} >= ${t.termStart}`),
  ],
);

export const HOUSEHOLD_STATUSES = ["none", "near_poor", "poor"] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const CONSENT_FORMS = ["paper", "verbal", "electronic"] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/**
 * A member of the Union (hội viên). Ethnic group, household status and disability are
 * sensitive personal data (decree 13/2023/NĐ-CP): they are stored only with a recorded
 * consent, and erased when it is withdrawn (the check below holds the rule).
 */
export const unionMembers = sqliteTable(
  "union_members",
  {
    id: integer("id").primaryKey(),
    /** The branch (or other unit) she belongs to. */
    orgUnitId: integer("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "restrict" }),
    fullName: text("full_name").notNull(),
    birthYear: integer("birth_year"),
    phone: text("phone"),
    joinedOn: text("joined_on").notNull(),
    /** The producer she works in, if any. */
    producerId: integer("producer_id").references(() => producers.id, { onDelete: "set null" }),
    ethnicGroup: text("ethnic_group"),
    householdStatus: text("household_status", { enum: HOUSEHOLD_STATUSES }),
    hasDisability: integer("has_disability", { mode: "boolean" }),
    consentGivenOn: text("consent_given_on"),
    consentForm: text("consent_form", { enum: CONSENT_FORMS }),
    consentRecordedByUserId: integer("consent_recorded_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("union_members_org_idx").on(t.orgUnitId),
    index("union_members_producer_idx").on(t.producerId),
    check(
      "union_members_birth_year_check",
      sql`${t.birthYear} is null or ${t.birthYear} between 1900 and 2100`,
    ),
    check(
      "union_members_household_check",
      sql`${t.householdStatus} is null or ${t.householdStatus} in ${sqlList(HOUSEHOLD_STATUSES)}`,
    ),
    check(
      "union_members_consent_form_check",
      sql`${t.consentForm} is null or ${t.consentForm} in ${sqlList(CONSENT_FORMS)}`,
    ),
    check(
      "union_members_consent_check",
      sql`(${t.consentGivenOn} is null) = (${t.consentForm} is null)
        and (${t.consentGivenOn} is not null or (${t.ethnicGroup} is null and ${t.householdStatus} is null and ${t.hasDisability} is null))`,
    ),
  ],
);
