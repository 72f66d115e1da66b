import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { Invalid } from "~/lib/errors";
import { t } from "~/lib/i18n/translate";
import { cleanText } from "~/lib/text";

/** The one message for every file that is not UTF-8 CSV or XLSX (its Vietnamese text, for the CLI). */
export const ENCODING_MESSAGE = t("vi", "import.error.encoding");

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_IMPORT_ROWS = 20_000;

export interface SheetRow {
  /** The row number a spreadsheet shows (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

export interface Sheet {
  columns: string[];
  rows: SheetRow[];
}

const starts = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

function refuse(): never {
  throw new Invalid("import.error.encoding", {}, { field: "file" });
}

/** Text of a CSV file: UTF-8 (BOM or not), as NFC; any other encoding is refused. */
function decodeCsvText(bytes: Uint8Array): string {
  if (starts(bytes, 0xff, 0xfe) || starts(bytes, 0xfe, 0xff)) refuse(); // UTF-16 (Excel "Unicode text")
  const body = starts(bytes, 0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    refuse(); // Windows-1258, TCVN3, Latin-1…: not valid UTF-8
  }
  if (text.includes("\u0000")) refuse(); // UTF-16 without a BOM
  return text.normalize("NFC");
}

function fromRecords(records: string[][]): Sheet {
  const [header, ...body] = records;
  if (!header) return { columns: [], rows: [] };
  const columns = header.map((name) => cleanText(name).toLowerCase());
  const rows: SheetRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      if (column) values[column] = cleanText(cells[i] ?? "");
    });
    rows.push({ row: index + 2, values });
  });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new Invalid("import.error.tooManyRows", { max: MAX_IMPORT_ROWS });
  }
  return { columns, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; hand it an exact copy of the bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    refuse();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { columns: [], rows: [] };
  const records: string[][] = [];
  let last = 0;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    // Keep row numbers as the spreadsheet shows them, even across blank rows.
    while (last < rowNumber - 1) {
      records.push([]);
      last += 1;
    }
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(cellText(row.getCell(c).value));
    records.push(cells);
    last = rowNumber;
  });
  return fromRecords(records);
}

/**
 * Reads an uploaded spreadsheet by its content: XLSX (a zip) or CSV in UTF-8. Old .xls,
 * UTF-16 and legacy Vietnamese encodings get ENCODING_MESSAGE.
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Sheet> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new Invalid("import.error.tooLarge", {}, { field: "file" });
  }
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04)) return readXlsx(bytes);
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0)) refuse(); // Excel 97-2003 .xls
  const text = decodeCsvText(bytes);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw line
      ? new Invalid("import.error.csvLine", { line }, { field: "file" })
      : new Invalid("import.error.csv", {}, { field: "file" });
  }
  return fromRecords(records);
}
