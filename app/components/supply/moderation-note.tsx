import { formatDate, useLocale, useT } from "~/lib/i18n";
import { isPreviousRoundNote } from "~/lib/moderation-rounds";

/**
 * A listing's moderator note, for the producer's listing page and the staff review page: a
 * note of the previous review round (the listing was sent again since) says so, dated, so
 * nobody takes it for a verdict on the version now waiting.
 */
export function ModerationNote({
  listing,
}: {
  listing: {
    status: string;
    moderationNote: string | null;
    moderationNoteAt: Date | string | null;
    updatedAt: Date | string;
  };
}) {
  const t = useT();
  const locale = useLocale();
  const note = listing.moderationNote;
  if (note === null || listing.status === "published") return null;
  const date = listing.moderationNoteAt ? formatDate(listing.moderationNoteAt, locale) : null;
  const previous = isPreviousRoundNote(listing);
  const text = previous
    ? date
      ? t("oversight.previousRound", { date, note })
      : t("oversight.previousRoundUndated", { note })
    : date
      ? t("oversight.currentNote", { date, note })
      : t("listingEdit.moderationNote", { note });
  return (
    <p
      data-note-round={previous ? "previous" : "current"}
      className={`mt-4 rounded-lg px-4 py-3 ${previous ? "bg-stone-100 text-stone-700" : "bg-amber-50 text-amber-900"}`}
    >
      {text}
    </p>
  );
}
