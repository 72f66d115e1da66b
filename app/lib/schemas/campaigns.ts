import { z } from "zod";
import { dayNumber } from "~/lib/dates";
import type { MessageKey } from "~/lib/i18n/translate";
import { UNIT_OPTIONS } from "~/lib/units";
import type { CampaignKind } from "~db/schema";
import { longText, money, singleLineText, wholeNumber } from "./fields";

/**
 * Staff's campaign forms (issue 16): the campaign itself (create and edit) and the actions of
 * its page. Messages are keys of the `campaigns` catalog.
 */

/** The kinds of campaign, in the order the form offers them (no database code in the browser). */
export const CAMPAIGN_KIND_OPTIONS = [
  "disaster_recovery",
  "harvest_glut",
  "disadvantaged_group",
  "other",
] as const satisfies readonly CampaignKind[];

// Compile-time proof that no kind of the database is missing here.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
export const _kindsComplete: Missing<CampaignKind, (typeof CAMPAIGN_KIND_OPTIONS)[number]> = true;

export const CAMPAIGN_LIMITS = {
  titleMin: 3,
  titleMax: 150,
  storyMax: 5000,
  coverAltMax: 200,
  noteMax: 1000,
  targetVndMax: 1_000_000_000_000,
  targetQuantityMax: 10_000_000,
} as const;

/** Whether YYYY-MM-DD names a day that exists (not 2026-02-30). */
export function isRealDay(day: string): boolean {
  const n = dayNumber(day);
  return !Number.isNaN(n) && new Date(n * 86_400_000).toISOString().slice(0, 10) === day;
}

const day = (message: MessageKey) =>
  z.string({ required_error: message, invalid_type_error: message }).refine(isRealDay, message);

const id = (message: MessageKey) => z.coerce.number({ message }).int(message).positive(message);

export const CampaignSchema = z
  .object({
    title: singleLineText("campaigns.error.title").pipe(
      z
        .string()
        .min(CAMPAIGN_LIMITS.titleMin, "campaigns.error.title")
        .max(CAMPAIGN_LIMITS.titleMax, "campaigns.error.title"),
    ),
    story: longText("campaigns.error.story")
      .pipe(z.string().max(CAMPAIGN_LIMITS.storyMax, "campaigns.error.story"))
      .optional()
      .transform((value) => value ?? ""),
    kind: z.enum(CAMPAIGN_KIND_OPTIONS, { errorMap: () => ({ message: "campaigns.error.kind" }) }),
    orgUnitId: id("campaigns.error.orgUnit"),
    startsOn: day("campaigns.error.date"),
    endsOn: day("campaigns.error.date"),
    targetVnd: money({
      min: 1,
      max: CAMPAIGN_LIMITS.targetVndMax,
      message: "campaigns.error.targetVnd",
    }).optional(),
    targetQuantity: wholeNumber({
      min: 1,
      max: CAMPAIGN_LIMITS.targetQuantityMax,
      message: "campaigns.error.targetQuantity",
    }).optional(),
    targetUnit: z
      .enum(UNIT_OPTIONS, { errorMap: () => ({ message: "campaigns.error.targetUnit" }) })
      .optional(),
    coverAlt: singleLineText("campaigns.error.coverAlt")
      .pipe(z.string().max(CAMPAIGN_LIMITS.coverAltMax, "campaigns.error.coverAlt"))
      .optional()
      .transform((value) => value ?? ""),
  })
  .superRefine((value, ctx) => {
    if (isRealDay(value.startsOn) && isRealDay(value.endsOn) && value.endsOn < value.startsOn) {
      ctx.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "campaigns.error.endsBeforeStart",
      });
    }
    if (value.targetVnd === undefined && value.targetQuantity === undefined) {
      ctx.addIssue({ code: "custom", path: ["targetVnd"], message: "campaigns.error.target" });
    }
    if (value.targetQuantity !== undefined && value.targetUnit === undefined) {
      ctx.addIssue({ code: "custom", path: ["targetUnit"], message: "campaigns.error.targetUnit" });
    }
  });

export type CampaignInput = z.output<typeof CampaignSchema>;

const producerId = id("campaigns.error.producer");
const confirmed = z.literal("yes", { errorMap: () => ({ message: "campaigns.error.confirm" }) });

/** The ticked listings of a producer: none, one or several `listingId` fields. */
const listingIds = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(id("campaigns.error.listingNotHers")),
);

/** The forms of a campaign's staff page, told apart by `intent`. */
export const CampaignActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("end"), confirm: confirmed }),
  z.object({ intent: z.literal("add"), producerId }),
  z.object({ intent: z.literal("remove"), producerId, confirm: confirmed }),
  z.object({ intent: z.literal("approve"), producerId }),
  z.object({
    intent: z.literal("decline"),
    producerId,
    note: longText("campaigns.error.note")
      .pipe(z.string().max(CAMPAIGN_LIMITS.noteMax, "campaigns.error.note"))
      .optional()
      .transform((value) => value ?? ""),
  }),
  z.object({ intent: z.literal("listings"), producerId, listingId: listingIds }),
]);

export type CampaignAction = z.output<typeof CampaignActionSchema>;
