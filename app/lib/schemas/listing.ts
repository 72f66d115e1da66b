import { z } from "zod";
import { UNIT_OPTIONS } from "~/lib/units";
import { longText, money, parseWholeNumber, singleLineText, wholeNumber } from "./fields";
import type { MessageKey } from "~/lib/i18n/translate";
import type { CertificationKind, Unit } from "~db/schema";

/**
 * One schema per form of the supply side, used by the browser (conform) and by the action
 * (parseWithZod) alike. Error messages are i18n keys (app/lib/i18n), shown with `t()`.
 * The option lists mirror db/schema (imported as types only, so the client bundle does not
 * pull in drizzle); the `satisfies` checks keep them equal.
 */

// Units live in a zod-free module: public pages need their labels, not the form schemas.
export { UNIT_OPTIONS } from "~/lib/units";

export const CERTIFICATION_OPTIONS = [
  "VietGAP",
  "hữu cơ",
  "HACCP",
  "chỉ dẫn địa lý",
] as const satisfies readonly CertificationKind[];

// Compile-time proof that no unit or certification kind of the database is missing here.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
export const _unitsComplete: Missing<Unit, (typeof UNIT_OPTIONS)[number]> = true;
export const _certificationsComplete: Missing<
  CertificationKind,
  (typeof CERTIFICATION_OPTIONS)[number]
> = true;

export const OCOP_STAR_OPTIONS = [0, 3, 4, 5] as const;
export const MAX_LISTING_IMAGES = 8;
export const MAX_PRODUCER_IMAGES = 8;

/** What waits in the moderation queue. */
export const QUEUE_KINDS = ["listing", "revision", "producer"] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/** "120.000", "120 000", "120,000 đ" → 120000; a decimal ("12,5") or anything else → NaN. */
export function parseVnd(input: string): number {
  const parsed = parseWholeNumber(input, { currency: true });
  return "value" in parsed ? parsed.value : Number.NaN;
}

/** "Tiêu đen, gia vị; quà" → ["tiêu đen", "gia vị", "quà"] (NFC, lower case, no repeats). */
export function parseTags(input: string): string[] {
  const tags = input
    .normalize("NFC")
    .split(/[;,\n]/)
    .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, " "))
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)];
}

const nfc = (max: number, message: MessageKey) =>
  singleLineText(message).pipe(z.string().min(1, message).max(max, "form.error.tooLong"));

/** Optional text of one line (`long`: several lines); blank is null. */
const optionalText = (max: number, kind: "line" | "long" = "line") =>
  (kind === "line" ? singleLineText() : longText())
    .pipe(z.string().max(max, "form.error.tooLong"))
    .optional()
    .transform((value) => value || null);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "form.error.date")
  .refine((value) => !Number.isNaN(Date.parse(value)), "form.error.date");
const optionalDate = isoDate.optional().transform((value) => value ?? null);

const CertificationInput = z.object({
  kind: z.enum(CERTIFICATION_OPTIONS),
  held: z.boolean().optional().default(false),
  certificateNo: optionalText(60),
  issuedOn: optionalDate,
  expiresOn: optionalDate,
});

/** The listing form (create and edit). */
export const ListingFormSchema = z
  .object({
    title: nfc(120, "listing.error.title"),
    categoryId: z
      .number({
        required_error: "listing.error.category",
        invalid_type_error: "listing.error.category",
      })
      .int()
      .positive("listing.error.category"),
    description: optionalText(5000, "long").transform((value) => value ?? ""),
    priceVnd: money({ min: 1, max: 1e9, message: "listing.error.price" }),
    unit: z.enum(UNIT_OPTIONS, { errorMap: () => ({ message: "listing.error.unit" }) }),
    minOrderQty: wholeNumber({ min: 1, max: 1e9, message: "listing.error.minOrder" }),
    stock: wholeNumber({ min: 0, max: 1e9, message: "listing.error.stock" }),
    season: optionalText(40).transform((value) => value ?? "quanh năm"),
    tags: optionalText(400).transform((value) => parseTags(value ?? "").slice(0, 15)),
    ocopStars: z.coerce
      .number()
      .refine(
        (value) => OCOP_STAR_OPTIONS.some((stars) => stars === value),
        "listing.error.ocopStars",
      )
      .default(0),
    ocopCertificateNo: optionalText(60),
    ocopIssuedOn: optionalDate,
    ocopExpiresOn: optionalDate,
    certifications: z.array(CertificationInput).max(CERTIFICATION_OPTIONS.length).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.ocopStars > 0) {
      if (!value.ocopCertificateNo) {
        ctx.addIssue({
          code: "custom",
          path: ["ocopCertificateNo"],
          message: "listing.error.ocopCertificate",
        });
      }
      if (!value.ocopIssuedOn) {
        ctx.addIssue({
          code: "custom",
          path: ["ocopIssuedOn"],
          message: "listing.error.ocopDates",
        });
      }
      if (!value.ocopExpiresOn) {
        ctx.addIssue({
          code: "custom",
          path: ["ocopExpiresOn"],
          message: "listing.error.ocopDates",
        });
      }
    }
    if (value.ocopIssuedOn && value.ocopExpiresOn && value.ocopIssuedOn >= value.ocopExpiresOn) {
      ctx.addIssue({ code: "custom", path: ["ocopExpiresOn"], message: "listing.error.dateOrder" });
    }
    value.certifications.forEach((cert, index) => {
      if (cert.held && cert.issuedOn && cert.expiresOn && cert.issuedOn >= cert.expiresOn) {
        ctx.addIssue({
          code: "custom",
          path: ["certifications", index, "expiresOn"],
          message: "listing.error.dateOrder",
        });
      }
    });
  })
  .transform((value) => ({
    ...value,
    // Without stars there is no OCOP certificate; keep the row consistent with the CHECKs.
    ocopCertificateNo: value.ocopStars > 0 ? value.ocopCertificateNo : null,
    ocopIssuedOn: value.ocopStars > 0 ? value.ocopIssuedOn : null,
    ocopExpiresOn: value.ocopStars > 0 ? value.ocopExpiresOn : null,
    certifications: value.certifications
      .filter((cert) => cert.held)
      .map(({ kind, certificateNo, issuedOn, expiresOn }) => ({
        kind,
        certificateNo,
        issuedOn,
        expiresOn,
      })),
  }));

