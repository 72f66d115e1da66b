import { asc } from "drizzle-orm";
import type { Locale } from "~/lib/i18n/locales";
import { foldVietnamese } from "~/lib/text";
import type { Db } from "~db/client.server";
import { categories } from "~db/schema";

/**
 * The categories an import may name, by code or by name: what the import page lists, and
 * how a cell is matched. Matching folds tones, case and Unicode form ("Rau củ", "rau cu",
 * "RAU CỦ" and the code "rau-cu" are one category), so a name typed on any keyboard works.
 */

export interface ImportCategory {
  code: string;
  name: string;
}

/** Every category with its name in `locale`, parents before their children, as listed. */
export function importCategories(db: Db, locale: Locale): ImportCategory[] {
  return db
    .select({ code: categories.code, nameVi: categories.nameVi, nameEn: categories.nameEn })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .all()
    .map((row) => ({ code: row.code, name: locale === "en" ? row.nameEn : row.nameVi }));
}

const matchKey = (text: string) =>
  foldVietnamese(text.normalize("NFC")).replace(/\s+/g, " ").trim();

/** Finds a category by a cell's code or name; `codes` lists the valid codes for the error. */
export function categoryMatcher(db: Db): {
  find(cell: string): number | undefined;
  codes: string[];
} {
  const rows = db
    .select({
      id: categories.id,
      code: categories.code,
      nameVi: categories.nameVi,
      nameEn: categories.nameEn,
    })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
  const byKey = new Map<string, number>();
  // Codes first: a name that happens to fold to another category's code never wins over it.
  for (const row of rows) byKey.set(matchKey(row.code), row.id);
  for (const row of rows) {
    for (const name of [row.nameVi, row.nameEn]) {
      if (!byKey.has(matchKey(name))) byKey.set(matchKey(name), row.id);
    }
  }
  return {
    find: (cell) => byKey.get(matchKey(cell)),
    codes: rows.map((row) => row.code),
  };
}
