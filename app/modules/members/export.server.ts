import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { nationalPhone } from "~/lib/contact";
import { memberFiltersOf, type MemberFilters } from "~/lib/schemas/members";
import type { SignedInActor } from "~/modules/auth/actor";
import { writeAudit } from "~/modules/platform/audit.server";
import {
  csvBytes,
  escapeSpreadsheetText,
  SPREADSHEET_TYPES,
} from "~/modules/platform/spreadsheet.server";
import type { Db } from "~db/client.server";
import { orgUnits, producers, unionMembers } from "~db/schema";
import { MEMBER_COLUMNS } from "./import.server";
import { memberConditions } from "./member-list.server";

/**
 * The member list as a file staff can open in Excel: CSV in UTF-8 with a BOM (so Excel shows
 * Vietnamese) or XLSX. The columns are the import's (plus the id and the unit's name), so an
 * export can be corrected and imported elsewhere. Every export is audited (`member.export`):
 * it carries sensitive data. A cell that starts with = + - @ is escaped so a spreadsheet
 * never runs it as a formula (one rule for every export: platform/spreadsheet.server.ts).
 */

const EXPORT_COLUMNS = ["id", ...MEMBER_COLUMNS, "org_unit_name"] as const;
type ExportColumn = (typeof EXPORT_COLUMNS)[number];

type ExportRow = Record<ExportColumn, string | number>;

function exportRows(db: Db, actor: SignedInActor, filters: MemberFilters): ExportRow[] {
  const { where } = memberConditions(db, actor, filters);
  return db
    .select({
      member: unionMembers,
      unitCode: orgUnits.code,
      unitName: orgUnits.name,
      producerCode: producers.code,
    })
    .from(unionMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, unionMembers.orgUnitId))
    .leftJoin(producers, eq(producers.id, unionMembers.producerId))
    .where(where)
    .orderBy(asc(orgUnits.path), asc(unionMembers.fullName), asc(unionMembers.id))
    .all()
    .map(({ member, unitCode, unitName, producerCode }) => ({
      id: member.id,
      full_name: member.fullName,
      birth_year: member.birthYear ?? "",
      phone: member.phone ? nationalPhone(member.phone) : "",
      joined_on: member.joinedOn,
      org_unit_code: unitCode,
      producer_code: producerCode ?? "",
      ethnic_group: member.ethnicGroup ?? "",
      household_status: member.householdStatus ?? "",
      has_disability: member.hasDisability === null ? "" : member.hasDisability ? "yes" : "no",
      consent_given_on: member.consentGivenOn ?? "",
      consent_form: member.consentForm ?? "",
      org_unit_name: unitName,
    }));
}

/** A downloadable file: its bytes, type and name. */
export interface ExportFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

/**
 * The members of the actor's subtree matching the filters as CSV or XLSX (`member:view`);
 * the export is audited with its format, filters and row count.
 */
export async function exportMembers(
  db: Db,
  actor: SignedInActor,
  filters: MemberFilters,
  format: "csv" | "xlsx",
  { ipAddress = null, now = new Date() }: { ipAddress?: string | null; now?: Date } = {},
): Promise<ExportFile> {
  const rows = exportRows(db, actor, filters);
  writeAudit(db, {
    actorUserId: actor.userId,
    action: "member.export",
    entityType: "union_member",
    entityId: "export",
    orgUnitId: null,
    after: {
      format,
      rows: rows.length,
      unitCode: filters.unitCode,
      producerCode: filters.producerCode,
      searched: filters.query !== null,
    },
    ipAddress,
  });
  const stamp = now.toISOString().slice(0, 10);
  if (format === "csv") {
    return {
      body: csvBytes([
        [...EXPORT_COLUMNS],
        ...rows.map((row) => EXPORT_COLUMNS.map((column) => String(row[column]))),
      ]),
      contentType: SPREADSHEET_TYPES.csv,
      filename: `hoi-vien-${stamp}.csv`,
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("hoi_vien");
  sheet.addRow([...EXPORT_COLUMNS]);
  for (const row of rows) {
    sheet.addRow(
      EXPORT_COLUMNS.map((column) => {
        const value = row[column];
        return typeof value === "number" ? value : escapeSpreadsheetText(value);
      }),
    );
  }
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    body: Uint8Array.from(new Uint8Array(buffer)),
    contentType: SPREADSHEET_TYPES.xlsx,
    filename: `hoi-vien-${stamp}.xlsx`,
  };
}

/**
 * The download a member export address asks for: the list's filters from its query
 * (`?don-vi=&nha-san-xuat=&q=`, as on the page), as CSV or XLSX; audited like every export.
 */
export function memberDownload(
  db: Db,
  actor: SignedInActor,
  url: URL,
  format: "csv" | "xlsx",
  ipAddress: string | null,
): Promise<ExportFile> {
  return exportMembers(db, actor, memberFiltersOf(url.searchParams), format, { ipAddress });
}
