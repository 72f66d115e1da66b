import { prepared, type Db } from "~db/client.server";

/**
 * The dates of the demo's history (demo-history.server.ts): the catalogue is moved a year
 * back, and the rows the ordering module writes at the wall clock are given the moment of the
 * past step that wrote them.
 */

const DAY_MS = 86_400_000;

/** How long before the seed's day the demo catalogue was published (a little over a year). */
export const CATALOG_AGE_DAYS = 400;

/**
 * Dates the freshly inserted demo catalogue CATALOG_AGE_DAYS earlier, so past periods have
 * published listings and declared women members: listings (and their first status-log rows)
 * keep their order, producers' and the CSV buyers' accounts start before them. Runs inside
 * the seed's transaction, before the search index is built from the listings.
 */
export function backdateDemoCatalog(db: Db, now: Date): void {
  const shift = CATALOG_AGE_DAYS * DAY_MS;
  const opened = now.getTime() - (CATALOG_AGE_DAYS + 90) * DAY_MS;
  prepared(
    db,
    `UPDATE listings SET published_at = published_at - ?, created_at = created_at - ?,
       updated_at = updated_at - ?`,
  ).run(shift, shift, shift);
  prepared(db, "UPDATE listing_status_log SET changed_at = changed_at - ?").run(shift);
  prepared(db, "UPDATE producers SET created_at = ?, updated_at = ?").run(opened, opened);
  prepared(db, "UPDATE producer_count_log SET changed_at = ?").run(opened);
  prepared(
    db,
    `UPDATE users SET created_at = ?
     WHERE id IN (SELECT user_id FROM buyer_profiles WHERE code IS NOT NULL)`,
  ).run(opened);
}

/** The rows a step writes at the wall clock, and the column that says they were dealt with. */
const STEP_ROWS = [
  { table: "notifications", done: "read_at" },
  { table: "outbound_messages", done: "sent_at" },
  { table: "audit_log", done: null },
] as const;

/**
 * Returns `stamp(at, isPast)`, called after each step of the history: the notices, e-mails
 * and audit rows written since the last call get the step's moment. Past notices count as
 * read and past e-mails as sent, so a fresh demo's bell and outbox hold only what is open.
 */
export function pastStamper(db: Db) {
  const maxId = (table: string) =>
    prepared<{ id: number }>(db, `SELECT coalesce(max(id), 0) AS id FROM ${table}`).get()?.id ?? 0;
  const marks = new Map<string, number>(STEP_ROWS.map(({ table }) => [table, maxId(table)]));
  return (at: Date, isPast: boolean): void => {
    for (const { table, done } of STEP_ROWS) {
      const mark = marks.get(table) ?? 0;
      if (done) {
        prepared(db, `UPDATE ${table} SET created_at = ?, ${done} = ? WHERE id > ?`).run(
          at.getTime(),
          isPast ? at.getTime() : null,
          mark,
        );
      } else {
        prepared(db, `UPDATE ${table} SET created_at = ? WHERE id > ?`).run(at.getTime(), mark);
      }
      marks.set(table, maxId(table));
    }
  };
}
