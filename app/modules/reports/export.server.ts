import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { vietnamToday } from "~/lib/dates";
import { NotFound } from "~/lib/errors";
import type { Locale } from "~/lib/i18n/locales";
import type { SignedInActor } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/permissions.server";
import { writeAudit } from "~/modules/platform/audit.server";
import {
  csvBytes,
  escapeSpreadsheetText,
  SPREADSHEET_TYPES,
} from "~/modules/platform/spreadsheet.server";
import type { Db } from "~db/client.server";
import { orgUnits } from "~db/schema";
import { outcomeReport } from "./outcome.server";
import { readExportQuery } from "./report-query";
import { reportTable, type ReportTable, type ReportTableId } from "./tables";
import type { ReportPeriod } from "./types";

/**
 * Downloads of the report's tables (issue 12, item 5): CSV in UTF-8 with a byte-order mark
 * (so Excel shows Vietnamese) and XLSX, each the same rows as the screen's table
 * (./tables.ts). Every download is written to the audit log.
 */

export type ExportFormat = "csv" | "xlsx";

export interface ReportDownload {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

export interface ExportRequest {
  /** Null: the top of the actor's report reach, as on the page. */
  unitCode: string | null;
  period: ReportPeriod;
  previous: ReportPeriod;
  table: ReportTableId;
  format: ExportFormat;
  locale: Locale;
  ipAddress: string | null;
}

/** The table as CSV (platform/spreadsheet): the header row, then one line per row. */
export function tableToCsv(table: ReportTable): Uint8Array<ArrayBuffer> {
  return csvBytes([table.columns.map((column) => column.label), ...table.rows.map((r) => r.cells)]);
}

/** A worksheet's name: at most 31 characters, none of those Excel refuses. */
function sheetName(caption: string): string {
  return caption.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
}

/** The table as an XLSX workbook of one sheet: the header row, then one row per row. */
export async function tableToXlsx(
  table: ReportTable,
  title: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cung Cầu";
  workbook.title = title;
  const sheet = workbook.addWorksheet(sheetName(table.caption), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.addRow(table.columns.map((column) => escapeSpreadsheetText(column.label))).font = {
    bold: true,
  };
  for (const row of table.rows) {
    const added = sheet.addRow(
      row.cells.map((cell) => (typeof cell === "string" ? escapeSpreadsheetText(cell) : cell)),
    );
    if (row.role === "total") added.font = { bold: true };
    row.cells.forEach((cell, index) => {
      if (typeof cell === "number") {
        added.getCell(index + 1).numFmt = Number.isInteger(cell) ? "#,##0" : "#,##0.0";
      }
    });
  }
  table.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = Math.min(45, Math.max(12, column.label.length + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** The report unit's id and path (the report itself checked that it exists and is not merged). */
function reportUnitRecord(db: Db, code: string) {
  const unit = db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(eq(orgUnits.code, code))
    .get();
  if (!unit) throw new NotFound("reports.errors.unknownUnit", { code });
  return unit;
}

/**
 * One table of the report of `unitCode` as a CSV or XLSX download. Needs `report:view` over
 * the unit (checked by the report itself: unknown or merged unit 404, out of reach 403) and
 * `report:export`; the download is audited
 * `report.export` with the table, the format and the period.
 */
export async function exportReportTable(
  db: Db,
  actor: SignedInActor,
  request: ExportRequest,
): Promise<ReportDownload> {
  const report = outcomeReport(db, actor, {
    unitCode: request.unitCode,
    period: request.period,
    previous: request.previous,
  });
  const unit = reportUnitRecord(db, report.unit.code);
  requirePermission(actor, "report:export", unit.path);
  const table = reportTable(report, request.table, request.locale);
  const bytes =
    request.format === "csv"
      ? tableToCsv(table)
      : await tableToXlsx(
          table,
          `${report.unit.name} ${request.period.from} – ${request.period.to}`,
        );
  writeAudit(db, {
    actorUserId: actor.userId,
    action: "report.export",
    entityType: "org_unit",
    entityId: unit.id,
    orgUnitId: unit.id,
    after: {
      table: request.table,
      format: request.format,
      from: request.period.from,
      to: request.period.to,
      rows: table.rows.length,
    },
    ipAddress: request.ipAddress,
  });
  const name = `bao-cao-${report.unit.code}-${request.period.from}-${request.period.to}-${request.table}`;
  return {
    bytes,
    contentType: SPREADSHEET_TYPES[request.format],
    filename: `${name.replace(/[^A-Za-z0-9-]/g, "")}.${request.format}`,
  };
}

/**
 * The download an export address asks for (`?tu=&den=&don-vi=&bang=`, read with
 * readExportQuery: bad dates or an unknown table are a 400), in the reader's language.
 */
export function reportDownload(
  db: Db,
  actor: SignedInActor,
  url: URL,
  format: ExportFormat,
  ipAddress: string | null,
): Promise<ReportDownload> {
  const query = readExportQuery(url.searchParams, vietnamToday());
  return exportReportTable(db, actor, { ...query, format, locale: actor.locale, ipAddress });
}
