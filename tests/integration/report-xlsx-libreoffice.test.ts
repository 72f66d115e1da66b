import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vietnamToday } from "~/lib/dates";
import { t } from "~/lib/i18n";
import { addDays } from "~/modules/reports/periods";
import { REPORT_TABLE_IDS } from "~/modules/reports/tables";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { parseCsv, screenCellAsExported, screenTable } from "../helpers/report-tables";
import { startServer, tempDir, type StartedServer } from "../helpers/server";

const run = promisify(execFile);

/**
 * The XLSX exports read back by another reader than the one that wrote them (issue 12,
 * acceptance): every table of the province's report is downloaded from the real server,
 * converted to CSV by LibreOffice headless (scripts/test.sh installs libreoffice-calc-nogui,
 * /usr/bin/soffice), and compared cell by cell with the same table on the report page.
 */

/** LibreOffice's CSV filter: comma, double quotes, UTF-8 (76), values not as formatted. */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false";

describe("the report's XLSX read back by LibreOffice (real server)", () => {
  let server: StartedServer;
  let dir: string;
  let cookie: string;
  const today = vietnamToday();
  const query = new URLSearchParams({ tu: addDays(today, -364), den: today, "don-vi": "QT" });

  beforeAll(async () => {
    server = await startServer();
    dir = tempDir("cung-cau-xlsx-");
    cookie = await demoSessionCookie(server.url, "province-staff");
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("matches the screen's tables cell by cell, Vietnamese text intact", async () => {
    const page = await fetch(`${server.url}/quan-ly/bao-cao?${query.toString()}`, {
      headers: { Cookie: cookie },
    });
    expect(page.status).toBe(200);
    const html = decodeEntities(await page.text());
    const files: string[] = [];
    for (const table of REPORT_TABLE_IDS) {
      const answer = await fetch(
        `${server.url}/quan-ly/bao-cao.xlsx?${query.toString()}&bang=${table}`,
        { headers: { Cookie: cookie } },
      );
      expect(answer.status, table).toBe(200);
      const file = join(dir, `${table}.xlsx`);
      writeFileSync(file, new Uint8Array(await answer.arrayBuffer()));
      files.push(file);
    }
    const out = join(dir, "csv");
    mkdirSync(out);
    // One LibreOffice run for all the files, with a private profile (no shared state).
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        CSV_FILTER,
        "--outdir",
        out,
        ...files,
      ],
      { timeout: 120_000 },
    );
    const emptyMessage = t("vi", "reports.table.empty");
    for (const table of REPORT_TABLE_IDS) {
      const read = parseCsv(readFileSync(join(out, `${table}.csv`), "utf8"));
      const screen = screenTable(html, table);
      const [header = [], ...rows] = screen;
      expect(read[0], `${table} header`).toEqual(header);
      const expected =
        rows.length === 1 && rows[0]?.[0] === emptyMessage
          ? []
          : rows.map((row) => row.map(screenCellAsExported));
      expect(read.slice(1), table).toEqual(expected);
    }
    const units = parseCsv(readFileSync(join(out, "don-vi.csv"), "utf8"));
    expect(units.map((row) => row[1])).toContain("trực thuộc");
    expect(units.map((row) => row[1])).toContain("Hội LHPN xã Vĩnh Linh");
    expect(units[0]?.[2]).toBe("Doanh số (đồng)");
  }, 240_000);
});
