import { z } from "zod";
import type { BuyerKind, Locale, ProducerKind } from "~db/schema";
import { normalizeEmail, normalizePhone, parseIdentifier } from "~/lib/contact";
import type { MessageKey } from "~/lib/i18n/translate";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { longText, singleLineText, wholeNumber } from "./fields";

/**
 * The account forms (log in, sign up, producer application, account page), validated by the
 * browser (conform) and by the action (parseWithZod) with the same schema. Messages are i18n
 * keys (app/lib/i18n) shown with `t()`. What needs the server (duplicate accounts, the
 * common-password list, the org tree) is checked in app/modules/auth/accounts.server.ts.
 */

export const BUYER_KIND_OPTIONS = [
  "individual",
  "restaurant",
  "hotel",
  "retailer",
  "supermarket",
  "school",
  "tourism",
  "exporter",
] as const satisfies readonly BuyerKind[];

export const PRODUCER_KIND_OPTIONS = [
  "htx",
  "tho",
  "hkd",
  "nhom",
] as const satisfies readonly ProducerKind[];

export const LOCALE_OPTIONS = ["vi", "en"] as const satisfies readonly Locale[];

// Compile-time proof that no kind of the database is missing here.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
export const _buyerKindsComplete: Missing<BuyerKind, (typeof BUYER_KIND_OPTIONS)[number]> = true;
export const _producerKindsComplete: Missing<ProducerKind, (typeof PRODUCER_KIND_OPTIONS)[number]> =
  true;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/** Tax code (mã số thuế): 10 digits, or 13 for a branch written 0123456789-001; kept as digits. */
export function normalizeTaxCode(input: string): string | null {
  const compact = input.replace(/[\s.]/g, "");
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact);
  return match ? `${match[1]}${match[2] ?? ""}` : null;
}

const text = (min: number, max: number, message: MessageKey) =>
  singleLineText(message).pipe(z.string().min(min, message).max(max, message));

/** Optional text of one line (`long`: several lines); blank is undefined. */
const optionalText = (max: number, message: MessageKey, kind: "line" | "long" = "line") =>
  (kind === "line" ? singleLineText(message) : longText(message))
    .pipe(z.string().max(max, message))
    .optional()
    .transform((value) => value || undefined);

/** A new password: the length rule here; the common-password list is checked on the server. */
export const newPassword = z
  .string({ required_error: "auth.error.passwordTooShort" })
  .refine((value) => [...value].length >= PASSWORD_MIN, "auth.error.passwordTooShort")
  .refine((value) => value.length <= PASSWORD_MAX, "auth.error.passwordTooLong");

const phoneField = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === "") return undefined;
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "auth.error.phone" });
      return z.NEVER;
    }
    return phone;
  });

const emailField = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === "") return undefined;
    const email = normalizeEmail(value);
    if (!email) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "auth.error.email" });
      return z.NEVER;
    }
    return email;
  });

export const loginSchema = z.object({
  identifier: z.string({ required_error: "auth.error.identifier" }).transform((value, ctx) => {
    const parsed = parseIdentifier(value);
    if (!parsed) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "auth.error.identifier" });
      return z.NEVER;
    }
    return parsed;
  }),
  password: z
    .string({ required_error: "auth.error.passwordRequired" })
    .max(PASSWORD_MAX, "auth.error.passwordTooLong"),
  next: z.string().optional(),
});

/** Fields of a new account: a name, a phone and/or an e-mail, a password typed twice. */
const accountFields = {
  displayName: text(2, 120, "auth.error.displayName"),
  phone: phoneField,
  email: emailField,
  password: newPassword,
  confirmPassword: z.string({ required_error: "auth.error.passwordMismatch" }),
};

type AccountValues = {
  phone?: string | undefined;
  email?: string | undefined;
  password: string;
  confirmPassword: string;
};

function checkAccount(value: AccountValues, ctx: z.RefinementCtx) {
  if (!value.phone && !value.email) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["phone"], message: "auth.error.contact" });
  }
  if (value.password !== value.confirmPassword) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["confirmPassword"],
      message: "auth.error.passwordMismatch",
    });
  }
}

export const signUpSchema = z
  .object({
    ...accountFields,
    buyerKind: z.enum(BUYER_KIND_OPTIONS, { message: "auth.error.buyerKind" }),
    companyName: optionalText(200, "auth.error.companyName"),
    taxCode: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value.trim() === "") return undefined;
        const taxCode = normalizeTaxCode(value);
        if (!taxCode) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "auth.error.taxCode" });
          return z.NEVER;
        }
        return taxCode;
      }),
  })
  .superRefine((value, ctx) => {
    checkAccount(value, ctx);
    if (value.buyerKind === "individual") return;
    if (!value.companyName || value.companyName.length < 2) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["companyName"],
        message: "auth.error.companyName",
      });
    }
    if (!value.taxCode) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["taxCode"],
        message: "auth.error.taxCode",
      });
    }
  })
  .transform((value) =>
    // A private person has no company: drop what was typed before switching the kind back.
    value.buyerKind === "individual"
      ? { ...value, companyName: undefined, taxCode: undefined }
      : value,
  );

