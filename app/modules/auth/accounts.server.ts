import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { buyerProfiles, users, type Locale } from "~db/schema";
import type { SignUpInput } from "~/lib/schemas/auth";
import { cleanText } from "~/lib/text";
import {
  contactClashes,
  isUniqueViolation,
  passwordErrors,
  validateNewAccount,
  type AccountResult,
} from "./account-checks.internal.server";
import { membershipsOf } from "./memberships.server";
import { hashPassword, verifyPassword } from "./passwords.server";

export { authenticate, homeOf, rateLimitMessage } from "./login.internal.server";
export {
  applyAsProducer,
  listApplicationOrgUnits,
  nextProducerCode,
} from "./producer-application.internal.server";
export {
  contactClashes,
  isUniqueViolation,
  passwordErrors,
  validateNewAccount,
  type AccountResult,
  type FieldErrors,
} from "./account-checks.internal.server";

export interface CreateUserInput {
  displayName: string;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  password: string;
  locale?: Locale;
}

/**
 * Inserts a user with an argon2id hash of the password; contact details must already be in
 * stored form (app/lib/contact.ts). No policy check: callers validate first (sign-up,
 * CLI); the seed uses it for demo accounts. Returns the new user id.
 */
export async function createUser(db: Db, input: CreateUserInput): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  return insertUser(db, input, passwordHash);
}

function insertUser(db: Pick<Db, "insert">, input: CreateUserInput, passwordHash: string): number {
  return db
    .insert(users)
    .values({
      displayName: cleanText(input.displayName),
      phone: input.phone ?? null,
      email: input.email ?? null,
      passwordHash,
      locale: input.locale ?? "vi",
      // Counted as proven (seed, CLI, staff); a sign-up with an SMS provider unsets it until
      // the code comes back (app/modules/auth/phone-confirmation.server.ts).
      phoneConfirmedAt: input.phone ? new Date() : null,
    })
    .returning({ id: users.id })
    .get().id;
}

/**
 * Creates a buyer's account and profile (company and tax code for businesses). Returns field
 * errors instead when the password is common or the phone/e-mail already has an account.
 */
export async function signUpBuyer(
  db: Db,
  input: SignUpInput,
  locale: Locale = "vi",
): Promise<AccountResult<{ userId: number }>> {
  const errors = await validateNewAccount(db, input);
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  const passwordHash = await hashPassword(input.password);
  try {
    const userId = db.transaction((tx) => {
      const id = insertUser(tx, { ...input, locale }, passwordHash);
      tx.insert(buyerProfiles)
        .values({
          userId: id,
          kind: input.buyerKind,
          companyName: input.companyName ?? null,
          taxCode: input.taxCode ?? null,
        })
        .run();
      return id;
    });
    return { ok: true, value: { userId } };
  } catch (error) {
    // Someone took the phone or e-mail between the check and the insert.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: contactClashes(db, input) };
    throw error;
  }
}

/** The account page's profile: name, language, phone and e-mail (at least one). */
export function updateProfile(
  db: Db,
  userId: number,
  input: {
    displayName: string;
    locale: Locale;
    phone?: string | undefined;
    email?: string | undefined;
  },
): AccountResult<null> {
  const clashes = contactClashes(db, input, userId);
  if (Object.keys(clashes).length > 0) return { ok: false, fieldErrors: clashes };
  try {
    db.update(users)
      .set({
        displayName: input.displayName,
        locale: input.locale,
        phone: input.phone ?? null,
        email: input.email ?? null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .run();
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, fieldErrors: contactClashes(db, input, userId) };
    throw error;
  }
  return { ok: true, value: null };
}

/** Changes the password after checking the current one and the policy. */
export async function changePassword(
  db: Db,
  userId: number,
  currentPassword: string,
  newPassword: string,
): Promise<AccountResult<null>> {
  const user = db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: ["auth.error.currentPasswordWrong"] } };
  }
  const policy = await passwordErrors(newPassword);
  if (Object.keys(policy).length > 0) return { ok: false, fieldErrors: policy };
  db.update(users)
    .set({ passwordHash: await hashPassword(newPassword), updatedAt: new Date() })
    .where(eq(users.id, userId))
    .run();
  return { ok: true, value: null };
}

/** What the account page shows about the user. */
export function getAccount(db: Db, userId: number) {
  const user = db
    .select({
      id: users.id,
      displayName: users.displayName,
      phone: users.phone,
      email: users.email,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  const buyer = db
    .select({
      kind: buyerProfiles.kind,
      companyName: buyerProfiles.companyName,
      taxCode: buyerProfiles.taxCode,
    })
    .from(buyerProfiles)
    .where(eq(buyerProfiles.userId, userId))
    .get();
  return user ? { ...user, buyer: buyer ?? null } : null;
}

/** The user's roles for the account page: producers they act for, Union units they staff. */
export function listMemberships(db: Db, userId: number) {
  const { producers, staff } = membershipsOf(db, userId);
  return {
    producers: producers.map((membership) => ({
      code: membership.producerCode,
      name: membership.producerName,
      role: membership.role,
      verificationStatus: membership.verificationStatus,
    })),
    staff: staff.map((membership) => ({
      code: membership.orgUnitCode,
      name: membership.orgUnitName,
      role: membership.role,
    })),
  };
}
