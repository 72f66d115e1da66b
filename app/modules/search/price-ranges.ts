/**
 * The price ranges the search page offers as facet links (đồng, bounds inclusive; null:
 * open), contiguous and in order (prices are whole đồng). The embedded engine counts the
 * matches in each (SearchResult.priceRanges).
 */
export const PRICE_RANGES: readonly { min: number | null; max: number | null }[] = [
  { min: null, max: 50_000 },
  { min: 50_001, max: 100_000 },
  { min: 100_001, max: 200_000 },
  { min: 200_001, max: 500_000 },
  { min: 500_001, max: null },
];
