/**
 * How an audit entry's before/after states are shown: flattened to one line per field, with
 * the personal fields hidden from readers who are not admins over the entry's unit (issue 13;
 * docs/decisions/022-member-records-and-privacy.md). Pure, so it is tested without a database.
 */

export interface AuditField {
  /** The field's path in the stored state, e.g. `status` or `published.title`. */
  path: string;
  /** The value as text (JSON for lists), or null when masked. */
  value: string | null;
  masked: boolean;
}

/** Entity types whose every field is a member record's (union members and officers). */
const MEMBER_ENTITIES = new Set(["union_member", "union_officer"]);

/**
 * Field names that carry a person's data: contact details, names of persons, addresses, bank
 * accounts, identity. Matched on the last part of a path, case-insensitively, without `_`.
 */
const PERSONAL_FIELD =
  /(phone|email|fullname|displayname|contactname|holdername|accountname|accountnumber|holder|address|birth|idnumber|identity|taxcode|buyername|membername|recipient)/;

/** The longest value shown; audit states can hold whole listings. */
const MAX_VALUE_LENGTH = 300;

function isPersonal(path: string): boolean {
  const last = path.split(".").pop() ?? path;
  return PERSONAL_FIELD.test(last.toLowerCase().replaceAll("_", ""));
}

function text(value: unknown): string {
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return shown.length > MAX_VALUE_LENGTH ? `${shown.slice(0, MAX_VALUE_LENGTH)}…` : shown;
}

function flatten(value: unknown, path: string, out: { path: string; value: unknown }[]): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) {
      flatten(inner, path ? `${path}.${key}` : key, out);
    }
    return;
  }
  out.push({ path: path || "value", value });
}

/**
 * One stored state as lines; with `mask`, personal fields (and, for member records, every
 * field) come back with `value: null` and `masked: true`.
 */
export function auditFields(state: unknown, entityType: string, mask: boolean): AuditField[] {
  if (state === null || state === undefined) return [];
  const lines: { path: string; value: unknown }[] = [];
  flatten(state, "", lines);
  const wholeRecord = MEMBER_ENTITIES.has(entityType);
  return lines.map(({ path, value }) => {
    const masked = mask && (wholeRecord || isPersonal(path));
    return { path, value: masked ? null : text(value), masked };
  });
}
