import { z } from "zod";
import type { ProducerKind, VerificationStatus } from "~db/schema";
import { longText, singleLineText, wholeNumber } from "./fields";

/**
 * The forms of staff's producer directory and producer page (/quan-ly/nha-san-xuat), and
 * the producer's resubmission after staff asked for changes. Messages are keys of the
 * `staffproducers` catalog.
 */

/** The schema's values (db/schema/producers.ts), repeated so the browser needs no drizzle. */
export const PRODUCER_STATUS_OPTIONS = [
  "pending",
  "changes_requested",
  "verified",
  "rejected",
  "suspended",
] as const satisfies readonly VerificationStatus[];
export const PRODUCER_KIND_FILTER_OPTIONS = [
  "htx",
  "tho",
  "hkd",
  "nhom",
] as const satisfies readonly ProducerKind[];

/** The directory's filters, read from the query string (a wrong value is simply no filter). */
export const DirectoryFiltersSchema = z.object({
  query: z
    .string()
    .trim()
    .max(100)
    .transform((value) => value.normalize("NFC"))
    .nullable()
    .catch(null)
    .transform((value) => value || null),
  status: z.enum(PRODUCER_STATUS_OPTIONS).nullable().catch(null),
  kind: z.enum(PRODUCER_KIND_FILTER_OPTIONS).nullable().catch(null),
  commune: z
    .string()
    .trim()
    .max(150)
    .nullable()
    .catch(null)
    .transform((value) => value || null),
  page: z.coerce.number().int().positive().catch(1),
});

export type DirectoryFilters = z.output<typeof DirectoryFiltersSchema>;

/** The filters of a directory URL (`q`, `trang-thai`, `loai`, `xa`, `trang`). */
export function directoryFiltersOf(params: URLSearchParams): DirectoryFilters {
  return DirectoryFiltersSchema.parse({
    query: params.get("q"),
    status: params.get("trang-thai"),
    kind: params.get("loai"),
    commune: params.get("xa"),
    page: params.get("trang") ?? 1,
  });
}

export const REASON_MIN = 5;
export const REASON_MAX = 1000;

const reason = longText("staffproducers.error.reason").pipe(
  z
    .string()
    .min(REASON_MIN, "staffproducers.error.reason")
    .max(REASON_MAX, "staffproducers.error.reasonTooLong"),
);

/**
 * What the producer page's forms send: suspend or reinstate the producer, or cancel one of
 * her open orders (a reason and a ticked confirmation, so it works without JavaScript), or
 * unpublish one of her listings.
 */
export const ProducerActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("suspend"),
    reason,
    confirm: z.literal("on", { message: "staffproducers.error.confirm" }),
  }),
  z.object({
    intent: z.literal("reinstate"),
    reason,
    confirm: z.literal("on", { message: "staffproducers.error.confirm" }),
  }),
  z.object({
    intent: z.literal("unpublish"),
    listingId: z.coerce.number().int().positive(),
    reason,
  }),
  z.object({
    intent: z.literal("cancelOrder"),
    orderId: z.coerce.number().int().positive(),
    reason,
    confirm: z.literal("on", { message: "staffproducers.error.confirm" }),
  }),
]);

export type ProducerAction = z.output<typeof ProducerActionSchema>;

const count = (min = 0) =>
  wholeNumber({ min, max: 100_000, message: "staffproducers.error.count" });

/** The application's figures, corrected by the producer before she sends it back. */
export const ResubmissionSchema = z
  .object({
    address: singleLineText("staffproducers.error.address").pipe(
      z.string().min(5, "staffproducers.error.address").max(300, "staffproducers.error.address"),
    ),
    membersTotal: count(1),
    membersWomen: count(),
    membersEthnicMinority: count(),
    membersPoorHousehold: count(),
    foundedYear: wholeNumber({
      min: 1900,
      max: new Date().getFullYear(),
      message: "staffproducers.error.foundedYear",
    }).optional(),
  })
  .superRefine((value, ctx) => {
    for (const field of [
      "membersWomen",
      "membersEthnicMinority",
      "membersPoorHousehold",
    ] as const) {
      if (value[field] > value.membersTotal) {
        ctx.addIssue({ code: "custom", path: [field], message: "staffproducers.error.countPart" });
      }
    }
  });

export type ResubmissionInput = z.output<typeof ResubmissionSchema>;
