import { and, eq, ne, or } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { users } from "~db/schema";
import type { MessageKey } from "~/lib/i18n";
import type { NewAccountInput } from "~/lib/schemas/auth";
import { checkPasswordPolicy } from "./passwords.server";

/** The server's checks of account forms, as field errors the routes translate. */

/** Problems per form field, as i18n keys (the route translates them). */
export type FieldErrors = Record<string, MessageKey[]>;

export type AccountResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

function addError(errors: FieldErrors, field: string, key: MessageKey) {
  (errors[field] ??= []).push(key);
}

const POLICY_MESSAGES = {
  tooShort: "auth.error.passwordTooShort",
  tooLong: "auth.error.passwordTooLong",
  common: "auth.error.passwordCommon",
} as const satisfies Record<string, MessageKey>;

/** The password policy as field errors on `field` (empty when the password is acceptable). */
export async function passwordErrors(password: string, field = "password"): Promise<FieldErrors> {
  const problem = await checkPasswordPolicy(password);
  return problem ? { [field]: [POLICY_MESSAGES[problem]] } : {};
}

/** Field errors for a phone or e-mail that already belongs to another account. */
export function contactClashes(
  db: Db,
  contact: { phone?: string | undefined; email?: string | undefined },
  exceptUserId?: number,
): FieldErrors {
  const errors: FieldErrors = {};
  if (!contact.phone && !contact.email) return errors;
  const rows = db
    .select({ phone: users.phone, email: users.email })
    .from(users)
    .where(
      and(
        or(
          contact.phone ? eq(users.phone, contact.phone) : undefined,
          contact.email ? eq(users.email, contact.email) : undefined,
        ),
        exceptUserId === undefined ? undefined : ne(users.id, exceptUserId),
      ),
    )
    .all();
  if (contact.phone && rows.some((row) => row.phone === contact.phone)) {
    addError(errors, "phone", "auth.error.phoneTaken");
  }
  if (contact.email && rows.some((row) => row.email === contact.email)) {
    addError(errors, "email", "auth.error.emailTaken");
  }
  return errors;
}

/** Everything the server checks about a new account before creating it: policy, duplicates. */
export async function validateNewAccount(db: Db, input: NewAccountInput): Promise<FieldErrors> {
  return { ...(await passwordErrors(input.password)), ...contactClashes(db, input) };
}

/** True when `error` (or its cause, as drizzle wraps it) is SQLite's UNIQUE violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ("code" in e && e.code === "SQLITE_CONSTRAINT_UNIQUE") return true;
  }
  return false;
}