export type SignUpInput = z.output<typeof signUpSchema>;

const count = (message: MessageKey, min = 0, max = 100_000) => wholeNumber({ min, max, message });

const producerFields = {
  producerName: text(3, 150, "auth.error.producerName"),
  producerKind: z.enum(PRODUCER_KIND_OPTIONS, { message: "auth.error.producerKind" }),
  orgUnitId: z.number({ message: "auth.error.orgUnit" }).int("auth.error.orgUnit").positive(),
  address: text(5, 300, "auth.error.address"),
  membersTotal: count("auth.error.membersTotal", 1),
  membersWomen: count("auth.error.membersCount"),
  membersEthnicMinority: count("auth.error.membersCount"),
  membersPoorHousehold: count("auth.error.membersCount"),
  foundedYear: wholeNumber({ min: 1900, max: 2100, message: "auth.error.foundedYear" }).optional(),
  story: optionalText(2000, "auth.error.story", "long"),
};

type ProducerValues = {
  membersTotal: number;
  membersWomen: number;
  membersEthnicMinority: number;
  membersPoorHousehold: number;
  foundedYear?: number | undefined;
};

function checkProducer(value: ProducerValues, ctx: z.RefinementCtx, currentYear: number) {
  for (const field of ["membersWomen", "membersEthnicMinority", "membersPoorHousehold"] as const) {
    if (value[field] > value.membersTotal) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [field],
        message: "auth.error.membersPart",
      });
    }
  }
  if (value.foundedYear !== undefined && value.foundedYear > currentYear) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["foundedYear"],
      message: "auth.error.foundedYear",
    });
  }
}

const optionalAccountFields = {
  displayName: optionalText(120, "auth.error.displayName"),
  phone: phoneField,
  email: emailField,
  password: z.string().optional(),
  confirmPassword: z.string().optional(),
};

/**
 * The producer application. A visitor who is not signed in creates their account in the same
 * form (`withAccount`: name, contact and password required); a signed-in user applies with
 * the account they have and the account fields are ignored.
 */
export function producerApplicationSchema(options: { withAccount: boolean }) {
  const currentYear = new Date().getFullYear();
  return z
    .object({ ...optionalAccountFields, ...producerFields })
    .superRefine((value, ctx) => {
      checkProducer(value, ctx, currentYear);
      if (!options.withAccount) return;
      if (!value.displayName || value.displayName.length < 2) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["displayName"],
          message: "auth.error.displayName",
        });
      }
      const password = newPassword.safeParse(value.password ?? "");
      if (!password.success) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["password"],
          message: password.error.issues[0]?.message ?? "auth.error.passwordTooShort",
        });
      }
      checkAccount(
        { ...value, password: value.password ?? "", confirmPassword: value.confirmPassword ?? "" },
        ctx,
      );
    })
    .transform((value) => ({
      account:
        options.withAccount && value.displayName && value.password
          ? {
              displayName: value.displayName,
              phone: value.phone,
              email: value.email,
              password: value.password,
            }
          : null,
      producer: {
        producerName: value.producerName,
        producerKind: value.producerKind,
        orgUnitId: value.orgUnitId,
        address: value.address,
        membersTotal: value.membersTotal,
        membersWomen: value.membersWomen,
        membersEthnicMinority: value.membersEthnicMinority,
        membersPoorHousehold: value.membersPoorHousehold,
        foundedYear: value.foundedYear,
        story: value.story,
      },
    }));
}

/** The producer part of an application, as the module receives it. */
export type ProducerApplicationInput = z.output<
  ReturnType<typeof producerApplicationSchema>
>["producer"];

export type NewAccountInput = {
  displayName: string;
  phone?: string | undefined;
  email?: string | undefined;
  password: string;
};

export const profileSchema = z
  .object({
    intent: z.literal("profile"),
    displayName: text(2, 120, "auth.error.displayName"),
    locale: z.enum(LOCALE_OPTIONS, { message: "auth.error.locale" }),
    phone: phoneField,
    email: emailField,
  })
  .superRefine((value, ctx) => {
    if (!value.phone && !value.email) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["phone"], message: "auth.error.contact" });
    }
  });

export const changePasswordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z
      .string({ required_error: "auth.error.passwordRequired" })
      .max(PASSWORD_MAX, "auth.error.passwordTooLong"),
    password: newPassword,
    confirmPassword: z.string({ required_error: "auth.error.passwordMismatch" }),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["confirmPassword"],
        message: "auth.error.passwordMismatch",
      });
    }
  });

/** Only a path on this site may follow a login, percent-encoded (app/lib/safe-redirect.ts). */
export function safeNext(next: string | null | undefined): string | null {
  return safeRedirectPath(next, "") || null;
}
