import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  sqliteTable,
  text,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import { createdAt, moment, sqlList } from "./columns";

export const ORG_LEVELS = ["province", "commune", "branch"] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/**
 * The Union's hierarchy: province → commune/ward → branch, any depth.
 * `path` is the materialized list of ancestor ids ("/1/4/17/") so a subtree is one
 * indexed prefix query: `path LIKE '/1/4/%'`.
 */
export const orgUnits = sqliteTable(
  "org_units",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    name: text("name").notNull().unique(),
    level: text("level", { enum: ORG_LEVELS }).notNull(),
    parentId: integer("parent_id").references((): AnySQLiteColumn => orgUnits.id, {
      onDelete: "restrict",
    }),
    path: text("path").notNull(),
    /**
     * The official code of the commune-level unit (db/seed/places/communes.csv) this org unit
     * covers, for a commune- or ward-level unit; null for a province or a branch.
     */
    communeCode: text("commune_code").unique(),
    /**
     * Set when this unit was merged into another (the 2025 commune mergers): the unit stays
     * so past orders keep the unit they were placed under, and it sits below the surviving
     * unit in the tree, so that unit's subtree and reports include its history.
     */
    mergedIntoId: integer("merged_into_id").references((): AnySQLiteColumn => orgUnits.id, {
      onDelete: "restrict",
    }),
    mergedAt: moment("merged_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("org_units_parent_idx").on(t.parentId),
    index("org_units_path_idx").on(t.path),
    check("org_units_level_check", sql`${t.level} in ${sqlList(ORG_LEVELS)}`),
    check("org_units_path_check", sql`${t.path} like '/%/'`),
    check(
      "org_units_merged_check",
      sql`(${t.mergedIntoId} is null) = (${t.mergedAt} is null) and (${t.mergedIntoId} is null or ${t.mergedIntoId} = ${t.parentId})`,
    ),
  ],
);
