import type { ModerationDecision } from "~/lib/schemas/listing";
import type { NoticeKey, StoredMessage } from "~/modules/notifications/messages";

type Intent = ModerationDecision["intent"];
type Message = StoredMessage<NoticeKey>;

/** What a producer's members read in the bell after a decision on a listing. */
export function listingDecisionMessage(
  intent: Intent,
  title: string,
  reason: string | null,
): Message {
  if (intent === "approve") return { key: "notice.listing.approve", params: { title } };
  return { key: `notice.listing.${intent}`, params: { title, reason: reason ?? "" } };
}

/** The same for an edit (revision) of a published listing. */
export function revisionDecisionMessage(
  intent: Intent,
  title: string,
  reason: string | null,
): Message {
  if (intent === "approve") return { key: "notice.revision.approve", params: { title } };
  return { key: `notice.revision.${intent}`, params: { title, reason: reason ?? "" } };
}

/** For a producer application. */
export function producerDecisionMessage(
  intent: Intent,
  name: string,
  reason: string | null,
): Message {
  if (intent === "approve") return { key: "notice.producer.verified", params: { name } };
  if (intent === "request_changes") {
    return {
      key: "staffproducers.notice.changesRequested",
      params: { name, reason: reason ?? "" },
    };
  }
  return { key: "notice.producer.rejected", params: { name, reason: reason ?? "" } };
}
