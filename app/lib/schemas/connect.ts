import { z } from "zod";
import { UNIT_OPTIONS } from "~/lib/units";
import { longText, money, singleLineText, wholeNumber } from "./fields";

/**
 * The Union's connecting forms (/quan-ly/ket-noi): inviting a producer to a purchase request
 * and recording a deal made offline. Shared by the page (conform) and the action; messages
 * are i18n keys of the `connect` catalog.
 */

export const CONNECT_LIMITS = {
  noteMax: 500,
  buyerNameMin: 2,
  buyerNameMax: 150,
  goodsMin: 2,
  goodsMax: 200,
  maxQuantity: 1_000_000_000,
  /** 100 tỷ đồng: far above any deal a trade fair records, still a safe integer. */
  maxAmountVnd: 100_000_000_000,
} as const;

const L = CONNECT_LIMITS;

/** A purchase request's code as written on its page ("YC012"), upper-cased. */
const requestCode = singleLineText("connect.error.requestCode").pipe(
  z
    .string()
    .min(1, "connect.error.requestCode")
    .max(40, "connect.error.requestCode")
    .transform((code) => code.toUpperCase()),
);

/** A producer's code ("SX014") as the select sends it. */
const producerCode = singleLineText("connect.error.producer").pipe(
  z.string().min(1, "connect.error.producer").max(40, "connect.error.producer"),
);

/** Staff ask one producer of their subtree to answer a request. */
export const invitationSchema = z.object({
  requestCode,
  producerCode,
  note: longText()
    .pipe(z.string().max(L.noteMax, "connect.error.note"))
    .optional()
    .transform((note) => note ?? ""),
});

export type InvitationInput = z.infer<typeof invitationSchema>;

/** A deal made outside the platform (a trade fair, a matchmaking conference), for the reports. */
export const offlineDealSchema = z.object({
  buyerName: singleLineText("connect.error.buyerName").pipe(
    z
      .string()
      .min(L.buyerNameMin, "connect.error.buyerName")
      .max(L.buyerNameMax, "connect.error.buyerName"),
  ),
  producerCode,
  goods: singleLineText("connect.error.goods").pipe(
    z.string().min(L.goodsMin, "connect.error.goods").max(L.goodsMax, "connect.error.goods"),
  ),
  quantity: wholeNumber({ min: 1, max: L.maxQuantity, message: "connect.error.quantity" }),
  unit: z.enum(UNIT_OPTIONS, {
    required_error: "connect.error.unit",
    invalid_type_error: "connect.error.unit",
    message: "connect.error.unit",
  }),
  amountVnd: money({ min: 1, max: L.maxAmountVnd, message: "connect.error.amount" }),
  dealOn: z
    .string({ required_error: "connect.error.dealOn" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "connect.error.dealOn")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "connect.error.dealOn"),
  /** The request the deal answers, when there is one. */
  requestCode: requestCode.optional(),
});

export type OfflineDealInput = z.infer<typeof offlineDealSchema>;

/** The connecting page's own query: days, and each list's page (`?ngay=3&trang=2`). */
const LIST_PARAMS = ["ngay", "trang", "trang-chua-khop"] as const;

/**
 * The connecting page's query kept from `params` (whole numbers only), as `?…` or "": the
 * invite page links back with it, so staff return to the list page they came from.
 */
export function connectListQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of LIST_PARAMS) {
    const value = params.get(name);
    if (value && /^\d{1,4}$/.test(value)) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : "";
}
