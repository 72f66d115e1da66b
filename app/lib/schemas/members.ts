import { z } from "zod";
import { normalizePhone } from "~/lib/contact";
import { dayNumber, vietnamToday } from "~/lib/dates";
import type { MessageKey } from "~/lib/i18n/translate";
import { textProblem } from "~/lib/text";
import type { ConsentForm, HouseholdStatus } from "~db/schema";
import { singleLineText, wholeNumber } from "./fields";

/**
 * The Union's member and officer forms (/quan-ly/hoi-vien), shared by the pages (conform)
 * and the actions; the import checks its cells with the same limits. Messages are i18n keys
 * of the `members` catalog.
 */

export const MEMBER_LIMITS = {
  nameMin: 2,
  nameMax: 120,
  positionMax: 80,
  ethnicGroupMax: 40,
  codeMax: 40,
  minBirthYear: 1900,
} as const;

const L = MEMBER_LIMITS;

/** The schema's values (db/schema/union.ts), repeated here so the browser needs no drizzle. */
export const HOUSEHOLD_OPTIONS = [
  "none",
  "near_poor",
  "poor",
] as const satisfies readonly HouseholdStatus[];
export const CONSENT_FORM_OPTIONS = [
  "paper",
  "verbal",
  "electronic",
] as const satisfies readonly ConsentForm[];

/** A past or present calendar day (YYYY-MM-DD), never a future one. */
export function isPastOrToday(day: string, today = vietnamToday()): boolean {
  return !Number.isNaN(dayNumber(day)) && isRealDay(day) && day <= today;
}

/** Whether YYYY-MM-DD names a day that exists (not 2026-02-30). */
function isRealDay(day: string): boolean {
  const n = dayNumber(day);
  return !Number.isNaN(n) && new Date(n * 86_400_000).toISOString().slice(0, 10) === day;
}

const pastDay = (message: MessageKey) =>
  z
    .string({ required_error: message, invalid_type_error: message })
    .refine((value) => isPastOrToday(value), message);

const anyDay = (message: MessageKey) =>
  z.string({ required_error: message, invalid_type_error: message }).refine(isRealDay, message);

const fullName = singleLineText("members.error.fullName").pipe(
  z.string().min(L.nameMin, "members.error.fullName").max(L.nameMax, "members.error.fullName"),
);

const code = (message: MessageKey) =>
  singleLineText(message).pipe(z.string().min(1, message).max(L.codeMax, message));

/** An optional mobile number, stored as +84…; blank is none. */
const optionalPhone = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === "") return null;
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "members.error.phone" });
      return z.NEVER;
    }
    return phone;
  });

/** A member's record without the sensitive fields (those come with a consent). */
export const memberSchema = z.object({
  fullName,
  birthYear: wholeNumber({
    min: L.minBirthYear,
    max: new Date().getFullYear(),
    message: "members.error.birthYear",
  }).optional(),
  phone: optionalPhone,
  joinedOn: pastDay("members.error.joinedOn"),
  unitCode: code("members.error.unit"),
  producerCode: code("members.error.producer").optional(),
});

export type MemberInput = z.infer<typeof memberSchema>;

/**
 * A consent recorded by staff (decree 13/2023/NĐ-CP) and the sensitive fields it allows:
 * ethnic group, household status, disability.
 */
export const consentSchema = z.object({
  consentGivenOn: pastDay("members.error.consentDate"),
  consentForm: z.enum(CONSENT_FORM_OPTIONS, { message: "members.error.consentForm" }),
  ethnicGroup: singleLineText("members.error.ethnicGroup")
    .pipe(z.string().max(L.ethnicGroupMax, "members.error.ethnicGroup"))
    .optional(),
  householdStatus: z.enum(HOUSEHOLD_OPTIONS, { message: "members.error.household" }).optional(),
  hasDisability: z.enum(["yes", "no"], { message: "members.error.disability" }).optional(),
});

export type ConsentInput = z.infer<typeof consentSchema>;

/** Erasing a record on request: staff tick that the member asked for it. */
export const eraseSchema = z.object({
  confirm: z.literal("yes", {
    errorMap: () => ({ message: "members.error.eraseConfirm" }),
  }),
});

/** An officer (cán bộ hội): position on a unit for a term, full-time or not. */
export const officerSchema = z
  .object({
    fullName,
    position: singleLineText("members.error.position").pipe(
      z.string().min(2, "members.error.position").max(L.positionMax, "members.error.position"),
    ),
    unitCode: code("members.error.unit"),
    termStart: anyDay("members.error.termStart"),
    termEnd: anyDay("members.error.termEnd").optional(),
    fullTime: z.boolean().optional().default(false),
    phone: optionalPhone,
  })
  .superRefine((value, ctx) => {
    if (value.termEnd && value.termEnd < value.termStart) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["termEnd"],
        message: "members.error.termOrder",
      });
    }
  });

export type OfficerInput = z.infer<typeof officerSchema>;

/** The list's filters as the query says them (`?don-vi=QT-VINHLINH&nha-san-xuat=SX001&q=Lan`). */
export interface MemberFilters {
  unitCode: string | null;
  producerCode: string | null;
  query: string | null;
}

/** The list's filters from a URL query: unknown or oversized values are dropped, never an error. */
export function memberFiltersOf(params: URLSearchParams): MemberFilters {
  const pick = (name: string, max: number) => {
    const value = (params.get(name) ?? "").normalize("NFC").trim();
    return value && value.length <= max && !textProblem(value, "line") ? value : null;
  };
  return {
    unitCode: pick("don-vi", L.codeMax),
    producerCode: pick("nha-san-xuat", L.codeMax),
    query: pick("q", L.nameMax),
  };
}

/** The filters back as a query string (`?…` or ""), for the export links and pagination. */
export function memberFiltersQuery(filters: MemberFilters): string {
  const params = new URLSearchParams();
  if (filters.unitCode) params.set("don-vi", filters.unitCode);
  if (filters.producerCode) params.set("nha-san-xuat", filters.producerCode);
  if (filters.query) params.set("q", filters.query);
  const query = params.toString();
  return query ? `?${query}` : "";
}
