import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vietnamToday } from "~/lib/dates";
import { t } from "~/lib/i18n";
import { formatDate } from "~/lib/i18n/format";
import { campaignFigures } from "~/modules/campaigns/figures.server";
import { campaignPhase } from "~/modules/campaigns/phase";
import { addDays } from "~/modules/reports/periods";
import { openDatabase, type Db } from "~db/client.server";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { parseCsv, screenCellAsExported, screenTable } from "../helpers/report-tables";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * The outcome report's page, exports and print view on the real server with the demo data
 * (issue 12, items 3–6): the demo commune staff (moderator + reporter of QT-VINHLINH) sees
 * her commune and nothing else; the CSV of the table by unit has exactly the issue's columns
 * and rows; cells that a spreadsheet would run as formulas are escaped; every download is
 * in the audit log; bad input is a 4xx with a message.
 */

type AccountKey = "province-staff" | "commune-staff";

const COMMUNE = "QT-VINHLINH";
const OTHER_COMMUNE = "QT-DONGHA";

/** The issue's columns of the table by unit, in its order (Vietnamese headers). */
const UNIT_COLUMNS = [
  "reports.col.unitCode",
  "reports.col.unitName",
  "reports.col.salesVnd",
  "reports.col.completedOrders",
  "reports.col.activeProducers",
  "reports.col.womenMembers",
  "reports.col.salesPerWomanMemberVnd",
] as const;

