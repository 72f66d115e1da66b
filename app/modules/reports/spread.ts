/**
 * Shares an amount of đồng over weights pro rata, to the đồng, by the largest remainder:
 * each share is rounded down, then the đồng left over go one each to the largest
 * fractional parts (ties to the earlier weight). The shares always add up to `amount`.
 * Used to spread a refund over its order's lines for the category and OCOP breakdowns.
 */
export function spreadProRata(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (weights.length === 0) return [];
  if (total <= 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  // BigInt: amount × weight can pass 2^53 for large orders, and a share must be exact.
  const big = BigInt(amount);
  const bigTotal = BigInt(total);
  const parts = weights.map((weight, index) => {
    const product = big * BigInt(weight);
    return { index, share: product / bigTotal, remainder: product % bigTotal };
  });
  let left = amount - parts.reduce((sum, part) => sum + Number(part.share), 0);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const shares = parts.map((part) => Number(part.share));
  for (const part of byRemainder) {
    if (left <= 0) break;
    shares[part.index] = (shares[part.index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}
