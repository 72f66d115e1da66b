/**
 * Set operations on ascending lists of listing ids (inverted lists and what is made from
 * them). A word's listings are one list; a prefix's, or a group's alternatives, a union
 * of lists left unmerged (`Union`) until something needs it: intersecting with a short
 * list then marks the union's ids instead of merging, say, the 13 lists of "co*" (70,000
 * listings). Results are fresh arrays, or an input when it already is the answer; inputs
 * are never written to (they may be views of the inverted lists).
 *
 * This replaced counters over every listing id scanned back after each step: at 100,000
 * listings each scan cost 0.1–0.2 ms, several times per query, plus clearing the counters.
 */

/** Listings in any of the lists (each ascending, without repeats). */
export type Union = readonly Int32Array[];

const EMPTY = new Int32Array(0);

/**
 * Marks on listing ids, reused from one query to the next (a search runs synchronously):
 * a new `mark` forgets the previous marks by moving to a new stamp, so nothing is cleared
 * or allocated per query.
 */
export class IdMarks {
  private stamps = new Int32Array(0);
  private stamp = 0;

  /** Marks the ids of every list (forgetting earlier marks); returns how many are marked. */
  mark(lists: Union): number {
    let size = 0;
    for (const list of lists) {
      if (list.length > 0) size = Math.max(size, (list[list.length - 1] as number) + 1);
    }
    if (this.stamps.length < size) {
      this.stamps = new Int32Array(Math.max(size, Math.ceil(this.stamps.length * 1.5)));
      this.stamp = 0;
    }
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    const stamps = this.stamps;
    const stamp = ++this.stamp;
    let marked = 0;
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const id = list[i] as number;
        if (stamps[id] !== stamp) {
          stamps[id] = stamp;
          marked++;
        }
      }
    }
    return marked;
  }

  // Ids past the highest one marked are checked against the length first: reading beyond
  // the end of a typed array takes the slow path of every read in the loop that does it.
  has(id: number): boolean {
    return id < this.stamps.length && this.stamps[id] === this.stamp;
  }

  /** The ids of `list` (ascending) that are marked, or not (`wanted` false). */
  filter(list: Int32Array, wanted = true): Int32Array {
    const out = new Int32Array(list.length);
    let n = 0;
    const stamps = this.stamps;
    const stamp = this.stamp;
    for (let i = 0; i < list.length; i++) {
      const id = list[i] as number;
      if ((id < stamps.length && stamps[id] === stamp) === wanted) out[n++] = id;
    }
    return n === list.length ? list : out.subarray(0, n);
  }

  /** Every marked id, ascending (`count` of them, as `mark` returned). */
  collect(count: number): Int32Array {
    const out = new Int32Array(count);
    const stamps = this.stamps;
    const stamp = this.stamp;
    for (let id = 0, n = 0; n < count && id < stamps.length; id++) {
      if (stamps[id] === stamp) out[n++] = id;
    }
    return out;
  }
}

const unionMarks = new IdMarks();
const intersectionMarks = new IdMarks();

/** The ids in `a` or `b` (each list ascending, without repeats). */
function unionOfTwo(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    out[n++] = x <= y ? x : y;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  while (i < a.length) out[n++] = a[i++] as number;
  while (j < b.length) out[n++] = b[j++] as number;
  return out.subarray(0, n);
}

/** The ids of a union as one ascending list. */
export function unionOf(lists: Union): Int32Array {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? EMPTY;
  let total = 0;
  let largest = 0;
  for (const list of nonEmpty) {
    total += list.length;
    largest = Math.max(largest, list[list.length - 1] as number);
  }
  // Merging pairs level by level reads every id once per level; marking reads each once
  // and then scans the ids up to the largest: cheaper for many long lists.
  if (total * Math.ceil(Math.log2(nonEmpty.length)) > total + largest / 4) {
    return unionMarks.collect(unionMarks.mark(nonEmpty));
  }
  let level: Int32Array[] = nonEmpty;
  while (level.length > 1) {
    const next: Int32Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const b = level[i + 1];
      next.push(b === undefined ? (level[i] as Int32Array) : unionOfTwo(level[i] as Int32Array, b));
    }
    level = next;
  }
  return level[0] as Int32Array;
}

/** The first position at or after `from` in the ascending `list` whose value is not below `id`. */
export function seek(list: Int32Array, id: number, from = 0): number {
  // Galloping: cheap when the next match is near, logarithmic when it is far.
  let step = 1;
  let high = from;
  while (high < list.length && (list[high] as number) < id) {
    from = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (from < high) {
    const mid = (from + high) >> 1;
    if ((list[mid] as number) < id) from = mid + 1;
    else high = mid;
  }
  return from;
}

/** The ids of `small` that `large` also has (`small` the shorter list). */
function intersectionOfTwo(small: Int32Array, large: Int32Array): Int32Array {
  const out = new Int32Array(small.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < small.length && j < large.length; i++) {
    const id = small[i] as number;
    j = seek(large, id, j);
    if (j < large.length && large[j] === id) out[n++] = id;
  }
  return out.subarray(0, n);
}

function sizeOf(union: Union): number {
  let total = 0;
  for (const list of union) total += list.length;
  return total;
}

/**
 * The ids in every union, ascending: the smallest union merged, then narrowed by each
 * other one (a single list by galloping through it, several by marking them).
 */
export function intersectionOf(unions: readonly Union[]): Int32Array {
  if (unions.length === 0) return EMPTY;
  const sized = unions.map((union) => ({ union, size: sizeOf(union) }));
  sized.sort((a, b) => a.size - b.size);
  let found = unionOf(sized[0]?.union ?? []);
  for (let k = 1; k < sized.length && found.length > 0; k++) {
    const union = (sized[k] as { union: Union }).union.filter((list) => list.length > 0);
    if (union.length === 0) return EMPTY;
    const only = union.length === 1 ? (union[0] as Int32Array) : null;
    if (only) {
      found =
        only.length < found.length
          ? intersectionOfTwo(only, found)
          : intersectionOfTwo(found, only);
    } else {
      intersectionMarks.mark(union);
      found = intersectionMarks.filter(found);
    }
  }
  return found;
}
