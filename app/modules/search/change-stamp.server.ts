import { prepared, type Db } from "~db/client.server";

/**
 * A number that changes whenever the database may have changed for this connection:
 * commits by other connections (`PRAGMA data_version`) or rows this connection changed
 * (`total_changes()`). The small tables every search reads (the categories) are kept
 * against it: reading them cost 30–60 µs a query, this check about 1 µs. Inside a
 * transaction it is NaN, equal to nothing: what is read there may be rolled back, and a
 * rollback does not change the stamp, so it is never kept.
 */
export function changeStamp(db: Db): number {
  if (db.$client.inTransaction) return Number.NaN;
  return (
    prepared<number>(
      db,
      "SELECT (SELECT data_version FROM pragma_data_version) * 4294967296 + total_changes()",
    )
      .pluck()
      .get() ?? 0
  );
}
