import { z } from "zod";
import { normalizePhone, parseIdentifier } from "~/lib/contact";
import { newPassword, PASSWORD_MAX, producerApplicationSchema, signUpSchema } from "./auth";

/**
 * The recovery forms (docs/decisions/029-care-recovery.md): forgot password, a new password
 * with a code or an e-mail link, the phone confirmation and the staff's recovery code.
 */

const phone = z.string({ required_error: "recovery.error.phone" }).transform((value, ctx) => {
  const stored = normalizePhone(value);
  if (!stored) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "recovery.error.phone" });
    return z.NEVER;
  }
  return stored;
});

/** A typed code: 6 digits, or 8 letters/digits with an optional dash; checked on the server. */
const code = z
  .string({ required_error: "recovery.error.codeFormat" })
  .trim()
  .min(4, "recovery.error.codeFormat")
  .max(20, "recovery.error.codeFormat");

export const forgotPasswordSchema = z.object({
  identifier: z.string({ required_error: "recovery.error.identifier" }).transform((value, ctx) => {
    const parsed = parseIdentifier(value);
    if (!parsed) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "recovery.error.identifier" });
      return z.NEVER;
    }
    return parsed;
  }),
});

const passwordPair = {
  password: newPassword,
  confirmPassword: z.string({ required_error: "auth.error.passwordMismatch" }).max(PASSWORD_MAX),
};

const samePasswords = (value: { password: string; confirmPassword: string }) =>
  value.password === value.confirmPassword;
const mismatch = { message: "auth.error.passwordMismatch", path: ["confirmPassword"] };

/** A new password with the phone and a code (by SMS or from staff). */
export const resetWithCodeSchema = z
  .object({ phone, code, ...passwordPair })
  .refine(samePasswords, mismatch);

/** A new password with the e-mail link's token. */
export const resetWithTokenSchema = z
  .object({ token: z.string().min(1).max(200), ...passwordPair })
  .refine(samePasswords, mismatch);

export const confirmPhoneSchema = z.object({ code });

export const staffSearchSchema = z.object({ phone });

export const staffIssueSchema = z.object({
  phone,
  identityCheck: z
    .string({ required_error: "recovery.error.identityCheck" })
    .trim()
    .min(3, "recovery.error.identityCheck")
    .max(200, "recovery.error.identityCheck"),
});

/** The sign-up consent box: present ("on") only when ticked. */
export const acceptTermsField = z.literal("on", {
  errorMap: () => ({ message: "recovery.error.terms" }),
});

/** The buyer sign-up with its required consent box. */
export const signUpWithConsentSchema = signUpSchema.and(
  z.object({ acceptTerms: acceptTermsField }),
);

/** The producer application; a new account (`withAccount`) must also tick the consent box. */
export function applicationWithConsentSchema(options: { withAccount: boolean }) {
  const schema = producerApplicationSchema(options);
  return options.withAccount
    ? schema.and(z.object({ acceptTerms: acceptTermsField }))
    : schema.and(z.object({ acceptTerms: z.string().optional() }));
}
