/**
 * Category names as search should read them. A parent category named as a list of kinds
 * ("Cà phê & trà", "Gạo & ngũ cốc", "Rau, củ & nấm tươi") is an umbrella: its name does not
 * describe each listing under it, so a tea is not found as "cà phê". A parent with a single
 * name ("Gia vị", "Thủ công mỹ nghệ") describes every listing under it.
 */

/** Whether a category name lists several kinds ("&", "," or " and "). */
export function isUmbrellaName(name: string): boolean {
  return /[&,]|\band\b/iu.test(name);
}

/**
 * The names a listing is found by: its own category's names (the last `ownNames` of
 * `names`, which lists the chain top-level first) and its parents' names that are not
 * umbrellas: what Meilisearch is sent. The embedded engine keeps every name (bm25 and
 * the tiers read them) and leaves the other words out of its matching lists instead
 * (umbrella-words.server.ts).
 */
export function searchableCategoryNames(names: readonly string[], ownNames = 2): string[] {
  const parents = names.slice(0, Math.max(0, names.length - ownNames));
  return [...parents.filter((name) => !isUmbrellaName(name)), ...names.slice(-ownNames)];
}
