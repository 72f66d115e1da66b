import { prepared, type Db } from "~db/client.server";

/**
 * The last step of closing an account (docs/operations.md, "Closing an account"): every text column
 * of every table is searched for the strings that identify her (her phone in each written
 * form, her e-mail, her name, her addresses) and each occurrence is replaced. Written against
 * the database's own catalogue rather than a list of columns, so a table added later (a new
 * message log, a new JSON state) is covered without anyone remembering this file.
 */

/** What an erased piece of text reads as. Plain text, no quotes: JSON stays valid around it. */
export const ERASED = "[đã xoá]";

/**
 * Tables the scrub leaves alone: the migrations journal, and the Union's own member and officer
 * records, which are kept under their own consent (decree 13/2023/NĐ-CP) and corrected or
 * erased through the Union (docs/decisions/022-member-records-and-privacy.md), not through an
 * account on the marketplace. `users` is changed row by row by the closing itself: another
 * person's account is never touched by a string match.
 */
const UNTOUCHED_TABLES = new Set([
  "__drizzle_migrations",
  "users",
  "union_members",
  "union_officers",
]);

/** Shorter names or addresses are not searched for outside her own rows: too many false hits. */
export const MIN_SEARCHED_LENGTH = 6;

interface TextColumn {
  table: string;
  column: string;
  nullable: boolean;
}

/** Ordinary tables and their text columns; virtual (FTS) tables and their shadows excluded. */
export function textColumns(db: Db): TextColumn[] {
  const tables = prepared<{ name: string; type: string }>(
    db,
    "SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
  ).all();
  const columns: TextColumn[] = [];
  for (const { name } of tables) {
    if (UNTOUCHED_TABLES.has(name)) continue;
    const info = prepared<{ name: string; type: string; notnull: number; pk: number }>(
      db,
      'SELECT name, type, "notnull", pk FROM pragma_table_info(?)',
    ).all(name);
    for (const column of info) {
      const type = column.type.toUpperCase();
      if (column.pk > 0 || !(type === "" || type.includes("TEXT") || type.includes("CHAR"))) {
        continue;
      }
      columns.push({ table: name, column: column.name, nullable: column.notnull === 0 });
    }
  }
  return columns;
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces every occurrence of `needles` in every text column (longest first, letters in any
 * case); a value that was nothing but one of them becomes NULL where the column allows it (a
 * producer's phone that was hers), else `ERASED`. Returns how many values changed.
 */
export function scrubEverywhere(db: Db, needles: readonly string[]): number {
  const searched = [...new Set(needles.map((n) => n.normalize("NFC").trim()))]
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length);
  if (searched.length === 0) return 0;
  const pattern = new RegExp(searched.map(escapeRegExp).join("|"), "giu");
  // SQLite's lower() folds ASCII letters only: the needles are folded the same way for the
  // search, and the replacement itself ignores case fully.
  const lowered = searched.map((n) => n.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  let changed = 0;
  for (const { table, column, nullable } of textColumns(db)) {
    const where = lowered.map(() => `instr(lower(${quoted(column)}), ?) > 0`).join(" OR ");
    // Named `rid`: SQLite calls a selected rowid by its INTEGER PRIMARY KEY's name.
    const rows = prepared<{ rid: number; value: unknown }>(
      db,
      `SELECT rowid AS rid, ${quoted(column)} AS value FROM ${quoted(table)} WHERE ${where}`,
    ).all(...lowered);
    for (const { rid, value } of rows) {
      if (typeof value !== "string") continue;
      const whole = searched.some((n) => n.toLowerCase() === value.trim().toLowerCase());
      const next = whole && nullable ? null : value.replace(pattern, ERASED);
      if (next === value) continue;
      prepared(db, `UPDATE ${quoted(table)} SET ${quoted(column)} = ? WHERE rowid = ?`).run(
        next,
        rid,
      );
      changed += 1;
    }
  }
  return changed;
}
