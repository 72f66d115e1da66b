import { inArray } from "drizzle-orm";
import type { ZodIssue } from "zod";
import type { MessageKey, MessageParams } from "~/lib/i18n/translate";
import { isHygieneMessage } from "~/lib/schemas/fields";
import { ListingFormSchema, UNIT_OPTIONS } from "~/lib/schemas/listing";
import type { Db } from "~db/client.server";
import {
  CERTIFICATION_KINDS,
  listings,
  orgUnits,
  producers,
  type CertificationKind,
  type Unit,
} from "~db/schema";
import { categoryMatcher } from "./categories.server";
import type { Sheet } from "./decode.server";
import type { ProducerValues } from "./plan-producers.server";
import {
  checkHeader,
  checkpoint,
  RowReader,
  wholeNumberCell,
  type Planned,
  type Problems,
  type Progress,
} from "./rows.server";
import { pathInScope, type ImportScope } from "./scope.server";

/**
 * The rows of a products file. The listing's own rules (lengths, price, unit, quantities,
 * OCOP) are the listing form's schema, run on each row; this file adds what only an
 * import has: codes for producer and category, the sku, ownership and scope.
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

type ProductColumn = (typeof PRODUCT_COLUMNS)[number];

const REQUIRED_PRODUCT_COLUMNS = ["sku", "producer_code", "title", "category", "price_vnd", "unit"];

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

/** The form field each column fills. */
const FIELD_COLUMNS: Record<string, ProductColumn> = {
  title: "title",
  categoryId: "category",
  description: "description",
  priceVnd: "price_vnd",
  unit: "unit",
  minOrderQty: "min_order_qty",
  stock: "stock",
  season: "season",
  tags: "tags",
  ocopStars: "ocop_stars",
  ocopCertificateNo: "ocop_certificate_no",
  ocopIssuedOn: "ocop_issued_on",
  ocopExpiresOn: "ocop_expires_on",
  certifications: "certifications",
};

const isCertificationKind = (kind: string): kind is CertificationKind =>
  CERTIFICATION_KINDS.some((k) => k === kind);

/** The listing form's values from a row's cells, as the form would post them. */
function formValues(r: RowReader, categoryId: number | undefined, kinds: CertificationKind[]) {
  const optional = (column: ProductColumn) => r.cell(column) || undefined;
  // Quantities go to the schema as typed ("1,5" is refused there, never read as 15).
  const whole = (column: ProductColumn, empty: string) => r.cell(column) || empty;
  return {
    title: r.cell("title"),
    // An unknown category is reported by its code; 0 keeps the other checks running.
    categoryId: categoryId ?? 0,
    description: optional("description"),
    priceVnd: r.cell("price_vnd"),
    unit: r.cell("unit"),
    minOrderQty: whole("min_order_qty", "1"),
    stock: whole("stock", "0"),
    season: optional("season"),
    tags: r.cell("tags").replace(/;/g, ",") || undefined,
    ocopStars: wholeNumberCell(whole("ocop_stars", "0")),
    ocopCertificateNo: optional("ocop_certificate_no"),
    ocopIssuedOn: optional("ocop_issued_on"),
    ocopExpiresOn: optional("ocop_expires_on"),
    certifications: kinds.map((kind) => ({ kind, held: true })),
  };
}

/** A schema issue worded for a spreadsheet cell; null when the planner already said it. */
function cellProblem(
  issue: ZodIssue,
  r: RowReader,
): { column: ProductColumn; key: MessageKey; params?: MessageParams } | null {
  const field = String(issue.path[0] ?? "");
  const column = FIELD_COLUMNS[field];
  if (!column || column === "category") return null;
  if (issue.code === "too_big" && issue.type === "string") {
    return { column, key: "import.row.tooLong", params: { max: Number(issue.maximum) } };
  }
  // A control character, a line break or a decimal is said as such, not as "invalid".
  if (isHygieneMessage(issue.message)) return { column, key: issue.message };
  const empty = r.cell(column) === "";
  const simple: Partial<Record<ProductColumn, MessageKey>> = {
    title: empty ? "import.row.titleMissing" : "import.row.invalid",
    price_vnd: empty ? "import.row.priceMissing" : "import.row.price",
    min_order_qty: "import.row.minOrder",
    stock: "import.row.stock",
    ocop_stars: "import.row.ocopStars",
    ocop_certificate_no: "import.row.ocopCertificate",
  };
  if (column === "unit") {
    return empty
      ? { column, key: "import.row.unitMissing" }
      : { column, key: "import.row.unitInvalid", params: { units: UNIT_OPTIONS.join(", ") } };
  }
  if (column === "ocop_issued_on" || column === "ocop_expires_on") {
    if (issue.message === "listing.error.dateOrder") return { column, key: "import.row.dateOrder" };
    if (issue.message !== "listing.error.ocopDates") return { column, key: "import.row.date" };
    return {
      column,
      key: column === "ocop_issued_on" ? "import.row.ocopIssued" : "import.row.ocopExpires",
    };
  }
  return { column, key: simple[column] ?? "import.row.invalid" };
}

