/**
 * Ordering helpers for the embedded engine: picking the best `k` of many rows by a
 * numeric key without sorting them all (a result page needs 20 of perhaps 15,000).
 */

/**
 * Positions of the `k` largest keys, best first; equal keys: larger id first. One pass
 * keeping the best `k` seen so far in a sorted buffer: after the first rows, almost every
 * row is rejected by a single comparison with the worst kept one.
 */
export function topPositions(keys: Float64Array, ids: Int32Array, k: number): number[] {
  const n = keys.length;
  const wanted = Math.min(k, n);
  if (wanted <= 0) return [];
  const better = (a: number, b: number) => {
    const ka = keys[a] as number;
    const kb = keys[b] as number;
    return ka > kb || (ka === kb && (ids[a] as number) > (ids[b] as number));
  };
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    if (kept.length === wanted && !better(i, kept[wanted - 1] as number)) continue;
    // Binary search for the insertion point (kept is best first).
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (better(i, kept[mid] as number)) high = mid;
      else low = mid + 1;
    }
    kept.splice(low, 0, i);
    if (kept.length > wanted) kept.pop();
  }
  return kept;
}
