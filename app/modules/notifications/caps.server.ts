import { prepared, type Db } from "~db/client.server";

/**
 * Caps on the text messages (SMS, Zalo) notifications send to one phone: a text costs money
 * and buzzes a phone, so a busy day must not become a flood. Counted over `outbound_messages`
 * (its index on recipient and time), whether sent yet or not; one-time codes (`auth.…`) have
 * their own limits and do not count here.
 */

/** At most this many notification texts per phone and channel in one hour… */
export const TEXTS_PER_PHONE_PER_HOUR = 3;
/** …and in 24 hours. */
export const TEXTS_PER_PHONE_PER_DAY = 10;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Whether one more notification text may go to `phone` on `channel` at `now`. */
export function mayText(
  db: Db,
  input: { channel: "sms" | "zalo"; phone: string; now: Date },
): boolean {
  const at = input.now.getTime();
  const counts = prepared<{ hour: number; day: number }>(
    db,
    `SELECT count(*) FILTER (WHERE created_at > ?) AS hour, count(*) AS day
     FROM outbound_messages
     WHERE recipient = ? AND channel = ? AND created_at > ?
       AND coalesce(kind, '') NOT LIKE 'auth.%'`,
  ).get(at - HOUR_MS, input.phone, input.channel, at - DAY_MS);
  return (
    (counts?.hour ?? 0) < TEXTS_PER_PHONE_PER_HOUR && (counts?.day ?? 0) < TEXTS_PER_PHONE_PER_DAY
  );
}
