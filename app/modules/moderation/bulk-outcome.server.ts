import type { MessageKey } from "~/lib/i18n";
import type { BulkResult } from "./decisions.server";

/**
 * A bulk approval answers with a redirect to the queue (post/redirect/get: the page lands on
 * /quan-ly/kiem-duyet, not `?index`, and a reload does not approve again), carrying what
 * happened in the query string: how many were approved and, per refused item, a reason from a
 * fixed list. Only that list is ever shown, so a crafted link cannot put words on the page.
 */

export const APPROVED_PARAM = "da-duyet";
export const FAILED_PARAM = "khong-duyet";

/** The reasons a bulk approval can give, each shown with a message that needs no parameter. */
const REASONS = {
  "moderation.error.listingNotFound": "moderation.error.listingNotFound",
  "moderation.error.revisionNotFound": "moderation.error.revisionNotFound",
  "moderation.error.producerNotFound": "moderation.error.producerNotFound",
  "moderation.error.listingNotPending": "moderation.error.listingNotPending",
  "moderation.error.revisionNotPending": "moderation.error.revisionNotPending",
  "moderation.error.producerNotPending": "moderation.error.producerNotPending",
  "moderation.error.titleTaken": "oversight.bulk.titleTaken",
} as const satisfies Partial<Record<MessageKey, MessageKey>>;

type Reason = keyof typeof REASONS;

const REF = /^(listing|revision|producer):\d{1,12}$/;
const MAX_SHOWN = 200;

function isReason(key: string): key is Reason {
  return Object.hasOwn(REASONS, key);
}

/** Where the queue page shows a bulk approval's result. */
export function bulkOutcomePath(result: BulkResult): string {
  const params = new URLSearchParams({ [APPROVED_PARAM]: String(result.approved) });
  for (const failure of result.failed) {
    params.append(FAILED_PARAM, `${failure.ref}~${failure.key}`);
  }
  return `/quan-ly/kiem-duyet?${params.toString()}`;
}

export interface BulkOutcome {
  approved: number;
  failed: { ref: string; key: MessageKey }[];
}

/** The result carried by `bulkOutcomePath`, or null when the URL carries none. */
export function readBulkOutcome(params: URLSearchParams): BulkOutcome | null {
  const approvedText = params.get(APPROVED_PARAM);
  if (approvedText === null || !/^\d{1,6}$/.test(approvedText)) return null;
  const failed = params
    .getAll(FAILED_PARAM)
    .slice(0, MAX_SHOWN)
    .flatMap((value) => {
      const [ref = "", key = ""] = value.split("~");
      if (!REF.test(ref)) return [];
      return [{ ref, key: isReason(key) ? REASONS[key] : ("oversight.bulk.failed" as const) }];
    });
  return { approved: Number(approvedText), failed };
}
