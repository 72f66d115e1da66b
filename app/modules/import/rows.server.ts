import { t, type MessageKey, type MessageParams } from "~/lib/i18n/translate";
import type { Locale } from "~/lib/i18n/locales";
import { parseWholeNumber, TEXT_PROBLEM_MESSAGES } from "~/lib/schemas/fields";
import { cleanLongText, textProblem } from "~/lib/text";
import type { Sheet } from "./decode.server";

/** What the two planners share: where a problem is, how it is worded, how rows are read. */

export type ImportFile = "producers" | "products";

export interface RowProblem {
  file: ImportFile;
  row: number;
  column: string;
  /** In the language of the person importing (Vietnamese for the CLI). */
  message: string;
}

export interface Planned<T> {
  row: number;
  existingId: number | null;
  values: T;
}

export type Progress = (done: number, total: number) => void;

/** The problems of a whole import, each worded once in the importer's language. */
export class Problems {
  readonly list: RowProblem[] = [];

  constructor(private readonly locale: Locale) {}

  add(file: ImportFile, row: number, column: string, key: MessageKey, params?: MessageParams) {
    this.list.push({ file, row, column, message: t(this.locale, key, params) });
  }

  get count(): number {
    return this.list.length;
  }
}

/** Lets a long check yield to the event loop every 200 rows, reporting progress. */
export async function checkpoint(index: number, total: number, progress: Progress) {
  if (index % 200 !== 0) return;
  progress(index, total);
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/** The required columns a sheet's header lacks, as problems of its row 1. */
export function checkHeader(
  sheet: Sheet,
  required: readonly string[],
  file: ImportFile,
  problems: Problems,
): boolean {
  const missing = required.filter((column) => !sheet.columns.includes(column));
  for (const column of missing)
    problems.add(file, 1, column, "import.row.missingColumn", { column });
  return missing.length === 0;
}

/**
 * A whole number written in a cell ("1.200", "1,200", "1 200"), NaN for anything else: "1,5"
 * is a decimal, never 15 (the forms' rule, schemas/fields).
 */
export function wholeNumberCell(raw: string): number {
  const parsed = parseWholeNumber(raw);
  return "value" in parsed ? parsed.value : Number.NaN;
}

/** Reads the cells of one row, collecting problems with the row's number and column. */
export class RowReader {
  private readonly before: number;

  constructor(
    private readonly file: ImportFile,
    readonly row: number,
    readonly values: Record<string, string>,
    private readonly problems: Problems,
  ) {
    this.before = problems.count;
  }

  problem(column: string, key: MessageKey, params?: MessageParams): void {
    this.problems.add(this.file, this.row, column, key, params);
  }

  /** Whether this row has added a problem so far. */
  get hasProblems(): boolean {
    return this.problems.count > this.before;
  }

  cell(column: string): string {
    return this.values[column] ?? "";
  }

  /** A text cell; one line unless `long` (a story); control characters are a problem. */
  text(
    column: string,
    options: { required?: MessageKey; max?: number; long?: boolean } = {},
  ): string {
    const value = options.long ? cleanLongText(this.cell(column)) : this.cell(column);
    const problem = textProblem(value, options.long ? "long" : "line");
    if (problem) this.problem(column, TEXT_PROBLEM_MESSAGES[problem]);
    if (!value && options.required) this.problem(column, options.required);
    if (options.max && value.length > options.max) {
      this.problem(column, "import.row.tooLong", { max: options.max });
    }
    return value;
  }

  int(column: string, key: MessageKey, min: number, fallback: number | null): number | null {
    const raw = this.cell(column);
    if (raw === "" && fallback !== null) return fallback;
    const value = wholeNumberCell(raw);
    if (!Number.isSafeInteger(value) || value < min) {
      this.problem(column, key);
      return null;
    }
    return value;
  }

  list(column: string): string[] {
    return this.cell(column)
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean);
  }
}
