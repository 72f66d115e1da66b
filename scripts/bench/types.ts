/** One row of a benchmark table: column name → value. */
export type BenchRow = Record<string, string | number>;

/** A target on a numeric column, checked on every row of the case's table. */
export interface BenchTarget {
  column: string;
  op: ">=" | "<=";
  value: number;
}

export interface BenchResult {
  rows: BenchRow[];
  targets: BenchTarget[];
}

/** A named benchmark case, run with `npm run bench -- <name> [--check]`. */
export interface BenchCase {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}
