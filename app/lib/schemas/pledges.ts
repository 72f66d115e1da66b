import { z } from "zod";
import { normalizePhone } from "~/lib/contact";
import type { MessageKey } from "~/lib/i18n/translate";
import { UNIT_OPTIONS } from "~/lib/units";
import type { PartnerKind } from "~db/schema";
import { longText, singleLineText, wholeNumber } from "./fields";

/**
 * The pledge forms of support campaigns (issue 16): a business buyer's pledge to buy, the
 * staff's pledge for an organisation, a new partner, staff approving or declining, and the
 * buyer's own actions on her pledges. Shared by conform in the browser and the actions.
 * Messages are i18n keys (app/lib/i18n/pledges.vi.ts).
 */

export const PLEDGE_LIMITS = {
  goodsMax: 150,
  noteMax: 1000,
  partnerNameMax: 200,
  reasonMax: 500,
  maxQuantity: 1_000_000_000,
  /** A pledge is kept by this many days after the campaign's last day at the latest. */
  byDateDaysAfterEnd: 60,
} as const;

const L = PLEDGE_LIMITS;

/** The partner kinds in the order forms offer them (db/schema/campaigns.ts PARTNER_KINDS). */
export const PARTNER_KIND_OPTIONS = [
  "business",
  "social_enterprise",
  "charity",
  "organisation",
  "other",
] as const satisfies readonly PartnerKind[];

const line = (max: number, message: MessageKey) =>
  singleLineText(message).pipe(z.string().min(1, message).max(max, message));

const isoDay = z
  .string({ required_error: "pledges.error.byDate" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "pledges.error.byDate")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "pledges.error.byDate");

const id = (message: MessageKey) =>
  z
    .string({ required_error: message })
    .regex(/^\d{1,12}$/, message)
    .transform(Number);

/** What a pledge promises: goods (words, and maybe one listing of the campaign), quantity, date. */
export const pledgeFields = {
  goods: line(L.goodsMax, "pledges.error.goods"),
  /** A listing of the campaign, by id; blank when the goods are described in words only. */
  listingId: id("validation.choice").optional(),
  quantity: wholeNumber({
    min: 1,
    max: L.maxQuantity,
    message: "pledges.error.quantity",
    tooLarge: "pledges.error.quantity",
  }),
  unit: z.enum(UNIT_OPTIONS, {
    required_error: "validation.choice",
    message: "validation.choice",
  }),
  byDate: isoDay,
  note: longText().pipe(z.string().max(L.noteMax, "pledges.error.note")).default(""),
};

export const pledgeSchema = z.object(pledgeFields);
export type PledgeInput = z.infer<typeof pledgeSchema>;

const buyerPhone = z
  .string()
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "pledges.error.phone" });
      return z.NEVER;
    }
    return phone;
  })
  .optional();

/** An organisation standing behind the campaign; the phone links its buyer account, if any. */
export const partnerFields = {
  partnerName: line(L.partnerNameMax, "pledges.error.partnerName"),
  partnerKind: z.enum(PARTNER_KIND_OPTIONS, {
    required_error: "validation.choice",
    message: "validation.choice",
  }),
  buyerPhone,
};

export const partnerSchema = z.object(partnerFields);
export type PartnerInput = z.infer<typeof partnerSchema>;

/** The staff page's forms, told apart by `intent`. */
export const staffPledgeActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("pledge"), ...pledgeFields, ...partnerFields }),
  z.object({ intent: z.literal("partner"), ...partnerFields }),
  z.object({ intent: z.literal("approve"), pledgeId: id("validation.choice") }),
  z.object({
    intent: z.literal("decline"),
    pledgeId: id("validation.choice"),
    reason: line(L.reasonMax, "pledges.error.reason"),
  }),
]);
export type StaffPledgeAction = z.infer<typeof staffPledgeActionSchema>;
export type StaffPledgeInput = Extract<StaffPledgeAction, { intent: "pledge" }>;

export const BUYER_PLEDGE_INTENTS = ["withdraw", "request", "cart"] as const;

/** The buyer's buttons on /tai-khoan/cam-ket. */
export const buyerPledgeActionSchema = z.object({
  intent: z.enum(BUYER_PLEDGE_INTENTS, { message: "validation.choice" }),
  pledgeId: id("validation.choice"),
});
