/**
 * A small seeded generator (mulberry32) for the demo seed: the same seed gives the same
 * numbers, so every fresh demo tells the same story (never Math.random).
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  /** The next number in [0, 1). */
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    /** A number in [low, high). */
    between: (low: number, high: number) => low + next() * (high - low),
    /** A whole number in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** True with probability p. */
    chance: (p: number) => next() < p,
    /** One item of a non-empty list. */
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("seededRandom.pick: empty list");
      return item;
    },
  };
}

export type SeededRandom = ReturnType<typeof seededRandom>;
