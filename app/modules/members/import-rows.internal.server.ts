import { normalizePhone } from "~/lib/contact";
import type { Locale } from "~/lib/i18n/locales";
import { t, type MessageKey, type MessageParams } from "~/lib/i18n/translate";
import { isPastOrToday, MEMBER_LIMITS } from "~/lib/schemas/members";
import { foldVietnamese, textProblem } from "~/lib/text";
import { wholeNumberCell } from "~/modules/import/rows.server";
import type { ConsentForm, HouseholdStatus } from "~db/schema";

/**
 * One row of a member import checked cell by cell (import.server.ts reads the file and writes
 * the rows): each problem is worded in the importer's language with its row and column.
 */

/** A problem of the file, in the importer's language. */
export interface MemberRowProblem {
  row: number;
  column: string;
  message: string;
}

/** A row ready to be written. */
export interface PlannedMember {
  row: number;
  orgUnitId: number;
  fullName: string;
  birthYear: number | null;
  phone: string | null;
  joinedOn: string;
  producerId: number | null;
  ethnicGroup: string | null;
  householdStatus: HouseholdStatus | null;
  hasDisability: boolean | null;
  consentGivenOn: string | null;
  consentForm: ConsentForm | null;
}

// Spreadsheet words for the coded values, folded: the codes themselves and the Vietnamese.
const HOUSEHOLD_WORDS: Record<string, HouseholdStatus> = {
  none: "none",
  khong: "none",
  near_poor: "near_poor",
  "can ngheo": "near_poor",
  poor: "poor",
  ngheo: "poor",
};
const YES_NO_WORDS: Record<string, boolean> = { yes: true, co: true, no: false, khong: false };
const CONSENT_WORDS: Record<string, ConsentForm> = {
  paper: "paper",
  giay: "paper",
  "van ban": "paper",
  verbal: "verbal",
  "loi noi": "verbal",
  electronic: "electronic",
  "dien tu": "electronic",
};

/** The cells of one row, collecting its problems. */
export class RowCheck {
  private readonly before: number;

  constructor(
    readonly row: number,
    private readonly values: Record<string, string>,
    private readonly problems: MemberRowProblem[],
    private readonly locale: Locale,
  ) {
    this.before = problems.length;
  }

  get hasProblems(): boolean {
    return this.problems.length > this.before;
  }

  problem(column: string, key: MessageKey, params?: MessageParams): void {
    this.problems.push({ row: this.row, column, message: t(this.locale, key, params) });
  }

  /** A cell; the apostrophe an export puts before = + - @ is taken off again. */
  cell(column: string): string {
    const value = this.values[column] ?? "";
    return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
  }

  text(column: string, max: number, required: MessageKey | null): string {
    const value = this.cell(column);
    if (textProblem(value, "line")) this.problem(column, "members.import.row.text");
    else if (!value && required) this.problem(column, required);
    else if (value.length > max) this.problem(column, "import.row.tooLong", { max });
    return value;
  }

  word<T>(column: string, words: Record<string, T>, key: MessageKey): T | null {
    const value = this.cell(column);
    if (!value) return null;
    const found = words[foldVietnamese(value).replace(/\s+/g, " ")];
    if (found === undefined) this.problem(column, key);
    return found ?? null;
  }

  day(column: string, key: MessageKey, today: string): string | null {
    const value = this.cell(column);
    if (!value) return null;
    if (!isPastOrToday(value, today)) this.problem(column, key);
    return value;
  }
}

/** What the rows are checked against: the units, producers and members already recorded. */
export interface Lookups {
  /** Units by code: the id when the actor may manage it, null when it is outside her reach. */
  units: Map<string, number | null>;
  producers: Map<string, number | null>;
  existing: Set<string>;
}

/** Two members are the same when their folded name, year of birth and unit are. */
export const memberKey = (fullName: string, birthYear: number | null, orgUnitId: number) =>
  `${foldVietnamese(fullName)}|${birthYear ?? ""}|${orgUnitId}`;

