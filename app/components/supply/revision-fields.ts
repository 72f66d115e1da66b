import type { MessageKey } from "~/lib/i18n";

const FIELDS = [
  "title",
  "description",
  "categoryId",
  "ocop",
  "certifications",
  "imageIds",
] as const;

/** The names of a revision's changed fields, joined for a sentence ("Tên, Ảnh"). */
export function revisionFieldNames(t: (key: MessageKey) => string, fields: string[]): string {
  return fields
    .map((field) => t(`moderation.field.${FIELDS.find((known) => known === field) ?? "title"}`))
    .join(", ");
}
