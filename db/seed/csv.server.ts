import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { BUYER_KINDS, ORG_LEVELS, PRODUCER_KINDS, RECURRENCES, UNITS } from "~db/schema";

/**
 * The demo catalog of db/seed/*.csv (columns documented in db/seed/README.md), read and
 * validated row by row so a bad edit of a CSV fails the seed with the file and row named.
 */

const seedDir = dirname(fileURLToPath(import.meta.url));

const text = z.string().transform((value) => value.normalize("NFC").trim());
const optionalText = text.transform((value) => (value === "" ? null : value));
const int = z.string().regex(/^\d+$/, "expected a whole number").transform(Number);
const optionalInt = z
  .string()
  .regex(/^\d*$/, "expected a whole number or nothing")
  .transform((value) => (value === "" ? null : Number(value)));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const optionalIsoDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, "expected YYYY-MM-DD or nothing")
  .transform((value) => (value === "" ? null : value));
/** `a;b;c` → ["a", "b", "c"]; empty → []. */
const list = text.transform((value) => (value === "" ? [] : value.split(";").map((v) => v.trim())));

const OrgUnitRow = z.object({
  code: text,
  name: text,
  level: z.enum(ORG_LEVELS),
  parent_code: optionalText,
});

const CategoryRow = z.object({
  code: text,
  name_vi: text,
  name_en: text,
  parent_code: optionalText,
});

const ProducerRow = z.object({
  code: text,
  name: text,
  kind: z.enum(PRODUCER_KINDS),
  org_unit_code: text,
  commune: text,
  address: text,
  members_total: int,
  members_women: int,
  ethnic_minority_members: int,
  poor_household_members: int,
  founded_year: optionalInt,
  phone: optionalText,
  story: text,
});

const ProductRow = z.object({
  sku: text,
  producer_code: text,
  title: text,
  category: text,
  description: text,
  price_vnd: int,
  unit: z.enum(UNITS),
  min_order_qty: int,
  stock: int,
  ocop_stars: int,
  certifications: list,
  ocop_certificate_no: optionalText,
  ocop_issued_on: optionalIsoDate,
  ocop_expires_on: optionalIsoDate,
  season: text,
  tags: list,
});

const BuyerRow = z.object({
  code: text,
  name: text,
  kind: z.enum(BUYER_KINDS),
  province: text,
  city: text,
  phone: text,
  notes: text,
});

const PurchaseRequestRow = z.object({
  code: text,
  buyer_code: text,
  title: text,
  description: text,
  category: text,
  quantity: int,
  unit: z.enum(UNITS),
  target_price_vnd: optionalInt,
  delivery_commune_or_city: text,
  needed_by: isoDate,
  recurring: z.enum(RECURRENCES),
});

function readCsv<T extends z.ZodTypeAny>(file: string, schema: T): z.output<T>[] {
  const records: Record<string, string>[] = parse(readFileSync(join(seedDir, file), "utf8"), {
    columns: true,
    skip_empty_lines: true,
  });
  return records.map((record, index) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      // Row numbers as a spreadsheet shows them: the header is row 1.
      throw new Error(`${file} row ${index + 2}: ${problems.join("; ")}`);
    }
    return result.data;
  });
}

export type OrgUnitRow = z.output<typeof OrgUnitRow>;
export type CategoryRow = z.output<typeof CategoryRow>;
export type ProducerRow = z.output<typeof ProducerRow>;
export type ProductRow = z.output<typeof ProductRow>;
export type BuyerRow = z.output<typeof BuyerRow>;
export type PurchaseRequestRow = z.output<typeof PurchaseRequestRow>;

export interface DemoCatalog {
  orgUnits: OrgUnitRow[];
  categories: CategoryRow[];
  producers: ProducerRow[];
  products: ProductRow[];
  buyers: BuyerRow[];
  purchaseRequests: PurchaseRequestRow[];
}

/** Reads every CSV of the demo catalog, in file order. */
export function readDemoCatalog(): DemoCatalog {
  return {
    orgUnits: readCsv("org_units.csv", OrgUnitRow),
    categories: readCsv("categories.csv", CategoryRow),
    producers: readCsv("producers.csv", ProducerRow),
    products: readCsv("products.csv", ProductRow),
    buyers: readCsv("buyers.csv", BuyerRow),
    purchaseRequests: readCsv("purchase_requests.csv", PurchaseRequestRow),
  };
}
