/**
 * Whether a listing's moderator note belongs to the previous review round: the producer
 * has sent the listing again since it was written (it is pending once more), so the note
 * speaks of a version she has since changed. Each decision stamps `moderationNoteAt`;
 * a note without a stamp predates the stamp and is read by the same rule.
 */
export function isPreviousRoundNote(listing: {
  status: string;
  moderationNote: string | null;
  moderationNoteAt: Date | string | number | null;
  updatedAt: Date | string | number;
}): boolean {
  if (listing.moderationNote === null || listing.status !== "pending") return false;
  if (listing.moderationNoteAt === null) return true;
  return new Date(listing.moderationNoteAt).getTime() <= new Date(listing.updatedAt).getTime();
}
