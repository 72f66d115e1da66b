import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import {
  orgUnits,
  producerMemberships,
  producers,
  STAFF_ROLES,
  staffMemberships,
  users,
  type StaffRole,
} from "~db/schema";
import { parseIdentifier } from "~/lib/contact";
import { isMessageKey, t } from "~/lib/i18n/translate";
import { signUpSchema } from "~/lib/schemas/auth";
import { hashPassword } from "~/modules/auth/passwords.server";
import {
  isUniqueViolation,
  signUpBuyer,
  validateNewAccount,
  type FieldErrors,
} from "~/modules/auth/accounts.server";

/** `user:create` for the CLI: the sign-up form's schema and server checks, then the insert. */

export interface CliUserInput {
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  password?: string | undefined;
  staffRole?: string | undefined;
  orgUnitCode?: string | undefined;
  producerCode?: string | undefined;
}

export type CliUserResult =
  { ok: true; userId: number; summary: string } | { ok: false; errors: string[] };

/** Form field → CLI option, so messages name what was typed. */
const OPTION_OF: Record<string, string> = {
  displayName: "--name",
  phone: "--phone",
  email: "--email",
  password: "--password",
  confirmPassword: "--password",
};

function describe(field: string, key: string): string {
  const message = isMessageKey(key) ? t("vi", key) : key;
  return `${OPTION_OF[field] ?? field}: ${message}`;
}

function describeAll(errors: FieldErrors): string[] {
  return Object.entries(errors).flatMap(([field, keys]) => keys.map((key) => describe(field, key)));
}

function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** The user id for a login (a phone in any accepted form, or an e-mail); null when unknown. */
export function findUserIdByLogin(db: Db, login: string): number | null {
  const identifier = parseIdentifier(login);
  if (!identifier) return null;
  const row = db
    .select({ id: users.id })
    .from(users)
    .where(
      identifier.kind === "phone"
        ? eq(users.phone, identifier.value)
        : eq(users.email, identifier.value),
    )
    .get();
  return row?.id ?? null;
}

/** Checks of the staff and producer options; returns the ids to link or the problems. */
function resolveRoles(db: Db, input: CliUserInput) {
  const errors: string[] = [];
  if ((input.staffRole === undefined) !== (input.orgUnitCode === undefined)) {
    errors.push("--staff-role và --org-unit phải đi cùng nhau / must be given together");
  }
  let staffRole: StaffRole | null = null;
  if (input.staffRole !== undefined) {
    if (isStaffRole(input.staffRole)) staffRole = input.staffRole;
    else errors.push(`--staff-role: một trong / one of ${STAFF_ROLES.join(", ")}`);
  }
  let orgUnitId: number | null = null;
  if (input.orgUnitCode !== undefined) {
    const row = db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(eq(orgUnits.code, input.orgUnitCode))
      .get();
    if (row) orgUnitId = row.id;
    else errors.push(`--org-unit: không có đơn vị / no org unit "${input.orgUnitCode}"`);
  }
  let producerId: number | null = null;
  if (input.producerCode !== undefined) {
    const row = db
      .select({ id: producers.id })
      .from(producers)
      .where(eq(producers.code, input.producerCode))
      .get();
    if (row) producerId = row.id;
    else errors.push(`--producer: không có nhà sản xuất / no producer "${input.producerCode}"`);
  }
  return { errors, staffRole, orgUnitId, producerId };
}

/**
 * Creates an account with the sign-up rules (name, Vietnamese mobile or e-mail, password
 * policy, no duplicate). Without a role it is an individual buyer, as sign-up makes; with
 * `--staff-role`/`--org-unit` a staff member; with `--producer` the producer's owner.
 * Returns every problem at once.
 */
export async function createUserFromCli(db: Db, input: CliUserInput): Promise<CliUserResult> {
  const parsed = signUpSchema.safeParse({
    displayName: input.name ?? "",
    phone: input.phone,
    email: input.email,
    password: input.password ?? "",
    confirmPassword: input.password ?? "",
    buyerKind: "individual",
  });
  const roles = resolveRoles(db, input);
  if (!parsed.success) {
    const schemaErrors = parsed.error.issues.map((issue) =>
      describe(String(issue.path[0] ?? ""), issue.message),
    );
    return { ok: false, errors: [...new Set(schemaErrors), ...roles.errors] };
  }
  const account = parsed.data;
  const serverErrors = describeAll(await validateNewAccount(db, account));
  if (serverErrors.length > 0 || roles.errors.length > 0) {
    return { ok: false, errors: [...serverErrors, ...roles.errors] };
  }

  const isPlainBuyer = roles.staffRole === null && roles.producerId === null;
  let userId: number;
  if (isPlainBuyer) {
    const result = await signUpBuyer(db, account);
    if (!result.ok) return { ok: false, errors: describeAll(result.fieldErrors) };
    userId = result.value.userId;
  } else {
    const passwordHash = await hashPassword(account.password);
    try {
      userId = db.transaction((tx) => {
        const { id } = tx
          .insert(users)
          .values({
            displayName: account.displayName,
            phone: account.phone ?? null,
            email: account.email ?? null,
            passwordHash,
            phoneConfirmedAt: account.phone ? new Date() : null,
          })
          .returning({ id: users.id })
          .get();
        if (roles.staffRole && roles.orgUnitId !== null) {
          tx.insert(staffMemberships)
            .values({ userId: id, orgUnitId: roles.orgUnitId, role: roles.staffRole })
            .run();
        }
        if (roles.producerId !== null) {
          tx.insert(producerMemberships)
            .values({ userId: id, producerId: roles.producerId, role: "owner" })
            .run();
        }
        return id;
      });
    } catch (error) {
      // Someone took the phone or e-mail between the check and the insert.
      if (isUniqueViolation(error)) return { ok: false, errors: ["Tài khoản đã tồn tại"] };
      throw error;
    }
  }
  const what = [
    roles.staffRole ? `${roles.staffRole} @ ${input.orgUnitCode}` : null,
    input.producerCode ? `owner of ${input.producerCode}` : null,
    isPlainBuyer ? "buyer" : null,
  ].filter((role): role is string => role !== null);
  return {
    ok: true,
    userId,
    summary: `${account.displayName} <${account.phone ?? account.email}> (${what.join(", ")})`,
  };
}
