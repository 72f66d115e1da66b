import type { ModerationDecision } from "~/lib/schemas/listing";
import type { LocalizedMessage } from "./notify.server";

type Intent = ModerationDecision["intent"];

/** What a producer's members read in the bell after a decision on a listing. */
export function listingDecisionMessage(
  intent: Intent,
  title: string,
  reason: string | null,
): LocalizedMessage {
  const why = reason ?? "";
  switch (intent) {
    case "approve":
      return {
        vi: {
          title: `Sản phẩm “${title}” đã được duyệt`,
          body: "Sản phẩm đã hiển thị cho người mua.",
        },
        en: { title: `“${title}” was approved`, body: "Buyers can now see the product." },
      };
    case "reject":
      return {
        vi: { title: `Sản phẩm “${title}” không được duyệt`, body: `Lý do: ${why}` },
        en: { title: `“${title}” was rejected`, body: `Reason: ${why}` },
      };
    case "request_changes":
      return {
        vi: { title: `Cần sửa sản phẩm “${title}”`, body: `Góp ý của cán bộ Hội: ${why}` },
        en: { title: `Changes requested on “${title}”`, body: `The Union's note: ${why}` },
      };
  }
}

/** The same for an edit (revision) of a published listing. */
export function revisionDecisionMessage(
  intent: Intent,
  title: string,
  reason: string | null,
): LocalizedMessage {
  const why = reason ?? "";
  switch (intent) {
    case "approve":
      return {
        vi: {
          title: `Thay đổi của “${title}” đã được duyệt`,
          body: "Nội dung mới đã hiển thị cho người mua.",
        },
        en: {
          title: `Your edit of “${title}” was approved`,
          body: "Buyers now see the new version.",
        },
      };
    case "reject":
      return {
        vi: {
          title: `Thay đổi của “${title}” không được duyệt`,
          body: `Lý do: ${why}. Phiên bản cũ vẫn hiển thị.`,
        },
        en: {
          title: `Your edit of “${title}” was rejected`,
          body: `Reason: ${why}. The published version stays.`,
        },
      };
    case "request_changes":
      return {
        vi: { title: `Cần sửa lại thay đổi của “${title}”`, body: `Góp ý của cán bộ Hội: ${why}` },
        en: {
          title: `Changes requested on your edit of “${title}”`,
          body: `The Union's note: ${why}`,
        },
      };
  }
}

/** For a producer application. */
export function producerDecisionMessage(
  intent: Intent,
  name: string,
  reason: string | null,
): LocalizedMessage {
  if (intent === "approve") {
    return {
      vi: {
        title: `${name} đã được xác minh`,
        body: "Các sản phẩm đã duyệt sẽ hiển thị cho người mua.",
      },
      en: { title: `${name} is verified`, body: "Approved products are now shown to buyers." },
    };
  }
  return {
    vi: { title: `Hồ sơ ${name} chưa được xác minh`, body: `Lý do: ${reason ?? ""}` },
    en: { title: `${name} was not verified`, body: `Reason: ${reason ?? ""}` },
  };
}
