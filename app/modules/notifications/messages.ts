import { isMessageKey, t, type Locale, type MessageKey, type MessageParams } from "~/lib/i18n";
import type { StoredParams } from "~db/schema/columns";

/**
 * Stored messages (docs/decisions/012-errors-and-messages.md): what the system writes for a
 * person to read later (a notification, the reason it cancelled an order) is kept as a message
 * key with parameters and rendered in the reader's language when it is read. Pure, so pages
 * can render a stored key too.
 */

export type { StoredParams };

/** The notification messages: each `notice.…` key has a `.title` and a `.body` in the catalog. */
export type NoticeKey = {
  [K in MessageKey]: K extends `${infer Key}.title`
    ? `${Key}.body` extends MessageKey
      ? Key
      : never
    : never;
}[MessageKey];

/** Reasons the system gives when it cancels or refunds an order (`cancelReason.…`). */
export type ReasonKey = Extract<MessageKey, `cancelReason.${string}`>;

/** A message as it is stored: a key and its parameters. */
export interface StoredMessage<Key extends string = MessageKey> {
  key: Key;
  params?: StoredParams;
}

/** Fills a stored message's parameters in `locale`: a nested message is rendered first. */
function renderParams(locale: Locale, params: StoredParams): MessageParams {
  const rendered: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    rendered[name] =
      typeof value === "object"
        ? isMessageKey(value.key)
          ? t(locale, value.key, value.params)
          : value.key
        : value;
  }
  return rendered;
}

/** A notification's title and body in the reader's language. An unknown key shows as itself. */
export function renderNotice(
  locale: Locale,
  key: string,
  params: StoredParams,
): { title: string; body: string } {
  const titleKey = `${key}.title`;
  const bodyKey = `${key}.body`;
  if (!isMessageKey(titleKey) || !isMessageKey(bodyKey)) return { title: key, body: "" };
  const values = renderParams(locale, params);
  return { title: t(locale, titleKey, values), body: t(locale, bodyKey, values) };
}

/**
 * A reason as the reader sees it: the system's reason (a key) in their language, or the text
 * a person typed, as typed.
 */
export function reasonText(locale: Locale, key: string | null, text: string | null): string | null {
  if (key && isMessageKey(key)) return t(locale, key);
  return text;
}

/** A reason as it is stored: the system's (a key) or a person's (their text, as typed). */
export type Reason = { key: ReasonKey; text?: never } | { text: string; key?: never };

function isReasonKey(value: string): value is ReasonKey {
  return value.startsWith("cancelReason.") && isMessageKey(value);
}

/** A stored `…_reason_key` as a reason key, or null when it is none. */
export function asReasonKey(value: string | null | undefined): ReasonKey | null {
  return value && isReasonKey(value) ? value : null;
}

/** The two columns a reason is stored in: `…_reason` (typed text) and `…_reason_key`. */
export function reasonColumns(reason: Reason): { text: string | null; key: ReasonKey | null } {
  return { text: reason.text ?? null, key: reason.key ?? null };
}
