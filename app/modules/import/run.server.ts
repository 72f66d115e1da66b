import type { Locale } from "~/lib/i18n/locales";
import type { Db } from "~db/client.server";
import { commitImport, type ImportResult } from "./commit.server";
import { readSpreadsheet, type Sheet } from "./decode.server";
import { planImport, type ImportPlan } from "./plan.server";
import type { ImportScope } from "./scope.server";

export interface ImportFiles {
  producers?: Uint8Array;
  products?: Uint8Array;
}

export interface ImportRun {
  plan: ImportPlan;
  /** Null after a dry run, or when the plan has problems (nothing was written). */
  result: ImportResult | null;
}

/** Reads both files (refusing bad encodings with one message) without planning yet. */
export async function readImportFiles(
  files: ImportFiles,
): Promise<{ producers?: Sheet; products?: Sheet }> {
  return {
    producers: files.producers ? await readSpreadsheet(files.producers) : undefined,
    products: files.products ? await readSpreadsheet(files.products) : undefined,
  };
}

/**
 * The whole import in one call (the CLI uses it): read, check every row, and unless it is
 * a dry run or a row has a problem, write everything in one transaction.
 */
export async function runImport(
  db: Db,
  scope: ImportScope,
  files: ImportFiles,
  options: {
    dryRun: boolean;
    onProgress?: (done: number, total: number) => void;
    ipAddress?: string | null;
    /** The language of the problems; Vietnamese by default (the CLI). */
    locale?: Locale;
  },
): Promise<ImportRun> {
  const sheets = await readImportFiles(files);
  const plan = await planImport(db, scope, sheets, {
    onProgress: options.onProgress,
    locale: options.locale,
  });
  if (options.dryRun || plan.problems.length > 0) return { plan, result: null };
  const result = await commitImport(db, scope, plan, { ipAddress: options.ipAddress });
  return { plan, result };
}