describe("the report pages and exports (real server)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies = {} as Record<AccountKey, string>;
  // The last 365 days: the demo history (12 months of orders) falls inside.
  const today = vietnamToday();
  const period = { tu: addDays(today, -364), den: today };
  const query = (unit: string, extra: Record<string, string> = {}) =>
    `?${new URLSearchParams({ ...period, "don-vi": unit, ...extra }).toString()}`;

  const get = async (as: AccountKey, path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { Cookie: cookies[as] },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      headers: response.headers,
      bytes,
      text: decodeEntities(new TextDecoder().decode(bytes)),
    };
  };
  const exportCount = () =>
    db.$client
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.export'")
      .get() as {
      n: number;
    };

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookies["province-staff"] = await demoSessionCookie(server.url, "province-staff");
    cookies["commune-staff"] = await demoSessionCookie(server.url, "commune-staff");
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  it("shows the commune staff her commune: figures, definitions, notes, charts, drill-down", async () => {
    const page = await get("commune-staff", "/quan-ly/bao-cao");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Hội LHPN xã Vĩnh Linh");
    for (const key of [
      "reports.notes.todayTree",
      "reports.notes.additive",
      "reports.def.sales",
      "reports.def.period",
      "reports.def.offlineDeals",
    ] as const) {
      expect(page.text, key).toContain(t("vi", key));
    }
    // Her own report: its branches link to theirs, and its print view and exports are offered.
    const withData = await get("commune-staff", `/quan-ly/bao-cao${query(COMMUNE)}`);
    expect(withData.status).toBe(200);
    expect(withData.text).toContain(`don-vi=${COMMUNE}-CH01`);
    expect(withData.text).toContain("/quan-ly/bao-cao.csv?");
    expect(withData.text).toContain("/quan-ly/bao-cao/in?");
    // Charts are SVG drawn on the server, each an image with a name and a description.
    expect(withData.text).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="bieu-do-thang-title/);
    for (const table of [
      "chi-so",
      "don-vi",
      "nha-san-xuat",
      "nganh-hang",
      "sao-ocop",
      "nhom-yeu-the",
      "nhu-cau",
      "12-thang",
      "chien-dich",
    ]) {
      expect(withData.text, table).toContain(`id="bang-${table}"`);
    }
    const branch = await get("commune-staff", `/quan-ly/bao-cao${query(`${COMMUNE}-CH01`)}`);
    expect(branch.status).toBe(200);
    expect(branch.text).toContain("Chi hội phụ nữ khu phố 4 Hồ Xá");
  });

  it("lists the demo campaigns with the one count's figures: both for the province, the running one for Vĩnh Linh", async () => {
    const demo = db.$client
      .prepare(
        `SELECT c.id, c.title, c.status, c.starts_on AS startsOn, c.ends_on AS endsOn,
                c.ended_at AS endedAt, c.target_vnd AS targetVnd,
                c.target_quantity AS targetQuantity, c.target_unit AS targetUnit,
                u.name AS unitName
           FROM campaigns c JOIN org_units u ON u.id = c.org_unit_id
          WHERE c.slug IN ('chung-tay-vung-lu', 'giai-cuu-chanh-leo-tan-lap')
          ORDER BY c.starts_on DESC`,
      )
      .all() as {
      id: number;
      title: string;
      status: "published" | "ended";
      startsOn: string;
      endsOn: string;
      endedAt: number | null;
      targetVnd: number | null;
      targetQuantity: number | null;
      targetUnit: "kg" | null;
      unitName: string;
    }[];
    expect(demo).toHaveLength(2);
    const cell = (value: number | string | null) => (value === null ? "" : String(value));
    const expected = demo.map((c) => {
      const f = campaignFigures(db, {
        ...c,
        endedAt: c.endedAt === null ? null : new Date(c.endedAt),
      });
      const quantity = c.targetQuantity !== null;
      return [
        c.title,
        c.unitName,
        `${formatDate(c.startsOn, "vi")} – ${formatDate(c.endsOn, "vi")}`,
        t("vi", `reports.campaignPhase.${campaignPhase(c, today) as "running" | "ended"}`),
        cell(c.targetVnd),
        cell(f.orderedVnd),
        cell(f.soldVnd),
        cell(c.targetQuantity),
        cell(c.targetUnit),
        quantity ? cell(f.orderedQuantity) : "",
        quantity ? cell(f.soldQuantity) : "",
        cell(f.buyers),
        cell(f.orders),
      ];
    });
    expect(expected.map((row) => row[3])).toEqual(["Đang diễn ra", "Đã kết thúc"]);
    expect(Number(expected[0]?.[6])).toBeGreaterThan(0);
    const shown = async (as: AccountKey, unit: string, path = "/quan-ly/bao-cao") =>
      screenTable((await get(as, `${path}${query(unit)}`)).text, "chien-dich")
        .slice(1)
        .map((row) => row.map(screenCellAsExported));
    expect(await shown("province-staff", "QT")).toEqual(expected);
    expect(await shown("province-staff", "QT", "/quan-ly/bao-cao/in")).toEqual(expected);
    // Vĩnh Linh: the province's running campaign has her SX001; the Tân Lập one is not hers.
    expect(await shown("commune-staff", COMMUNE)).toEqual([expected[0]]);
  });

  it("refuses her another unit's page, print view, CSV and XLSX (403 or 404), and logs nothing", async () => {
    const before = exportCount().n;
    for (const unit of [OTHER_COMMUNE, "QT", `${OTHER_COMMUNE}-CH01`, "KHONG-CO"]) {
      for (const path of [
        "/quan-ly/bao-cao",
        "/quan-ly/bao-cao/in",
        "/quan-ly/bao-cao.csv",
        "/quan-ly/bao-cao.xlsx",
      ]) {
        const answer = await get("commune-staff", `${path}${query(unit)}`);
        expect([403, 404], `${path} ${unit}`).toContain(answer.status);
        expect(answer.text, `${path} ${unit}`).not.toContain("Hội LHPN phường Đông Hà");
      }
    }
    expect(exportCount().n).toBe(before);
  });

  it("answers unreadable dates and an unknown table with a 400 and a message, never a 500", async () => {
    const badDay = await get("commune-staff", `/quan-ly/bao-cao?tu=2026-02-30&den=2026-03-31`);
    expect(badDay.status).toBe(400);
    expect(badDay.text).toContain(t("vi", "reports.errors.dateInvalid"));
    expect(badDay.text).toContain('aria-invalid="true"');
    const reversed = await get("commune-staff", `/quan-ly/bao-cao?tu=2026-03-31&den=2026-03-01`);
    expect(reversed.status).toBe(400);
    expect(reversed.text).toContain(t("vi", "reports.errors.periodReversed"));
    const form = await get("commune-staff", `/quan-ly/bao-cao?ky=quy&ngay=hom-nay`);
    expect(form.status).toBe(400);
    for (const path of [
      `/quan-ly/bao-cao.csv?tu=2026-13-01&den=2026-12-31`,
      `/quan-ly/bao-cao.xlsx?tu=2026-12-31&den=2026-01-01`,
      `/quan-ly/bao-cao/in?tu=abc&den=2026-01-01`,
      `/quan-ly/bao-cao.csv${query(COMMUNE, { bang: "khong-co" })}`,
    ]) {
      const answer = await get("commune-staff", path);
      expect(answer.status, path).toBe(400);
    }
  });

  it("sends the period form to the report's own address", async () => {
    const answer = await get(
      "commune-staff",
      `/quan-ly/bao-cao?ky=quy&ngay=2026-08-15&tu=&den=&don-vi=${COMMUNE}`,
    );
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(
      `/quan-ly/bao-cao?tu=2026-07-01&den=2026-09-30&don-vi=${COMMUNE}`,
    );
    const custom = await get(
      "commune-staff",
      `/quan-ly/bao-cao?ky=tuy-chon&ngay=&tu=2026-01-05&den=2026-02-04&don-vi=${COMMUNE}`,
    );
    expect(custom.headers.get("location")).toBe(
      `/quan-ly/bao-cao?tu=2026-01-05&den=2026-02-04&don-vi=${COMMUNE}`,
    );
  });

  it("downloads the table by unit as CSV: BOM, the issue's columns, children, trực thuộc, total", async () => {
    for (const [as, unit] of [
      ["province-staff", "QT"],
      ["commune-staff", COMMUNE],
    ] as const) {
      const csv = await get(as, `/quan-ly/bao-cao.csv${query(unit)}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.csv"$/);
      expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(new TextDecoder().decode(csv.bytes.slice(3)));
      expect(rows[0]).toEqual(UNIT_COLUMNS.map((key) => t("vi", key)));
      const children = db.$client
        .prepare(
          `SELECT c.code FROM org_units c JOIN org_units p ON c.parent_id = p.id
           WHERE p.code = ? AND c.merged_into_id IS NULL`,
        )
        .all(unit) as { code: string }[];
      const body = rows.slice(1);
      expect(body).toHaveLength(children.length + 2);
      expect(
        body
          .slice(0, -2)
          .map((row) => row[0])
          .sort(),
      ).toEqual(children.map((child) => child.code).sort());
      const direct = body[body.length - 2] ?? [];
      const total = body[body.length - 1] ?? [];
      expect(direct.slice(0, 2)).toEqual(["", "trực thuộc"]);
      expect(total[0]).toBe(unit);
      // Sales and orders add up across the rows (children and "trực thuộc") to the total.
      for (const column of [2, 3]) {
        const sum = body.slice(0, -1).reduce((acc, row) => acc + Number(row[column]), 0);
        expect(sum, `column ${column} of ${unit}`).toBe(Number(total[column]));
      }
      // The same figures as the page's table by unit.
      const page = await get(as, `/quan-ly/bao-cao${query(unit)}`);
      const screen = screenTable(page.text, "don-vi");
      expect(screen.slice(1).map((row) => row[0])).toEqual(body.map((row) => row[0]));
      expect(screen.slice(1).map((row) => row[2]?.replace(/\./g, ""))).toEqual(
        body.map((row) => row[2]),
      );
    }
    const province = parseCsv(
      new TextDecoder().decode(
        (await get("province-staff", `/quan-ly/bao-cao.csv${query("QT")}`)).bytes.slice(3),
      ),
    );
    // The demo history has completed orders in the last 12 months.
    expect(Number(province[province.length - 1]?.[2])).toBeGreaterThan(0);
  });

  it("escapes cells that begin with = + - @ in the CSV and the XLSX", async () => {
    const names = ['=HYPERLINK("http://evil.example")', "+84 đơn vị", "-1 chi hội", "@SUM(A1)"];
    const rename = db.$client.prepare("UPDATE org_units SET name = ? WHERE code = ?");
    names.forEach((name, i) => rename.run(name, `${COMMUNE}-CH0${i + 1}`));
    try {
      const csv = await get("commune-staff", `/quan-ly/bao-cao.csv${query(COMMUNE)}`);
      const csvNames = parseCsv(new TextDecoder().decode(csv.bytes.slice(3))).map((r) => r[1]);
      const xlsx = await get("commune-staff", `/quan-ly/bao-cao.xlsx${query(COMMUNE)}`);
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes.slice().buffer);
      const sheet = workbook.worksheets[0];
      const xlsxNames: unknown[] = [];
      sheet?.eachRow((row) => xlsxNames.push(row.getCell(2).value));
      for (const name of names.slice(0, 3)) {
        expect(csvNames).toContain(`'${name}`);
        expect(xlsxNames).toContain(`'${name}`);
      }
      // The fourth branch exists only if the commune has one; the escaping rule is the same.
      expect(csvNames.some((name) => /^[=+\-@]/.test(name ?? ""))).toBe(false);
      expect(xlsxNames.some((name) => typeof name === "string" && /^[=+\-@]/.test(name))).toBe(
        false,
      );
      // No cell is a formula.
      sheet?.eachRow((row) =>
        row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
      );
    } finally {
      const restore = db.$client.prepare("UPDATE org_units SET name = ? WHERE code = ?");
      for (const [code, name] of [
        [`${COMMUNE}-CH01`, "Chi hội phụ nữ khu phố 4 Hồ Xá"],
        [`${COMMUNE}-CH02`, "Chi hội phụ nữ thôn Đông Sơn"],
        [`${COMMUNE}-CH03`, "Chi hội phụ nữ thôn Tiên Mỹ"],
      ]) {
        restore.run(name, code);
      }
    }
  });

  it("speaks English to a reader who chose it: page, CSV headers and the trực thuộc row", async () => {
    const session = await demoSessionCookie(server.url, "province-staff", { lang: "en" });
    db.$client.prepare("UPDATE users SET locale = 'en' WHERE email = 'tinh@cungcau.demo'").run();
    try {
      const headers = { Cookie: `lang=en; ${session}` };
      const page = await fetch(`${server.url}/quan-ly/bao-cao${query("QT")}`, { headers });
      const html = decodeEntities(await page.text());
      expect(page.status).toBe(200);
      expect(html).toContain(t("en", "reports.notes.additive"));
      expect(html).toContain(t("en", "reports.def.sales"));
      const csv = await fetch(`${server.url}/quan-ly/bao-cao.csv${query("QT")}`, { headers });
      const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ""));
      expect(rows[0]).toEqual(UNIT_COLUMNS.map((key) => t("en", key)));
      expect(rows[rows.length - 2]?.slice(0, 2)).toEqual(["", t("en", "reports.row.direct")]);
    } finally {
      db.$client.prepare("UPDATE users SET locale = 'vi' WHERE email = 'tinh@cungcau.demo'").run();
    }
  });

  it("writes every download to the audit log: who, which unit, table, format and period", async () => {
    const before = exportCount().n;
    await get("commune-staff", `/quan-ly/bao-cao.csv${query(COMMUNE, { bang: "nganh-hang" })}`);
    await get("commune-staff", `/quan-ly/bao-cao.xlsx${query(COMMUNE, { bang: "12-thang" })}`);
    expect(exportCount().n).toBe(before + 2);
    const rows = db.$client
      .prepare(
        `SELECT a.actor_user_id AS actor, a.entity_type AS entityType, o.code AS unit, a.after
         FROM audit_log a JOIN org_units o ON o.id = a.org_unit_id
         WHERE a.action = 'report.export' ORDER BY a.id DESC LIMIT 2`,
      )
      .all() as { actor: number; entityType: string; unit: string; after: string }[];
    const staff = db.$client
      .prepare("SELECT id FROM users WHERE email = 'xa.vinhlinh@cungcau.demo'")
      .get() as { id: number };
    expect(rows.map((row) => [row.actor, row.entityType, row.unit])).toEqual([
      [staff.id, "org_unit", COMMUNE],
      [staff.id, "org_unit", COMMUNE],
    ]);
    expect(rows.map((row) => JSON.parse(row.after) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        table: "12-thang",
        format: "xlsx",
        from: period.tu,
        to: period.den,
      }),
      expect.objectContaining({
        table: "nganh-hang",
        format: "csv",
        from: period.tu,
        to: period.den,
      }),
    ]);
  });
});
