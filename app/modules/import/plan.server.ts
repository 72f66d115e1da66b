import { inArray } from "drizzle-orm";
import { OCOP_STAR_OPTIONS, parseTags, parseVnd, UNIT_OPTIONS } from "~/lib/schemas/listing";
import type { Db } from "~db/client.server";
import {
  categories,
  CERTIFICATION_KINDS,
  listings,
  orgUnits,
  PRODUCER_KINDS,
  producers,
  type CertificationKind,
  type ProducerKind,
  type Unit,
} from "~db/schema";
import type { Sheet } from "./decode.server";
import { pathInScope, type ImportScope } from "./scope.server";

/**
 * The dry run: every row of both files checked against the rules and the database, each
 * problem named by file, row and column in Vietnamese, and the creates/updates counted.
 * Nothing is written here; commit.server.ts writes a plan without problems.
 */

export const PRODUCT_COLUMNS = [
  "sku",
  "producer_code",
  "title",
  "category",
  "description",
  "price_vnd",
  "unit",
  "min_order_qty",
  "stock",
  "ocop_stars",
  "certifications",
  "ocop_certificate_no",
  "ocop_issued_on",
  "ocop_expires_on",
  "season",
  "tags",
] as const;

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

const REQUIRED_PRODUCT_COLUMNS = ["sku", "producer_code", "title", "category", "price_vnd", "unit"];
const REQUIRED_PRODUCER_COLUMNS = [
  "code",
  "name",
  "kind",
  "org_unit_code",
  "commune",
  "address",
  "members_total",
];

export type ImportFile = "producers" | "products";

export interface RowProblem {
  file: ImportFile;
  row: number;
  column: string;
  message: string;
}

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

export interface ProductValues {
  sku: string;
  producerCode: string;
  title: string;
  categoryId: number;
  description: string;
  priceVnd: number;
  unit: Unit;
  minOrderQty: number;
  stock: number;
  ocopStars: number;
  ocopCertificateNo: string | null;
  ocopIssuedOn: string | null;
  ocopExpiresOn: string | null;
  certifications: CertificationKind[];
  season: string;
  tags: string[];
}

export interface Planned<T> {
  row: number;
  existingId: number | null;
  values: T;
}

export interface ImportPlan {
  problems: RowProblem[];
  producers: Planned<ProducerValues>[];
  products: Planned<ProductValues>[];
  counts: {
    producers: { create: number; update: number };
    products: { create: number; update: number };
  };
}

type Progress = (done: number, total: number) => void;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/** Reads the cells of one row, collecting problems with the row's number and column. */
class RowReader {
  constructor(
    private readonly file: ImportFile,
    private readonly row: number,
    private readonly values: Record<string, string>,
    private readonly problems: RowProblem[],
  ) {}

  problem(column: string, message: string): void {
    this.problems.push({ file: this.file, row: this.row, column, message });
  }

  text(column: string, options: { required?: string; max?: number } = {}): string {
    const value = this.values[column] ?? "";
    if (!value && options.required) this.problem(column, options.required);
    if (options.max && value.length > options.max) {
      this.problem(column, `Dài quá ${options.max} ký tự.`);
    }
    return value;
  }

  int(column: string, message: string, min: number, fallback: number | null): number | null {
    const raw = this.values[column] ?? "";
    if (raw === "" && fallback !== null) return fallback;
    const value = /^\d+$/.test(raw.replace(/[\s.,]/g, ""))
      ? Number(raw.replace(/[\s.,]/g, ""))
      : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min) {
      this.problem(column, message);
      return null;
    }
    return value;
  }

  date(column: string): string | null {
    const value = this.values[column] ?? "";
    if (value === "") return null;
    if (!isIsoDate(value)) {
      this.problem(column, "Ngày phải có dạng NNNN-TT-NN, ví dụ 2027-06-30.");
      return null;
    }
    return value;
  }

  list(column: string): string[] {
    const value = this.values[column] ?? "";
    return value === ""
      ? []
      : value
          .split(";")
          .map((part) => part.trim())
          .filter(Boolean);
  }
}

function missingColumns(sheet: Sheet, required: string[], file: ImportFile): RowProblem[] {
  return required
    .filter((column) => !sheet.columns.includes(column))
    .map((column) => ({ file, row: 1, column, message: `Thiếu cột “${column}” ở dòng tiêu đề.` }));
}

