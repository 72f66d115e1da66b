import { z } from "zod";
import { normalizeEmail } from "~/lib/contact";
import type { MessageKey } from "~/lib/i18n/translate";
import { findProvince } from "~/lib/provinces";
import { BUYER_KIND_OPTIONS, normalizeTaxCode } from "./auth";
import { longText, singleLineText } from "./fields";

/**
 * The business buyer's forms (issue 15, docs/decisions/029-care-business.md): her API tokens,
 * her business profile and a VAT-invoice request on an order, with the producer's answer.
 * The tax code follows the sign-up form's rule (`normalizeTaxCode`: 10 digits, or 13 for a
 * branch). Messages are i18n keys.
 */

export const TOKEN_NAME_MAX = 60;
export const COMPANY_NAME_MAX = 200;
export const INVOICE_ADDRESS_MAX = 300;
export const CITY_MAX = 100;
/** "AA/26E 0000123": the form and serial of an e-invoice with its number, as free text. */
export const INVOICE_NUMBER_MAX = 50;
export const DECLINE_REASON_MAX = 500;

/** The length rule after cleaning; conform reads a value cleaned to "" as missing, so the message is the same. */
const sized = (min: number, max: number, message: MessageKey) =>
  z.string({ required_error: message }).min(min, message).max(max, message);

const line = (min: number, max: number, message: MessageKey) =>
  singleLineText(message).pipe(sized(min, max, message));

const taxCodeField = z
  .string({ required_error: "business.error.taxCode" })
  .transform((value, ctx) => {
    const taxCode = normalizeTaxCode(value);
    if (!taxCode) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "business.error.taxCode" });
      return z.NEVER;
    }
    return taxCode;
  });

/** The optional one-line fields of the profile: blank is null. */
const optionalLine = (max: number, message: MessageKey) =>
  singleLineText(message)
    // Optional inside the pipe too: conform reads a value cleaned to "" as missing.
    .pipe(z.string().max(max, message).optional())
    .optional()
    .transform((value) => value || null);

export const apiTokenNameSchema = z.object({
  intent: z.literal("create"),
  name: line(1, TOKEN_NAME_MAX, "business.error.tokenName"),
});

export const revokeApiTokenSchema = z.object({
  intent: z.literal("revoke"),
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  confirm: z.literal("yes").optional(),
});

/**
 * The business profile: a private person has no company; any other kind gives the company's
 * name and tax code. Province (one of the 34) and city are optional.
 */
export const businessProfileSchema = z
  .object({
    kind: z.enum(BUYER_KIND_OPTIONS, { message: "business.error.kind" }),
    companyName: optionalLine(COMPANY_NAME_MAX, "business.error.companyName"),
    taxCode: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value.trim() === "") return null;
        const taxCode = normalizeTaxCode(value);
        if (!taxCode) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "business.error.taxCode" });
          return z.NEVER;
        }
        return taxCode;
      }),
    province: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value.trim() === "") return null;
        const province = findProvince(value);
        if (!province) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "business.error.province" });
          return z.NEVER;
        }
        return province.name;
      }),
    city: optionalLine(CITY_MAX, "business.error.city"),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "individual") return;
    if (!value.companyName || value.companyName.length < 2) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["companyName"],
        message: "business.error.companyName",
      });
    }
    if (!value.taxCode) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["taxCode"],
        message: "business.error.taxCode",
      });
    }
  })
  .transform((value) =>
    value.kind === "individual" ? { ...value, companyName: null, taxCode: null } : value,
  );

export type BusinessProfileInput = z.output<typeof businessProfileSchema>;

/** A VAT-invoice request: who the invoice is for, and where to send it (e-mail optional). */
export const invoiceRequestSchema = z.object({
  intent: z.literal("invoice_request"),
  companyName: line(2, COMPANY_NAME_MAX, "business.error.companyName"),
  taxCode: taxCodeField,
  address: line(5, INVOICE_ADDRESS_MAX, "business.error.invoiceAddress"),
  email: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return null;
      const email = normalizeEmail(value);
      if (!email) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "business.error.invoiceEmail" });
        return z.NEVER;
      }
      return email;
    }),
});

export type InvoiceRequestInput = Omit<z.output<typeof invoiceRequestSchema>, "intent">;

/** The producer's answer: issued with the invoice's number, or declined with a reason. */
export const invoiceDecisionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("invoice_issue"),
    invoiceNumber: line(1, INVOICE_NUMBER_MAX, "business.error.invoiceNumber"),
  }),
  z.object({
    intent: z.literal("invoice_decline"),
    declineReason: longText("business.error.declineReason").pipe(
      sized(3, DECLINE_REASON_MAX, "business.error.declineReason"),
    ),
  }),
]);

export type InvoiceDecisionInput = z.output<typeof invoiceDecisionSchema>;

/** The intents of the invoice forms on the two order pages. */
export const INVOICE_INTENTS = ["invoice_request", "invoice_issue", "invoice_decline"] as const;

/** Whether a posted form is one of the invoice forms (the order pages branch on it). */
export function isInvoiceIntent(value: unknown): boolean {
  return (INVOICE_INTENTS as readonly unknown[]).includes(value);
}

/** A refused invoice form as the order pages' actions return it, under `invoiceForm`. */
export interface InvoiceFormReply {
  formError: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/** The invoice form's refusal in an order page's action data, or null when there is none. */
export function invoiceReplyOf(actionData: unknown): InvoiceFormReply | null {
  if (typeof actionData !== "object" || actionData === null) return null;
  if (!("invoiceForm" in actionData)) return null;
  const reply = actionData.invoiceForm;
  return typeof reply === "object" && reply !== null ? (reply as InvoiceFormReply) : null;
}

/** `?hoa-don=` after an invoice step: which notice the order page shows in its invoice panel. */
export const INVOICE_DONE = {
  invoice_request: "da-gui",
  invoice_issue: "da-xuat",
  invoice_decline: "tu-choi",
} as const;
