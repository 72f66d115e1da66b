import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { auditLog, orgUnits, producerMemberships, producers, users, type Locale } from "~db/schema";
import type { NewAccountInput, ProducerApplicationInput } from "~/lib/schemas/auth";
import {
  contactClashes,
  isUniqueViolation,
  validateNewAccount,
  type AccountResult,
  type FieldErrors,
} from "./account-checks.internal.server";
import { hashPassword } from "./passwords.server";

/**
 * Applying to sell: a producer row in `pending` verification with its applicant as owner.
 * The Union's moderators of the chosen org unit (or above) verify it later.
 */

export interface ApplicationOrgUnit {
  id: number;
  name: string;
  level: "commune" | "branch";
}

export interface ApplicationCommune {
  id: number;
  name: string;
  /** The commune's own unit first, then its branches (chi hội). */
  units: ApplicationOrgUnit[];
}

/** The communes/wards and their branches a producer can belong to, for the form's select. */
export function listApplicationOrgUnits(db: Db): ApplicationCommune[] {
  const rows = db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      level: orgUnits.level,
      parentId: orgUnits.parentId,
    })
    .from(orgUnits)
    // A merged unit takes no new producers (docs/decisions/021).
    .where(and(inArray(orgUnits.level, ["commune", "branch"]), isNull(orgUnits.mergedIntoId)))
    .orderBy(asc(orgUnits.name))
    .all();
  const communes = new Map<number, ApplicationCommune>();
  for (const row of rows) {
    if (row.level === "commune") {
      communes.set(row.id, { id: row.id, name: row.name, units: [] });
    }
  }
  for (const commune of communes.values()) {
    commune.units.push({ id: commune.id, name: commune.name, level: "commune" });
  }
  for (const row of rows) {
    if (row.level !== "branch" || row.parentId === null) continue;
    communes.get(row.parentId)?.units.push({ id: row.id, name: row.name, level: "branch" });
  }
  return [...communes.values()];
}

/**
 * The commune a unit lies in, as written in addresses ("xã Vĩnh Linh"): the unit itself when
 * it is a commune, else its nearest commune ancestor; without the "Hội LHPN" of the name.
 * Null for the province or an unknown unit.
 */
function communeOf(db: Db, orgUnitId: number): { name: string } | null {
  let unit = db
    .select({ name: orgUnits.name, level: orgUnits.level, parentId: orgUnits.parentId })
    .from(orgUnits)
    // A unit merged into another takes no new producer (the picker hides it too).
    .where(and(eq(orgUnits.id, orgUnitId), isNull(orgUnits.mergedIntoId)))
    .get();
  if (!unit || unit.level === "province") return null;
  while (unit && unit.level === "branch" && unit.parentId !== null) {
    unit = db
      .select({ name: orgUnits.name, level: orgUnits.level, parentId: orgUnits.parentId })
      .from(orgUnits)
      .where(eq(orgUnits.id, unit.parentId))
      .get();
  }
  if (!unit || unit.level !== "commune") return null;
  return { name: unit.name.replace(/^Hội\s+(LHPN|Liên hiệp Phụ nữ)\s+/i, "") };
}

/** The next free producer code: SX + (largest number in use + 1), at least three digits. */
export function nextProducerCode(db: Pick<Db, "select">): string {
  const row = db
    .select({
      max: sql<number | null>`max(cast(substr(${producers.code}, 3) as integer))`,
    })
    .from(producers)
    .where(sql`${producers.code} glob 'SX[0-9]*'`)
    .get();
  return `SX${String((row?.max ?? 0) + 1).padStart(3, "0")}`;
}

export type ApplyInput = {
  producer: ProducerApplicationInput;
  ipAddress?: string | null;
  locale?: Locale;
} & ({ userId: number } | { account: NewAccountInput });

/**
 * Records a producer application: the producer in `pending` state with a generated code and
 * the applicant as owner; for a visitor, their new account too (all or nothing). Returns
 * field errors instead for a common password, a phone/e-mail that has an account, an org
 * unit that is not a commune or branch, or a producer name already taken.
 */
export async function applyAsProducer(
  db: Db,
  input: ApplyInput,
): Promise<AccountResult<{ userId: number; producerId: number; producerCode: string }>> {
  const { producer } = input;
  const errors: FieldErrors = "account" in input ? await validateNewAccount(db, input.account) : {};
  const commune = communeOf(db, producer.orgUnitId);
  if (!commune) errors.orgUnitId = ["auth.error.orgUnit"];
  const nameTaken = db
    .select({ id: producers.id })
    .from(producers)
    .where(eq(producers.name, producer.producerName))
    .get();
  if (nameTaken) errors.producerName = ["auth.error.producerNameTaken"];
  if (!commune || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };

  const passwordHash = "account" in input ? await hashPassword(input.account.password) : null;
  try {
    return { ok: true, value: insertApplication(db, input, commune.name, passwordHash) };
  } catch (error) {
    // A phone, e-mail or producer name taken between the checks and the insert.
    if (!isUniqueViolation(error)) throw error;
    const clashes = "account" in input ? contactClashes(db, input.account) : {};
    return {
      ok: false,
      fieldErrors:
        Object.keys(clashes).length > 0
          ? clashes
          : { producerName: ["auth.error.producerNameTaken"] },
    };
  }
}

function insertApplication(
  db: Db,
  input: ApplyInput,
  communeName: string,
  passwordHash: string | null,
): { userId: number; producerId: number; producerCode: string } {
  const { producer } = input;
  return db.transaction((tx) => {
    let userId: number;
    if ("account" in input) {
      userId = tx
        .insert(users)
        .values({
          displayName: input.account.displayName,
          phone: input.account.phone ?? null,
          email: input.account.email ?? null,
          passwordHash: passwordHash ?? "",
          locale: input.locale ?? "vi",
          phoneConfirmedAt: input.account.phone ? new Date() : null,
        })
        .returning({ id: users.id })
        .get().id;
    } else {
      userId = input.userId;
    }
    const contact = tx
      .select({ phone: users.phone, email: users.email })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    const producerCode = nextProducerCode(tx);
    const producerId = tx
      .insert(producers)
      .values({
        code: producerCode,
        name: producer.producerName,
        kind: producer.producerKind,
        orgUnitId: producer.orgUnitId,
        commune: communeName,
        address: producer.address,
        phone: contact?.phone ?? null,
        email: contact?.email ?? null,
        membersTotal: producer.membersTotal,
        membersWomen: producer.membersWomen,
        membersEthnicMinority: producer.membersEthnicMinority,
        membersPoorHousehold: producer.membersPoorHousehold,
        foundedYear: producer.foundedYear ?? null,
        story: producer.story ?? "",
        verificationStatus: "pending",
      })
      .returning({ id: producers.id })
      .get().id;
    tx.insert(producerMemberships).values({ userId, producerId, role: "owner" }).run();
    tx.insert(auditLog)
      .values({
        actorUserId: userId,
        action: "producer.applied",
        entityType: "producer",
        entityId: String(producerId),
        orgUnitId: producer.orgUnitId,
        after: { code: producerCode, name: producer.producerName, kind: producer.producerKind },
        ipAddress: input.ipAddress ?? null,
      })
      .run();
    return { userId, producerId, producerCode };
  });
}