export type ListingInput = z.output<typeof ListingFormSchema>;

/** Workspace actions on one listing that carry no fields besides the intent. */
export const ListingIntentSchema = z.object({
  intent: z.enum(["submit", "duplicate", "archive", "restore"]),
  confirm: z.literal("yes").optional(),
});

/** The image panel of the listing page. */
export const ImageActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("image-cover"), imageId: z.number().int().positive() }),
  z.object({
    intent: z.literal("image-move"),
    imageId: z.number().int().positive(),
    direction: z.enum(["up", "down"]),
  }),
  z.object({
    intent: z.literal("image-delete"),
    imageId: z.number().int().positive(),
    confirm: z.literal("yes").optional(),
  }),
]);

/** The longest pickup hours a producer may write: one short line. */
export const PICKUP_HOURS_MAX = 80;

/** The producer profile form (the bank account has its own form: schemas/bank.ts). */
export const ProducerProfileSchema = z.object({
  story: optionalText(3000, "long").transform((value) => value ?? ""),
  address: nfc(300, "profile.error.address"),
  phone: singleLineText("profile.error.phone")
    .optional()
    .transform((value) => (value ? value.replace(/[\s.-]/g, "") : null))
    .refine(
      (value) => value === null || /^(0|\+84)[35789]\d{8}$/.test(value),
      "profile.error.phone",
    ),
  /** A checkbox: sent as "on" when ticked, absent when not (then the phone stays private). */
  showPhone: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
  email: z
    .string()
    .email("profile.error.email")
    .optional()
    .transform((value) => value?.toLowerCase() ?? null),
  deliveryFeeVnd: z
    .string()
    .optional()
    .transform((value) => value ?? "0")
    .pipe(money({ min: 0, max: 10_000_000, message: "profile.error.deliveryFee" })),
  /** When buyers may collect a pickup order ("7:00–17:00 hằng ngày"); empty is not said. */
  pickupHours: singleLineText("checkoutFlow.error.pickupHours")
    .pipe(z.string().max(PICKUP_HOURS_MAX, "checkoutFlow.error.pickupHours"))
    .optional()
    .transform((value) => value || null),
});

export type ProducerProfileInput = z.output<typeof ProducerProfileSchema>;

/** A moderator's decision on one queue item; a reason is required to reject or ask for changes. */
export const ModerationDecisionSchema = z
  .object({
    intent: z.enum(["approve", "reject", "request_changes"]),
    reason: optionalText(1000, "long"),
  })
  .superRefine((value, ctx) => {
    if (value.intent !== "approve" && (!value.reason || value.reason.length < 5)) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "moderation.error.reason" });
    }
  });

export type ModerationDecision = z.output<typeof ModerationDecisionSchema>;

/** Queue items are named "listing:12", "revision:5" or "producer:3". */
const QueueItemRef = z
  .string()
  .regex(/^(listing|revision|producer):\d+$/)
  .transform((value) => {
    const [kind, id] = value.split(":");
    return { kind: kind as "listing" | "revision" | "producer", id: Number(id) };
  });

export const BulkApproveSchema = z.object({
  intent: z.literal("bulk_approve"),
  items: z.array(QueueItemRef).min(1, "moderation.error.noneSelected").max(200),
});
