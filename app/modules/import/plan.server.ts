import { DEFAULT_LOCALE, type Locale } from "~/lib/i18n/locales";
import type { Db } from "~db/client.server";
import type { Sheet } from "./decode.server";
import { PRODUCER_HEADINGS, PRODUCT_HEADINGS, withColumnCodes } from "./headings.server";
import { planProducers, type ProducerValues } from "./plan-producers.server";
import { planProducts, type ProductValues } from "./plan-products.server";
import { Problems, type Planned, type Progress, type RowProblem } from "./rows.server";
import type { ImportScope } from "./scope.server";

/**
 * The dry run: every row of both files checked against the rules and the database, each
 * problem named by file, row and column in the importer's language, and the creates and
 * updates counted. Nothing is written here; commit.server.ts writes a plan without problems.
 */

export { type ProductValues } from "./plan-products.server";

export interface ImportPlan {
  problems: RowProblem[];
  producers: Planned<ProducerValues>[];
  products: Planned<ProductValues>[];
  counts: {
    producers: { create: number; update: number };
    products: { create: number; update: number };
  };
}

/** Checks both files (either may be missing) and returns the plan with every problem. */
export async function planImport(
  db: Db,
  scope: ImportScope,
  sheets: { producers?: Sheet; products?: Sheet },
  options: { onProgress?: Progress; locale?: Locale } = {},
): Promise<ImportPlan> {
  const onProgress = options.onProgress ?? (() => {});
  const problems = new Problems(options.locale ?? DEFAULT_LOCALE);
  const total = (sheets.producers?.rows.length ?? 0) + (sheets.products?.rows.length ?? 0);
  const producerRows = sheets.producers?.rows.length ?? 0;
  // The template files head their columns in Vietnamese; the planners read column codes.
  const producerSheet = sheets.producers && withColumnCodes(sheets.producers, PRODUCER_HEADINGS);
  const productSheet = sheets.products && withColumnCodes(sheets.products, PRODUCT_HEADINGS);
  const fileProducers = producerSheet
    ? await planProducers(db, scope, producerSheet, problems, (done) => onProgress(done, total))
    : [];
  const products = productSheet
    ? await planProducts(db, scope, productSheet, fileProducers, problems, (done) =>
        onProgress(producerRows + done, total),
      )
    : [];
  onProgress(total, total);
  const sorted = [...problems.list].sort((a, b) =>
    a.file === b.file ? a.row - b.row : a.file === "producers" ? -1 : 1,
  );
  const count = <T>(rows: Planned<T>[]) => ({
    create: rows.filter((r) => r.existingId === null).length,
    update: rows.filter((r) => r.existingId !== null).length,
  });
  return {
    problems: sorted,
    producers: fileProducers,
    products,
    counts: { producers: count(fileProducers), products: count(products) },
  };
}
