import ExcelJS from "exceljs";
import { NotFound } from "~/lib/errors";
import type { Actor } from "~/modules/auth/actor";
import {
  csvBytes,
  escapeSpreadsheetText,
  SPREADSHEET_TYPES,
} from "~/modules/platform/spreadsheet.server";
import type { Db } from "~db/client.server";
import { importCategories } from "./categories.server";
import { PRODUCER_HEADINGS, PRODUCT_HEADINGS } from "./headings.server";
import { producerImportScope, staffImportScope } from "./scope.server";
import type { ImportArea } from "./web.server";

/**
 * The template files the import pages offer: the header row in Vietnamese (the import reads
 * those headings, headings.server.ts), in CSV (UTF-8 with a BOM, so Excel shows the tones) or
 * XLSX. The XLSX adds a second sheet listing the category codes and names; the import reads
 * only the first sheet. Only staff import producers, so only they get that template.
 */

const TEMPLATES = {
  "san-pham": { headings: PRODUCT_HEADINGS, sheet: "San pham", staffOnly: false },
  "nha-san-xuat": { headings: PRODUCER_HEADINGS, sheet: "Nha san xuat", staffOnly: true },
} as const;

export interface TemplateFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

/** The template named `name` (e.g. "san-pham.xlsx") for the area, or 404. */
export async function importTemplate(
  db: Db,
  actor: Actor,
  area: ImportArea,
  name: string,
): Promise<TemplateFile> {
  if (area === "producer") producerImportScope(actor);
  else staffImportScope(actor);
  const match = /^(san-pham|nha-san-xuat)\.(csv|xlsx)$/.exec(name);
  const kind = match?.[1] as keyof typeof TEMPLATES | undefined;
  const format = match?.[2];
  const template = kind ? TEMPLATES[kind] : undefined;
  if (!kind || !template || (template.staffOnly && area !== "staff")) throw new NotFound();
  const header = Object.values(template.headings);
  const filename = `mau-nhap-${name}`;
  if (format === "csv") {
    return { body: csvBytes([header]), contentType: SPREADSHEET_TYPES.csv, filename };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(template.sheet);
  sheet.addRow(header);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = Math.max(14, (header[index]?.length ?? 0) + 4);
  });
  if (kind === "san-pham") {
    const list = workbook.addWorksheet("Danh muc");
    list.addRow(["Mã danh mục", "Tên danh mục"]);
    list.getRow(1).font = { bold: true };
    for (const category of importCategories(db, "vi")) {
      list.addRow([escapeSpreadsheetText(category.code), escapeSpreadsheetText(category.name)]);
    }
    list.getColumn(1).width = 24;
    list.getColumn(2).width = 40;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    body: Uint8Array.from(new Uint8Array(buffer)),
    contentType: SPREADSHEET_TYPES.xlsx,
    filename,
  };
}