async function planProducers(
  db: Db,
  scope: ImportScope,
  sheet: Sheet,
  problems: RowProblem[],
  progress: Progress,
): Promise<Planned<ProducerValues>[]> {
  if (scope.kind === "producer") {
    problems.push({
      file: "producers",
      row: 1,
      column: "code",
      message: "Chỉ cán bộ Hội mới nhập được danh sách nhà sản xuất.",
    });
    return [];
  }
  const headerProblems = missingColumns(sheet, REQUIRED_PRODUCER_COLUMNS, "producers");
  problems.push(...headerProblems);
  if (headerProblems.length > 0) return [];
  const units = new Map(
    db
      .select({ id: orgUnits.id, code: orgUnits.code, path: orgUnits.path })
      .from(orgUnits)
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
    if (index % 200 === 0) {
      progress(index, sheet.rows.length);
      await yieldToEventLoop();
    }
    const before = problems.length;
    const r = new RowReader("producers", row, values, problems);
    const code = r.text("code", { required: "Thiếu mã nhà sản xuất.", max: 20 });
    if (code && !/^[A-Za-z0-9-]+$/.test(code))
      r.problem("code", "Mã chỉ gồm chữ không dấu, số và dấu gạch ngang.");
    if (code && seenCodes.has(code)) r.problem("code", `Mã ${code} xuất hiện hai lần trong tệp.`);
    seenCodes.add(code);
    const name = r.text("name", { required: "Thiếu tên nhà sản xuất.", max: 200 });
    const nameOwner = namesTaken.get(name);
    if (name && ((nameOwner && nameOwner !== code) || seenNames.has(name))) {
      r.problem("name", "Tên này đã được một nhà sản xuất khác dùng.");
    }
    seenNames.add(name);
    const kind = r.text("kind", { required: "Thiếu loại hình (htx, tho, hkd, nhom)." });
    if (kind && !PRODUCER_KINDS.some((k) => k === kind))
      r.problem("kind", "Loại hình phải là htx, tho, hkd hoặc nhom.");
    const unitCode = r.text("org_unit_code", { required: "Thiếu mã đơn vị Hội." });
    const unit = units.get(unitCode);
    if (unitCode && !unit) r.problem("org_unit_code", `Không có đơn vị Hội mã ${unitCode}.`);
    else if (unit && !pathInScope(scope, unit.path)) {
      r.problem("org_unit_code", "Đơn vị này nằm ngoài phạm vi bạn quản lý.");
    }
    const current = existing.get(code);
    if (current && !pathInScope(scope, unitPaths.get(current.orgUnitId) ?? "")) {
      r.problem("code", "Nhà sản xuất này nằm ngoài phạm vi bạn quản lý.");
    }
    const commune = r.text("commune", { required: "Thiếu xã/phường.", max: 100 });
    const address = r.text("address", { required: "Thiếu địa chỉ.", max: 300 });
    const total = r.int("members_total", "Số thành viên phải là số nguyên từ 1 trở lên.", 1, null);
    const members = (column: string) => {
      const n = r.int(column, "Phải là số nguyên không âm.", 0, 0);
      if (n !== null && total !== null && n > total)
        r.problem(column, "Không được lớn hơn tổng số thành viên.");
      return n ?? 0;
    };
    const women = members("members_women");
    const ethnic = members("ethnic_minority_members");
    const poor = members("poor_household_members");
    const foundedRaw = values.founded_year ?? "";
    let foundedYear: number | null = null;
    if (foundedRaw) {
      foundedYear = Number(foundedRaw);
      if (!Number.isInteger(foundedYear) || foundedYear < 1900 || foundedYear > 2100) {
        r.problem("founded_year", "Năm thành lập phải là năm từ 1900 đến 2100.");
      }
    }
    const phone = r.text("phone", { max: 20 });
    if (phone && !/^(0|\+84)\d{9,10}$/.test(phone.replace(/[\s.-]/g, ""))) {
      r.problem("phone", "Số điện thoại không hợp lệ.");
    }
    const story = r.text("story", { max: 3000 });
    if (problems.length > before || !unit) continue;
    planned.push({
      row,
      existingId: current?.id ?? null,
      values: {
        code,
        name,
        kind: kind as ProducerKind,
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

async function planProducts(
  db: Db,
  scope: ImportScope,
  sheet: Sheet,
  fileProducers: Planned<ProducerValues>[],
  problems: RowProblem[],
  progress: Progress,
): Promise<Planned<ProductValues>[]> {
  const headerProblems = missingColumns(sheet, REQUIRED_PRODUCT_COLUMNS, "products");
  problems.push(...headerProblems);
  if (headerProblems.length > 0) return [];

  const categoryIds = new Map(
    db
      .select({ id: categories.id, code: categories.code })
      .from(categories)
      .all()
      .map((c) => [c.code, c.id]),
  );
  const unitPaths = new Map(
    db
      .select({ id: orgUnits.id, path: orgUnits.path })
      .from(orgUnits)
      .all()
      .map((u) => [u.id, u.path]),
  );
  const dbProducers = new Map(
    db
      .select({ id: producers.id, code: producers.code, orgUnitId: producers.orgUnitId })
      .from(producers)
      .all()
      .map((p) => [p.code, p]),
  );
  const codeOfProducer = new Map([...dbProducers.values()].map((p) => [p.id, p.code]));
  // Producers of the same import count as known; their org unit decides the staff scope.
  const producerPath = new Map<string, string>();
  for (const p of dbProducers.values()) producerPath.set(p.code, unitPaths.get(p.orgUnitId) ?? "");
  for (const p of fileProducers)
    producerPath.set(p.values.code, unitPaths.get(p.values.orgUnitId) ?? "");

  const skus = [...new Set(sheet.rows.map((r) => r.values.sku ?? "").filter(Boolean))];
  const existing = new Map<string, { id: number; producerId: number }>();
  for (let i = 0; i < skus.length; i += 500) {
    const chunk = skus.slice(i, i + 500);
    for (const l of db
      .select({ id: listings.id, sku: listings.sku, producerId: listings.producerId })
      .from(listings)
      .where(inArray(listings.sku, chunk))
      .all()) {
      existing.set(l.sku, { id: l.id, producerId: l.producerId });
    }
  }
  // Titles are unique per producer: "<producer code>\u0000<title>" → sku.
  const titleOwner = new Map<string, string>();
  for (const l of db
    .select({ sku: listings.sku, title: listings.title, producerId: listings.producerId })
    .from(listings)
    .all()) {
    titleOwner.set(`${codeOfProducer.get(l.producerId)}\u0000${l.title}`, l.sku);
  }
  const ownCodes = new Set(
    scope.kind === "producer"
      ? scope.producerIds.map((id) => codeOfProducer.get(id)).filter(Boolean)
      : [],
  );

  const seenSkus = new Set<string>();
  const planned: Planned<ProductValues>[] = [];
  for (const [index, { row, values }] of sheet.rows.entries()) {
    if (index % 200 === 0) {
      progress(index, sheet.rows.length);
      await yieldToEventLoop();
    }
    const before = problems.length;
    const r = new RowReader("products", row, values, problems);
    const sku = r.text("sku", { required: "Thiếu mã sản phẩm (sku).", max: 30 });
    if (sku && !/^[A-Za-z0-9-]+$/.test(sku))
      r.problem("sku", "Mã sản phẩm chỉ gồm chữ không dấu, số và dấu gạch ngang.");
    if (sku && seenSkus.has(sku)) r.problem("sku", `Mã ${sku} xuất hiện hai lần trong tệp.`);
    seenSkus.add(sku);

    const producerCode = r.text("producer_code", { required: "Thiếu mã nhà sản xuất." });
    const known = producerPath.has(producerCode);
    if (producerCode && !known)
      r.problem("producer_code", `Không có nhà sản xuất mã ${producerCode}.`);
    else if (producerCode && scope.kind === "producer" && !ownCodes.has(producerCode)) {
      r.problem("producer_code", "Bạn chỉ được nhập sản phẩm của gian hàng mình.");
    } else if (
      producerCode &&
      scope.kind === "staff" &&
      !pathInScope(scope, producerPath.get(producerCode) ?? "")
    ) {
      r.problem("producer_code", "Nhà sản xuất này nằm ngoài phạm vi bạn quản lý.");
    }
    const current = existing.get(sku);
    if (current && producerCode && codeOfProducer.get(current.producerId) !== producerCode) {
      r.problem("sku", `Mã sản phẩm ${sku} đã thuộc nhà sản xuất khác.`);
    }

    const title = r.text("title", { required: "Thiếu tên sản phẩm.", max: 120 });
    const titleKey = `${producerCode}\u0000${title}`;
    const titleSku = titleOwner.get(titleKey);
    if (title && titleSku && titleSku !== sku) {
      r.problem("title", `Nhà sản xuất đã có sản phẩm cùng tên (${titleSku}).`);
    }
    if (title && producerCode) titleOwner.set(titleKey, sku);

    const categoryCode = r.text("category", { required: "Thiếu danh mục." });
    const categoryId = categoryIds.get(categoryCode);
    if (categoryCode && categoryId === undefined)
      r.problem("category", `Danh mục “${categoryCode}” không tồn tại.`);
    const description = r.text("description", { max: 5000 });

    const priceRaw = values.price_vnd ?? "";
    const priceVnd = parseVnd(priceRaw);
    if (!Number.isSafeInteger(priceVnd) || priceVnd <= 0 || priceVnd > 1e9) {
      r.problem(
        "price_vnd",
        priceRaw ? "Giá phải là số nguyên dương, tính bằng đồng." : "Thiếu giá.",
      );
    }
    const unit = r.text("unit", { required: "Thiếu đơn vị tính." });
    if (unit && !UNIT_OPTIONS.some((u) => u === unit)) {
      r.problem("unit", `Đơn vị phải là một trong: ${UNIT_OPTIONS.join(", ")}.`);
    }
    const minOrderQty = r.int(
      "min_order_qty",
      "Số lượng đặt tối thiểu phải là số nguyên từ 1 trở lên.",
      1,
      1,
    );
    const stock = r.int("stock", "Tồn kho phải là số nguyên không âm.", 0, 0);
    const stars = r.int("ocop_stars", "Số sao OCOP phải là 0, 3, 4 hoặc 5.", 0, 0);
    if (stars !== null && !OCOP_STAR_OPTIONS.some((s) => s === stars)) {
      r.problem("ocop_stars", "Số sao OCOP phải là 0, 3, 4 hoặc 5.");
    }
    const certifications = r.list("certifications");
    const unknown = certifications.filter(
      (c) => c !== "OCOP" && !CERTIFICATION_KINDS.some((k) => k === c),
    );
    if (unknown.length > 0) {
      r.problem(
        "certifications",
        `Chứng nhận không hợp lệ: ${unknown.join(", ")}. Dùng OCOP, ${CERTIFICATION_KINDS.join(", ")}.`,
      );
    }
    const hasStars = (stars ?? 0) > 0;
    if (certifications.includes("OCOP") !== hasStars) {
      r.problem("certifications", "Ghi “OCOP” trong chứng nhận khi và chỉ khi có sao OCOP.");
    }
    const certificateNo = r.text("ocop_certificate_no", { max: 60 });
    const issuedOn = r.date("ocop_issued_on");
    const expiresOn = r.date("ocop_expires_on");
    if (hasStars) {
      if (!certificateNo)
        r.problem("ocop_certificate_no", "Có sao OCOP thì cần số giấy chứng nhận.");
      if (!values.ocop_issued_on) r.problem("ocop_issued_on", "Có sao OCOP thì cần ngày cấp.");
      if (!values.ocop_expires_on)
        r.problem("ocop_expires_on", "Có sao OCOP thì cần ngày hết hạn.");
      if (issuedOn && expiresOn && issuedOn >= expiresOn) {
        r.problem("ocop_expires_on", "Ngày hết hạn phải sau ngày cấp.");
      }
    }
    const season = r.text("season", { max: 40 }) || "quanh năm";
    const tags = parseTags((values.tags ?? "").replace(/;/g, ","));

    if (problems.length > before) continue;
    planned.push({
      row,
      existingId: current?.id ?? null,
      values: {
        sku,
        producerCode,
        title,
        categoryId: categoryId ?? 0,
        description,
        priceVnd,
        unit: unit as Unit,
        minOrderQty: minOrderQty ?? 1,
        stock: stock ?? 0,
        ocopStars: stars ?? 0,
        ocopCertificateNo: hasStars ? certificateNo : null,
        ocopIssuedOn: hasStars ? issuedOn : null,
        ocopExpiresOn: hasStars ? expiresOn : null,
        certifications: certifications.filter((c): c is CertificationKind => c !== "OCOP"),
        season,
        tags,
      },
    });
  }
  return planned;
}

/** Checks both files (either may be missing) and returns the plan with every problem. */
export async function planImport(
  db: Db,
  scope: ImportScope,
  sheets: { producers?: Sheet; products?: Sheet },
  onProgress: Progress = () => {},
): Promise<ImportPlan> {
  const problems: RowProblem[] = [];
  const total = (sheets.producers?.rows.length ?? 0) + (sheets.products?.rows.length ?? 0);
  const producerRows = sheets.producers?.rows.length ?? 0;
  const fileProducers = sheets.producers
    ? await planProducers(db, scope, sheets.producers, problems, (done) => onProgress(done, total))
    : [];
  const products = sheets.products
    ? await planProducts(db, scope, sheets.products, fileProducers, problems, (done) =>
        onProgress(producerRows + done, total),
      )
    : [];
  onProgress(total, total);
  problems.sort((a, b) => (a.file === b.file ? a.row - b.row : a.file === "producers" ? -1 : 1));
  const count = <T>(rows: Planned<T>[]) => ({
    create: rows.filter((r) => r.existingId === null).length,
    update: rows.filter((r) => r.existingId !== null).length,
  });
  return {
    problems,
    producers: fileProducers,
    products,
    counts: { producers: count(fileProducers), products: count(products) },
  };
}
