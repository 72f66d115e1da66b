import { z } from "zod";
import { isKnownBankBin } from "~/lib/banks";
import { singleLineText } from "./fields";

/**
 * Where buyers' bank transfers go: a bank from the list (its BIN), the account number and the
 * holder's name as the bank writes it (upper case). All three, or none to remove the account.
 */
export const ProducerBankSchema = z
  .object({
    bankBin: z
      .string()
      .refine(isKnownBankBin, "listingtools.bank.error.unknownBank")
      .optional()
      .transform((value) => value ?? null),
    bankAccountNumber: z
      .string()
      .transform((value) => value.replace(/[\s.-]/g, ""))
      .pipe(z.string().regex(/^\d{6,20}$/, "profile.error.bankAccount"))
      .optional()
      .transform((value) => value ?? null),
    bankAccountName: singleLineText()
      .pipe(z.string().max(100, "form.error.tooLong"))
      .optional()
      .transform((value) => value?.toUpperCase() || null),
  })
  .superRefine((value, ctx) => {
    const parts = [
      ["bankBin", value.bankBin],
      ["bankAccountNumber", value.bankAccountNumber],
      ["bankAccountName", value.bankAccountName],
    ] as const;
    if (parts.every(([, part]) => part === null) || parts.every(([, part]) => part !== null)) {
      return;
    }
    for (const [path, part] of parts) {
      if (part === null) {
        ctx.addIssue({ code: "custom", path: [path], message: "profile.error.bankIncomplete" });
      }
    }
  });

export type ProducerBankInput = z.output<typeof ProducerBankSchema>;
