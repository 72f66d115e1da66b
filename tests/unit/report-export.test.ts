import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { escapeSpreadsheetText } from "~/modules/platform/spreadsheet.server";
import { tableToCsv, tableToXlsx } from "~/modules/reports/export.server";
import { changePercent, type ReportTable } from "~/modules/reports/tables";

/** The export writers on their own: BOM, quoting, escaping, numbers kept as numbers. */

const table: ReportTable = {
  id: "don-vi",
  caption: "Theo đơn vị",
  columns: [
    { label: "Mã đơn vị", isNumber: false },
    { label: "Tên đơn vị", isNumber: false },
    { label: "Doanh số (đồng)", isNumber: true },
  ],
  rows: [
    { cells: ["QT-A", 'Hội "Vĩnh Linh", xã', 1_234_567], role: "item", drillDown: "QT-A" },
    { cells: [null, "=1+2", -5], role: "direct", drillDown: null },
    { cells: ["QT", "@SUM(A1)", null], role: "total", drillDown: null },
  ],
};

describe("report exports", () => {
  it("escapes text that begins with = + - @ (or a tab or carriage return), and nothing else", () => {
    for (const text of ["=A1", "+84", "-1", "@x", "\t=1", "\r=1"]) {
      expect(escapeSpreadsheetText(text)).toBe(`'${text}`);
    }
    for (const text of ["Hội LHPN", "1-2", "a=b", ""])
      expect(escapeSpreadsheetText(text)).toBe(text);
  });

  it("writes CSV in UTF-8 with a BOM, quoted where needed, numbers as numbers", () => {
    const bytes = tableToCsv(table);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(
      [
        "Mã đơn vị,Tên đơn vị,Doanh số (đồng)",
        'QT-A,"Hội ""Vĩnh Linh"", xã",1234567',
        ",'=1+2,-5",
        "QT,'@SUM(A1),",
        "",
      ].join("\r\n"),
    );
  });

  it("writes XLSX with one sheet: header, escaped text, numeric cells, no formula", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableToXlsx(table, "Báo cáo")).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("Theo đơn vị");
    const values: unknown[][] = [];
    sheet?.eachRow((row) => values.push([1, 2, 3].map((c) => row.getCell(c).value)));
    expect(values).toEqual([
      ["Mã đơn vị", "Tên đơn vị", "Doanh số (đồng)"],
      ["QT-A", 'Hội "Vĩnh Linh", xã', 1234567],
      [null, "'=1+2", -5],
      ["QT", "'@SUM(A1)", null],
    ]);
  });

  it("gives the change in percent to one decimal, none when there was nothing before", () => {
    expect(changePercent(150, 100)).toBe(50);
    expect(changePercent(1, 3)).toBe(-66.7);
    expect(changePercent(5, 0)).toBeNull();
    expect(changePercent(null, 4)).toBeNull();
  });
});
