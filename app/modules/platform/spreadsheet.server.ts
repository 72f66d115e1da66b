/**
 * Files staff open in a spreadsheet (the report tables, the member list): CSV in UTF-8 with a
 * byte-order mark (so Excel shows Vietnamese) and the headers of a download. One owner for the
 * rule that keeps a cell from running as a formula.
 */

/**
 * A text cell a spreadsheet would read as a formula (= + - @, or a tab or carriage return
 * that some readers strip before one) gets a leading apostrophe, so it stays text. Numbers
 * are written as numbers and need no escaping.
 */
export function escapeSpreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(cell: string | number | null): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const escaped = escapeSpreadsheetText(cell);
  return /[",\r\n]/.test(escaped) ? `"${escaped.replace(/"/g, '""')}"` : escaped;
}

/** Rows as CSV: a byte-order mark, one line per row, CRLF line ends, text cells escaped. */
export function csvBytes(
  rows: readonly (readonly (string | number | null)[])[],
): Uint8Array<ArrayBuffer> {
  const text = rows.map((cells) => cells.map(csvField).join(",")).join("\r\n");
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

export const SPREADSHEET_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The headers of a download: its type, an attachment's file name, never cached. */
export function downloadHeaders(file: { contentType: string; filename: string }) {
  return {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.filename}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
