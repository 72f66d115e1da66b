import type { BenchResult, BenchRow, BenchTarget } from "./types";

/** Formats rows as an aligned plain-text table (numbers right-aligned). */
export function formatTable(rows: BenchRow[]): string {
  if (rows.length === 0) return "(no rows)";
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (row: BenchRow, column: string) => {
    const value = row[column];
    if (value === undefined) return "";
    return typeof value === "number" ? formatNumber(value) : value;
  };
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => cell(row, column).length)),
  );
  const line = (cells: string[], numeric: boolean[]) =>
    cells
      .map((text, i) => (numeric[i] ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const isNumeric = columns.map((column) => rows.some((row) => typeof row[column] === "number"));
  return [
    line(columns, isNumeric),
    line(
      widths.map((width) => "-".repeat(width)),
      isNumeric.map(() => false),
    ),
    ...rows.map((row) =>
      line(
        columns.map((column) => cell(row, column)),
        isNumeric,
      ),
    ),
  ].join("\n");
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The rows that miss a target, as human-readable sentences. */
export function missedTargets(result: BenchResult): string[] {
  const misses: string[] = [];
  for (const target of result.targets) {
    for (const row of result.rows) {
      const value = row[target.column];
      if (typeof value !== "number" || !meets(value, target)) {
        const label = Object.values(row)[0];
        misses.push(
          `${String(label)}: ${target.column} = ${String(value)}, target ${target.op} ${target.value}`,
        );
      }
    }
  }
  return misses;
}

function meets(value: number, target: BenchTarget): boolean {
  return target.op === ">=" ? value >= target.value : value <= target.value;
}
