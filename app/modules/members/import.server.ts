import { and, eq, isNull } from "drizzle-orm";
import { Invalid, type DomainError } from "~/lib/errors";
import { t } from "~/lib/i18n/translate";
import type { SignedInActor } from "~/modules/auth/actor";
import { readSpreadsheet, type Sheet } from "~/modules/import/decode.server";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { inTransaction, type Db } from "~db/client.server";
import { orgUnits, producers, unionMembers } from "~db/schema";
import {
  checkRow,
  memberKey,
  RowCheck,
  type Lookups,
  type MemberRowProblem,
  type PlannedMember,
} from "./import-rows.internal.server";

/**
 * Importing members from a spreadsheet (CSV in UTF-8 or XLSX, read by the listing import's
 * decoder): a dry run checks every row and names each problem by row and column; the import
 * writes all rows in one transaction, and only a file without problems. Sensitive columns
 * need the consent columns on the same row (decree 13/2023/NĐ-CP); the importer is recorded
 * as who took the consent.
 */

export const MEMBER_COLUMNS = [
  "full_name",
  "birth_year",
  "phone",
  "joined_on",
  "org_unit_code",
  "producer_code",
  "ethnic_group",
  "household_status",
  "has_disability",
  "consent_given_on",
  "consent_form",
] as const;

const REQUIRED_COLUMNS = ["full_name", "joined_on", "org_unit_code"] as const;

/** The dry run's answer: how many rows would be added, and every problem. */
export interface MemberImportPlan {
  rows: number;
  problems: MemberRowProblem[];
  /** The first rows as they would be written, for the page to show. */
  preview: { row: number; fullName: string; unitCode: string; hasConsent: boolean }[];
}

const PREVIEW_ROWS = 10;

function lookups(db: Db, actor: SignedInActor): Lookups {
  const scope = subtreeCondition(actor, "member:manage");
  const units = new Map<string, number | null>();
  for (const unit of db.select({ code: orgUnits.code }).from(orgUnits).all()) {
    units.set(unit.code, null);
  }
  const managed = db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(and(isNull(orgUnits.mergedIntoId), scope))
    .all();
  for (const unit of managed) units.set(unit.code, unit.id);
  const producerIds = new Map<string, number | null>();
  for (const producer of db.select({ code: producers.code }).from(producers).all()) {
    producerIds.set(producer.code, null);
  }
  const inScope = db
    .select({ id: producers.id, code: producers.code })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(scope)
    .all();
  for (const producer of inScope) producerIds.set(producer.code, producer.id);
  const existing = new Set(
    db
      .select({
        fullName: unionMembers.fullName,
        birthYear: unionMembers.birthYear,
        orgUnitId: unionMembers.orgUnitId,
      })
      .from(unionMembers)
      .innerJoin(orgUnits, eq(orgUnits.id, unionMembers.orgUnitId))
      .where(scope)
      .all()
      .map((m) => memberKey(m.fullName, m.birthYear, m.orgUnitId)),
  );
  return { units, producers: producerIds, existing };
}

function plan(db: Db, actor: SignedInActor, sheet: Sheet, today: string) {
  const problems: MemberRowProblem[] = [];
  const planned: PlannedMember[] = [];
  const missing = REQUIRED_COLUMNS.filter((column) => !sheet.columns.includes(column));
  for (const column of missing) {
    problems.push({
      row: 1,
      column,
      message: t(actor.locale, "import.row.missingColumn", { column }),
    });
  }
  if (sheet.rows.length === 0) {
    problems.push({ row: 2, column: "", message: t(actor.locale, "members.import.row.empty") });
  }
  if (missing.length > 0) return { problems, planned };
  const found = lookups(db, actor);
  const seen = new Set<string>();
  for (const { row, values } of sheet.rows) {
    const member = checkRow(new RowCheck(row, values, problems, actor.locale), found, today, seen);
    if (member) planned.push(member);
  }
  return { problems, planned };
}

async function checkFile(db: Db, actor: SignedInActor, bytes: Uint8Array, today: string) {
  subtreeCondition(actor, "member:manage");
  const sheet = await readSpreadsheet(bytes);
  const { problems, planned } = plan(db, actor, sheet, today);
  const codes = new Map(
    db
      .select({ id: orgUnits.id, code: orgUnits.code })
      .from(orgUnits)
      .all()
      .map((unit) => [unit.id, unit.code]),
  );
  const checked: MemberImportPlan = {
    rows: planned.length,
    problems,
    preview: planned.slice(0, PREVIEW_ROWS).map((member) => ({
      row: member.row,
      fullName: member.fullName,
      unitCode: codes.get(member.orgUnitId) ?? "",
      hasConsent: member.consentGivenOn !== null,
    })),
  };
  return { checked, planned };
}

/** The dry run: reads the file (refusing what is not UTF-8 CSV or XLSX) and checks every row. */
export async function checkMemberImport(
  db: Db,
  actor: SignedInActor,
  bytes: Uint8Array,
  today: string,
): Promise<MemberImportPlan> {
  return (await checkFile(db, actor, bytes, today)).checked;
}

/**
 * Checks the file and, when it has no problem, adds every row in one transaction (audited
 * `member.import` with the count). A file with problems is refused: nothing is written.
 */
export async function importMembers(
  db: Db,
  actor: SignedInActor,
  bytes: Uint8Array,
  today: string,
  { ipAddress = null }: { ipAddress?: string | null } = {},
): Promise<{ added: number } | { refused: DomainError; plan: MemberImportPlan }> {
  const { checked, planned } = await checkFile(db, actor, bytes, today);
  if (checked.problems.length > 0) {
    return { refused: new Invalid("members.import.hasProblems"), plan: checked };
  }
  inTransaction(db, () => {
    for (const { row: _row, ...member } of planned) {
      db.insert(unionMembers)
        .values({ ...member, consentRecordedByUserId: member.consentGivenOn ? actor.userId : null })
        .run();
    }
    writeAudit(db, {
      actorUserId: actor.userId,
      action: "member.import",
      entityType: "union_member",
      entityId: "import",
      orgUnitId: null,
      after: { added: planned.length },
      ipAddress,
    });
  });
  return { added: planned.length };
}
