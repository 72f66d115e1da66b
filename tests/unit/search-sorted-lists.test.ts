import { describe, expect, it } from "vitest";
import { IdMarks, intersectionOf, unionOf } from "~/modules/search/sorted-lists";

/** A random ascending list of distinct ids below `max` (a fixed seed: the same lists each run). */
function randomLists(seed: number, count: number, max: number): Int32Array[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    const density = next() < 0.3 ? 0.002 : next();
    const ids: number[] = [];
    for (let id = 0; id < max; id++) if (next() < density) ids.push(id);
    return Int32Array.from(ids);
  });
}

const naiveUnion = (lists: Int32Array[]) =>
  [...new Set(lists.flatMap((list) => [...list]))].sort((a, b) => a - b);
const naiveIntersection = (sets: number[][]) =>
  sets.length === 0 ? [] : (sets[0] ?? []).filter((id) => sets.every((set) => set.includes(id)));

describe("sorted id lists", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("unions and intersects as sets do (seed %i)", (seed) => {
    const lists = randomLists(seed, 2 + (seed % 5), 3000);
    expect(Array.from(unionOf(lists))).toEqual(naiveUnion(lists));
    // Unions of one, two and the rest of the lists, intersected.
    const unions = [lists.slice(0, 1), lists.slice(1, 3), lists.slice(3)].filter((u) => u.length);
    expect(Array.from(intersectionOf(unions))).toEqual(
      naiveIntersection(unions.map((union) => naiveUnion(union))),
    );
  });

  it("handles empty lists and no lists", () => {
    const some = Int32Array.from([1, 5, 9]);
    expect(Array.from(unionOf([]))).toEqual([]);
    expect(Array.from(unionOf([new Int32Array(0), some]))).toEqual([1, 5, 9]);
    expect(Array.from(intersectionOf([]))).toEqual([]);
    expect(Array.from(intersectionOf([[some], [new Int32Array(0)]]))).toEqual([]);
    expect(Array.from(intersectionOf([[some], []]))).toEqual([]);
  });

  it("forgets earlier marks at each new mark, without clearing", () => {
    const marks = new IdMarks();
    expect(marks.mark([Int32Array.from([2, 4]), Int32Array.from([4, 7])])).toBe(3);
    expect([marks.has(2), marks.has(4), marks.has(7), marks.has(3), marks.has(99)]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(Array.from(marks.collect(3))).toEqual([2, 4, 7]);
    marks.mark([Int32Array.from([3])]);
    expect(marks.has(2)).toBe(false);
    const list = Int32Array.from([1, 3, 5]);
    expect(Array.from(marks.filter(list))).toEqual([3]);
    expect(Array.from(marks.filter(list, false))).toEqual([1, 5]);
  });
});