/** Checks one row; the member to write, or null when the row has a problem. */
export function checkRow(
  check: RowCheck,
  found: Lookups,
  today: string,
  seen: Set<string>,
): PlannedMember | null {
  const fullName = check.text("full_name", MEMBER_LIMITS.nameMax, "members.import.row.nameMissing");
  if (fullName && fullName.length < MEMBER_LIMITS.nameMin) {
    check.problem("full_name", "members.error.fullName");
  }
  let birthYear: number | null = null;
  if (check.cell("birth_year")) {
    const year = wholeNumberCell(check.cell("birth_year"));
    const max = Number(today.slice(0, 4));
    if (!Number.isSafeInteger(year) || year < MEMBER_LIMITS.minBirthYear || year > max) {
      check.problem("birth_year", "members.error.birthYear");
    } else birthYear = year;
  }
  let phone: string | null = null;
  if (check.cell("phone")) {
    phone = normalizePhone(check.cell("phone"));
    if (!phone) check.problem("phone", "import.row.phone");
  }
  const joinedOn = check.day("joined_on", "members.import.row.day", today);
  if (!check.cell("joined_on")) check.problem("joined_on", "members.import.row.joinedMissing");
  const unitCode = check.cell("org_unit_code");
  const orgUnitId = found.units.get(unitCode);
  if (!unitCode) check.problem("org_unit_code", "import.row.orgUnitMissing");
  else if (orgUnitId === undefined) {
    check.problem("org_unit_code", "import.row.orgUnitUnknown", { code: unitCode });
  } else if (orgUnitId === null) check.problem("org_unit_code", "import.row.orgUnitOutOfScope");
  const producerCode = check.cell("producer_code");
  const producerId = producerCode ? found.producers.get(producerCode) : null;
  if (producerCode && producerId === undefined) {
    check.problem("producer_code", "import.row.producerUnknown", { code: producerCode });
  } else if (producerCode && producerId === null) {
    check.problem("producer_code", "import.row.producerOutOfScope");
  }
  const ethnicGroup = check.text("ethnic_group", MEMBER_LIMITS.ethnicGroupMax, null) || null;
  const householdStatus = check.word(
    "household_status",
    HOUSEHOLD_WORDS,
    "members.import.row.household",
  );
  const hasDisability = check.word("has_disability", YES_NO_WORDS, "members.import.row.yesNo");
  const consentGivenOn = check.day("consent_given_on", "members.import.row.day", today);
  const consentForm = check.word("consent_form", CONSENT_WORDS, "members.import.row.consentForm");
  const hasConsent = Boolean(check.cell("consent_given_on") || check.cell("consent_form"));
  if (hasConsent && !check.cell("consent_given_on")) {
    check.problem("consent_given_on", "members.import.row.consentIncomplete");
  }
  if (hasConsent && !check.cell("consent_form")) {
    check.problem("consent_form", "members.import.row.consentIncomplete");
  }
  if (!hasConsent) {
    for (const column of ["ethnic_group", "household_status", "has_disability"]) {
      if (check.cell(column)) check.problem(column, "members.import.row.needsConsent");
    }
  }
  if (typeof orgUnitId === "number" && fullName) {
    const key = memberKey(fullName, birthYear, orgUnitId);
    if (found.existing.has(key)) check.problem("full_name", "members.import.row.exists");
    else if (seen.has(key)) check.problem("full_name", "members.import.row.twice");
    seen.add(key);
  }
  if (check.hasProblems || typeof orgUnitId !== "number" || !joinedOn) return null;
  return {
    row: check.row,
    orgUnitId,
    fullName,
    birthYear,
    phone,
    joinedOn,
    producerId: producerId ?? null,
    ethnicGroup,
    householdStatus,
    hasDisability,
    consentGivenOn,
    consentForm,
  };
}
