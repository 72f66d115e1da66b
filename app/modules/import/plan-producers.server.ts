import { isNull } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { orgUnits, PRODUCER_KINDS, producers, type ProducerKind } from "~db/schema";
import type { Sheet } from "./decode.server";
import {
  checkHeader,
  checkpoint,
  RowReader,
  wholeNumberCell,
  type Planned,
  type Problems,
  type Progress,
} from "./rows.server";
import { pathInScope, type ImportScope } from "./scope.server";

/** The rows of a producers file checked against the rules, the database and the importer's scope. */

export const PRODUCER_COLUMNS = [
  "code",
  "name",
  "kind",
  "org_unit_code",
  "commune",
  "address",
  "members_total",
  "members_women",
  "ethnic_minority_members",
  "poor_household_members",
  "founded_year",
  "phone",
  "story",
] as const;

/** The first seven columns, up to the number of members, must be in the header. */
const REQUIRED_PRODUCER_COLUMNS = PRODUCER_COLUMNS.slice(0, 7);

export interface ProducerValues {
  code: string;
  name: string;
  kind: ProducerKind;
  orgUnitId: number;
  commune: string;
  address: string;
  membersTotal: number;
  membersWomen: number;
  membersEthnicMinority: number;
  membersPoorHousehold: number;
  foundedYear: number | null;
  phone: string | null;
  story: string;
}

const isProducerKind = (kind: string): kind is ProducerKind =>
  PRODUCER_KINDS.some((k) => k === kind);

/** Plans the producers of a file; a producer's own import may not carry this file. */
export async function planProducers(
  db: Db,
  scope: ImportScope,
  sheet: Sheet,
  problems: Problems,
  progress: Progress,
): Promise<Planned<ProducerValues>[]> {
  if (scope.kind === "producer") {
    problems.add("producers", 1, "code", "import.row.producersStaffOnly");
    return [];
  }
  if (!checkHeader(sheet, REQUIRED_PRODUCER_COLUMNS, "producers", problems)) return [];
  const units = new Map(
    db
      .select({ id: orgUnits.id, code: orgUnits.code, path: orgUnits.path })
      .from(orgUnits)
      // A unit merged into another takes no new producer: its code reads as unknown.
      .where(isNull(orgUnits.mergedIntoId))
      .all()
      .map((u) => [u.code, u]),
  );
  const unitPaths = new Map([...units.values()].map((u) => [u.id, u.path]));
  const codes = sheet.rows.map((r) => r.values.code ?? "").filter(Boolean);
  const existing = new Map(
    (codes.length
      ? db
          .select({
            id: producers.id,
            code: producers.code,
            name: producers.name,
            orgUnitId: producers.orgUnitId,
          })
          .from(producers)
          .all()
      : []
    ).map((p) => [p.code, p]),
  );
  const namesTaken = new Map([...existing.values()].map((p) => [p.name, p.code]));
  const seenCodes = new Set<string>();
  const seenNames = new Set<string>();
  const planned: Planned<ProducerValues>[] = [];

  for (const [index, { row, values }] of sheet.rows.entries()) {
    await checkpoint(index, sheet.rows.length, progress);
    const r = new RowReader("producers", row, values, problems);
    const code = r.text("code", { required: "import.row.producerCodeMissing", max: 20 });
    if (code && !/^[A-Za-z0-9-]+$/.test(code)) r.problem("code", "import.row.codeFormat");
    if (code && seenCodes.has(code)) r.problem("code", "import.row.codeTwice", { code });
    seenCodes.add(code);
    const name = r.text("name", { required: "import.row.producerNameMissing", max: 200 });
    const nameOwner = namesTaken.get(name);
    if (name && ((nameOwner && nameOwner !== code) || seenNames.has(name))) {
      r.problem("name", "import.row.producerNameTaken");
    }
    seenNames.add(name);
    const kind = r.text("kind", { required: "import.row.kindMissing" });
    if (kind && !isProducerKind(kind)) r.problem("kind", "import.row.kindInvalid");
    const unitCode = r.text("org_unit_code", { required: "import.row.orgUnitMissing" });
    const unit = units.get(unitCode);
    if (unitCode && !unit) {
      r.problem("org_unit_code", "import.row.orgUnitUnknown", { code: unitCode });
    } else if (unit && !pathInScope(scope, unit.path)) {
      r.problem("org_unit_code", "import.row.orgUnitOutOfScope");
    }
    const current = existing.get(code);
    if (current && !pathInScope(scope, unitPaths.get(current.orgUnitId) ?? "")) {
      r.problem("code", "import.row.producerOutOfScope");
    }
    const commune = r.text("commune", { required: "import.row.communeMissing", max: 100 });
    const address = r.text("address", { required: "import.row.addressMissing", max: 300 });
    const total = r.int("members_total", "import.row.membersTotal", 1, null);
    const members = (column: string) => {
      const n = r.int(column, "import.row.membersCount", 0, 0);
      if (n !== null && total !== null && n > total)
        r.problem(column, "import.row.membersOverTotal");
      return n ?? 0;
    };
    const women = members("members_women");
    const ethnic = members("ethnic_minority_members");
    const poor = members("poor_household_members");
    const foundedRaw = r.cell("founded_year");
    let foundedYear: number | null = null;
    if (foundedRaw) {
      foundedYear = wholeNumberCell(foundedRaw);
      if (!Number.isInteger(foundedYear) || foundedYear < 1900 || foundedYear > 2100) {
        r.problem("founded_year", "import.row.foundedYear");
      }
    }
    const phone = r.text("phone", { max: 20 });
    if (phone && !/^(0|\+84)\d{9,10}$/.test(phone.replace(/[\s.-]/g, ""))) {
      r.problem("phone", "import.row.phone");
    }
    const story = r.text("story", { max: 3000, long: true });
    if (r.hasProblems || !unit || !isProducerKind(kind)) continue;
    planned.push({
      row,
      existingId: current?.id ?? null,
      values: {
        code,
        name,
        kind,
        orgUnitId: unit.id,
        commune,
        address,
        membersTotal: total ?? 1,
        membersWomen: women,
        membersEthnicMinority: ethnic,
        membersPoorHousehold: poor,
        foundedYear,
        phone: phone || null,
        story,
      },
    });
  }
  return planned;
}
