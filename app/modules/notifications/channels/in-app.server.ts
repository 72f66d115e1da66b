import { prepared, type Db } from "~db/client.server";
import type { StoredParams } from "~db/schema/columns";

/**
 * The in-app channel (the bell): a row of `notifications`, written at once inside the
 * caller's transaction. It is the record every other channel points to, so it is never
 * queued, never capped and never turned off.
 */
export function writeInApp(
  db: Db,
  notice: { userId: number; kind: string; key: string; params: StoredParams; link: string | null },
): void {
  prepared(
    db,
    "INSERT INTO notifications (user_id, kind, message_key, params, link) VALUES (?, ?, ?, ?, ?)",
  ).run(notice.userId, notice.kind, notice.key, JSON.stringify(notice.params), notice.link);
}
