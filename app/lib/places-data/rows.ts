/** Generated rows (arrays in column order) as records keyed by column, like a parsed CSV. */
export function rowsAsRecords<Column extends string>(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): Partial<Record<Column, string>>[] {
  return rows.map((row) => {
    const record: Partial<Record<Column, string>> = {};
    columns.forEach((column, index) => {
      record[column] = row[index];
    });
    return record;
  });
}
