import { decodeEntities } from "./english";

/**
 * Reading the report's tables back in tests: from the page's HTML (by the caption id
 * `bang-<table>` that app/components/reports/report-table.tsx gives each table) and from CSV
 * text (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends).
 */

/** The rows of the report table `id` on the page, header row first, each cell's text. */
export function screenTable(html: string, id: string): string[][] {
  const start = html.indexOf(`id="bang-${id}"`);
  if (start < 0) throw new Error(`no table bang-${id} on the page`);
  const end = html.indexOf("</table>", start);
  const body = html.slice(start, end);
  const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      decodeEntities((cell[1] ?? "").replace(/<[^>]+>/g, "")).trim(),
    ),
  );
  return rows;
}

/** CSV text (without a byte-order mark) as rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** What a page cell says as an export writes it: "—" is an empty cell, "1.234,5" is 1234.5. */
export function screenCellAsExported(cell: string): string {
  if (cell === "—") return "";
  if (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(cell)) {
    return String(Number(cell.replace(/\./g, "").replace(",", ".")));
  }
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
