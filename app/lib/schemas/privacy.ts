import { z } from "zod";
import { PASSWORD_MAX } from "./auth";

/** Closing an account (/tai-khoan/du-lieu): the ticked confirmation and her password again. */
export const closeAccountSchema = z.object({
  confirm: z.literal("on", {
    errorMap: () => ({ message: "privacy.error.confirmRequired" }),
  }),
  password: z
    .string({ required_error: "privacy.error.passwordRequired" })
    .min(1, "privacy.error.passwordRequired")
    .max(PASSWORD_MAX, "auth.error.passwordTooLong"),
});