/** Plans the products of a file; `fileProducers` are the producers of the same import. */
export async function planProducts(
  db: Db,
  scope: ImportScope,
  sheet: Sheet,
  fileProducers: Planned<ProducerValues>[],
  problems: Problems,
  progress: Progress,
): Promise<Planned<ProductValues>[]> {
  if (!checkHeader(sheet, REQUIRED_PRODUCT_COLUMNS, "products", problems)) return [];

  const categoryOf = categoryMatcher(db);
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
    await checkpoint(index, sheet.rows.length, progress);
    const r = new RowReader("products", row, values, problems);
    const sku = r.text("sku", { required: "import.row.skuMissing", max: 30 });
    if (sku && !/^[A-Za-z0-9-]+$/.test(sku)) r.problem("sku", "import.row.skuFormat");
    if (sku && seenSkus.has(sku)) r.problem("sku", "import.row.codeTwice", { code: sku });
    seenSkus.add(sku);

    const producerCode = r.text("producer_code", { required: "import.row.producerCodeMissing" });
    if (producerCode && !producerPath.has(producerCode)) {
      r.problem("producer_code", "import.row.producerUnknown", { code: producerCode });
    } else if (producerCode && scope.kind === "producer" && !ownCodes.has(producerCode)) {
      r.problem("producer_code", "import.row.notOwnProducer");
    } else if (
      producerCode &&
      scope.kind === "staff" &&
      !pathInScope(scope, producerPath.get(producerCode) ?? "")
    ) {
      r.problem("producer_code", "import.row.producerOutOfScope");
    }
    const current = existing.get(sku);
    if (current && producerCode && codeOfProducer.get(current.producerId) !== producerCode) {
      r.problem("sku", "import.row.skuOfOther", { sku });
    }

    const title = r.cell("title");
    const titleKey = `${producerCode}\u0000${title}`;
    const titleSku = titleOwner.get(titleKey);
    if (title && titleSku && titleSku !== sku) {
      r.problem("title", "import.row.titleTaken", { sku: titleSku });
    }
    if (title && producerCode) titleOwner.set(titleKey, sku);

    const categoryCell = r.text("category", { required: "import.row.categoryMissing" });
    const categoryId = categoryCell ? categoryOf.find(categoryCell) : undefined;
    if (categoryCell && categoryId === undefined) {
      r.problem("category", "import.row.categoryUnknown", {
        value: categoryCell,
        codes: categoryOf.codes.join(", "),
      });
    }

    const listed = r.list("certifications");
    const unknown = listed.filter((c) => c !== "OCOP" && !isCertificationKind(c));
    if (unknown.length > 0) {
      r.problem("certifications", "import.row.certificationsUnknown", {
        unknown: unknown.join(", "),
        kinds: CERTIFICATION_KINDS.join(", "),
      });
    }
    const kinds = listed.filter(isCertificationKind);
    const hasStars = wholeNumberCell(r.cell("ocop_stars") || "0") > 0;
    if (listed.includes("OCOP") !== hasStars) r.problem("certifications", "import.row.ocopListed");

    const parsed = ListingFormSchema.safeParse(formValues(r, categoryId, kinds));
    if (!parsed.success) {
      const said = new Set<ProductColumn>();
      for (const issue of parsed.error.issues) {
        const problem = cellProblem(issue, r);
        // One problem per cell: a bad date fails both the pattern and the calendar check.
        if (!problem || said.has(problem.column)) continue;
        said.add(problem.column);
        r.problem(problem.column, problem.key, problem.params);
      }
    }
    if (r.hasProblems || !parsed.success || categoryId === undefined) continue;
    const value = parsed.data;
    planned.push({
      row,
      existingId: current?.id ?? null,
      values: {
        sku,
        producerCode,
        title: value.title,
        categoryId,
        description: value.description,
        priceVnd: value.priceVnd,
        unit: value.unit,
        minOrderQty: value.minOrderQty,
        stock: value.stock,
        ocopStars: value.ocopStars,
        ocopCertificateNo: value.ocopCertificateNo,
        ocopIssuedOn: value.ocopIssuedOn,
        ocopExpiresOn: value.ocopExpiresOn,
        certifications: value.certifications.map((c) => c.kind),
        season: value.season,
        tags: value.tags,
      },
    });
  }
  return planned;
}
