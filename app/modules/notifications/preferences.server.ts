import { inTransaction, prepared, type Db } from "~db/client.server";
import { Invalid } from "~/lib/errors";
import type { Env } from "~/modules/platform/env.server";
import { canDeliver } from "./channels/index.server";
import {
  BUYER_EVENTS,
  DEFAULT_OUTSIDE,
  isChoosable,
  NOTIFICATION_EVENTS,
  OUTSIDE_CHANNELS,
  preferenceField,
  type NotificationEvent,
  type OutsideChannel,
} from "./events";

/**
 * Each user's choice of channels per event (`notification_preferences`). No row means the
 * default of DEFAULT_OUTSIDE; saving the page writes a row for every box it showed, so what
 * she saw is what she gets.
 */

type ChoiceRow = { event: NotificationEvent; channel: string; enabled: number };

/** Her explicit choices for one event, by channel. */
function choicesOf(db: Db, userId: number, event: NotificationEvent): Map<string, boolean> {
  const rows = prepared<ChoiceRow>(
    db,
    `SELECT event, channel, enabled FROM notification_preferences
     WHERE user_id = ? AND event = ?`,
  ).all(userId, event);
  return new Map(rows.map((row) => [row.channel, row.enabled === 1]));
}

/**
 * The outside channels (e-mail, SMS, Zalo) a notice of `event` goes to: her choice where she
 * made one; elsewhere the default, and only where the notice's caller sends it (`requested`,
 * its `via`; all of them for the page, which shows the defaults).
 */
export function chosenChannels(
  db: Db,
  userId: number,
  event: NotificationEvent,
  requested: readonly OutsideChannel[] = OUTSIDE_CHANNELS,
): OutsideChannel[] {
  const choices = choicesOf(db, userId, event);
  return OUTSIDE_CHANNELS.filter(
    (channel) =>
      isChoosable(event, channel) &&
      (choices.get(channel) ??
        (DEFAULT_OUTSIDE[event].includes(channel) && requested.includes(channel))),
  );
}

/** What a user can be reached by, as far as the page needs to know. */
export interface Reachability {
  hasEmail: boolean;
  /** A phone confirmed with a code: texts never go to a number she has not proven. */
  hasConfirmedPhone: boolean;
}

export function reachabilityOf(db: Db, userId: number): Reachability {
  const row = prepared<{ email: string | null; phone: string | null; confirmed: number | null }>(
    db,
    "SELECT email, phone, phone_confirmed_at AS confirmed FROM users WHERE id = ?",
  ).get(userId);
  return {
    hasEmail: Boolean(row?.email),
    hasConfirmedPhone: Boolean(row?.phone && row.confirmed !== null),
  };
}

/** What of the configuration the page depends on: which channels can be delivered. */
export type PreferencesEnv = Pick<Env, "APP_MODE" | "SMS_PROVIDER" | "ZALO_PROVIDER">;

/** One checkbox of the page. */
export interface PreferenceCell {
  channel: OutsideChannel;
  field: string;
  /** Not offered for this event, or she has no address for it: shown as unavailable. */
  offered: boolean;
  checked: boolean;
}

export interface PreferenceRow {
  event: NotificationEvent;
  cells: PreferenceCell[];
}

export interface PreferencesView {
  rows: PreferenceRow[];
  /** The outside channels this server can deliver (a column each). */
  channels: OutsideChannel[];
  reach: Reachability;
}

/** Which events concern her: all six for a producer's member, else a buyer's three. */
export function eventsFor(person: { producerCount: number }): readonly NotificationEvent[] {
  return person.producerCount > 0 ? NOTIFICATION_EVENTS : BUYER_EVENTS;
}

function isOffered(
  event: NotificationEvent,
  channel: OutsideChannel,
  reach: Reachability,
): boolean {
  if (!isChoosable(event, channel)) return false;
  return channel === "email" ? reach.hasEmail : reach.hasConfirmedPhone;
}

/** The preferences page: one row per event that concerns her, one box per deliverable channel. */
export function getPreferences(
  db: Db,
  userId: number,
  events: readonly NotificationEvent[],
  env: PreferencesEnv,
): PreferencesView {
  const reach = reachabilityOf(db, userId);
  const channels = OUTSIDE_CHANNELS.filter((channel) => canDeliver(env, channel));
  const rows = events.map((event) => {
    const chosen = chosenChannels(db, userId, event);
    return {
      event,
      cells: channels.map((channel) => {
        const offered = isOffered(event, channel, reach);
        return {
          channel,
          field: preferenceField(event, channel),
          offered,
          checked: offered && chosen.includes(channel),
        };
      }),
    };
  });
  return { rows, channels, reach };
}

/**
 * Saves the page she was shown (`getPreferences` with the same events and configuration):
 * every box it offered is stored as on (its field among `checkedFields`) or off. A field the
 * page did not offer (SMS for anything but a new order, a channel without a provider, a phone
 * she has not confirmed) is refused (400) and nothing changes.
 */
export function savePreferences(
  db: Db,
  userId: number,
  page: { events: readonly NotificationEvent[]; env: PreferencesEnv },
  checkedFields: readonly string[],
): void {
  const view = getPreferences(db, userId, page.events, page.env);
  const offered = view.rows.flatMap((row) =>
    row.cells.filter((cell) => cell.offered).map((cell) => ({ event: row.event, ...cell })),
  );
  const offeredFields = new Set(offered.map((cell) => cell.field));
  if (checkedFields.some((field) => !offeredFields.has(field))) {
    throw new Invalid("channels.error.notOffered");
  }
  const checked = new Set(checkedFields);
  const upsert = prepared(
    db,
    `INSERT INTO notification_preferences (user_id, event, channel, enabled) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, event, channel) DO UPDATE SET enabled = excluded.enabled`,
  );
  inTransaction(db, () => {
    for (const cell of offered) {
      upsert.run(userId, cell.event, cell.channel, checked.has(cell.field) ? 1 : 0);
    }
  });
}
