import { intersectionOf, type Union } from "./sorted-lists";
import { Postings, type WordStore } from "./word-store";

/**
 * Which listings have each pair of adjacent words in their title (an inverted list per
 * pair): "the typed words side by side in the title", a ranking tier, and the multi-word
 * synonyms found in titles are then read from a few lists instead of scanning the title of
 * every match (0.3–0.7 ms a query for two words at 100,000 listings, decision 031). Kept
 * current per changed title, as the word lists are (`update`).
 */
export class TitlePairs {
  private constructor(
    /** Pair id by pair key (`pairKey`). */
    private readonly ids: Map<number, number>,
    private readonly postings: Postings,
  ) {}

  /** The pairs of every visible listing's title (`titles`: word ids per listing). */
  static build(titles: WordStore, visible: Uint8Array): TitlePairs {
    const ids = new Map<number, number>();
    const words = titles.data;
    // Each title position's pair id, so the counting passes look nothing up.
    const pairAt = new Int32Array(words.length);
    const end = Math.min(visible.length, titles.start.length);
    for (let doc = 0; doc < end; doc++) {
      if (visible[doc] !== 1) continue;
      const from = titles.start[doc] as number;
      const last = from + (titles.length[doc] as number) - 1;
      for (let i = from; i < last; i++) {
        const key = pairKey(words[i] as number, words[i + 1] as number);
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
        }
        pairAt[i] = id;
      }
    }
    // An inverted list per pair, as Postings.buildMany makes them (a listing once per pair).
    const offsets = new Int32Array(ids.size + 1);
    const lastDoc = new Int32Array(ids.size).fill(-1);
    const each = (fn: (pair: number, doc: number) => void) => {
      for (let doc = 0; doc < end; doc++) {
        if (visible[doc] !== 1) continue;
        const from = titles.start[doc] as number;
        const last = from + (titles.length[doc] as number) - 1;
        for (let i = from; i < last; i++) {
          const pair = pairAt[i] as number;
          if (lastDoc[pair] === doc) continue;
          lastDoc[pair] = doc;
          fn(pair, doc);
        }
      }
    };
    each((pair) => (offsets[pair + 1] = (offsets[pair + 1] as number) + 1));
    for (let p = 0; p < ids.size; p++) {
      offsets[p + 1] = (offsets[p + 1] as number) + (offsets[p] as number);
    }
    const docs = new Int32Array(offsets[ids.size] as number);
    const next = offsets.slice(0, ids.size);
    lastDoc.fill(-1);
    each((pair, doc) => {
      docs[next[pair] as number] = doc;
      next[pair] = (next[pair] as number) + 1;
    });
    return new TitlePairs(ids, Postings.restore(offsets, docs));
  }

  /** Pairs read back from a snapshot (`packed`). */
  static restore(parts: PackedPairs): TitlePairs {
    const { first, second, offsets, docs } = parts;
    if (first.length !== second.length || offsets.length !== first.length + 1) {
      throw new RangeError("title pairs");
    }
    const ids = new Map<number, number>();
    for (let id = 0; id < first.length; id++) {
      ids.set(pairKey(first[id] as number, second[id] as number), id);
    }
    return new TitlePairs(ids, Postings.restore(offsets, docs));
  }

  /** Every pair (its two word ids, by pair id) and its list, for a snapshot. */
  packed(): PackedPairs {
    const first = new Int32Array(this.ids.size);
    const second = new Int32Array(this.ids.size);
    for (const [key, id] of this.ids) {
      first[id] = Math.floor(key / 2 ** 32);
      second[id] = key % 2 ** 32;
    }
    return { first, second, ...this.postings.packed(this.ids.size) };
  }

  /** Listing `doc`'s title was `before` and is now `after` (word ids; empty when hidden). */
  update(doc: number, before: readonly number[], after: readonly number[]): void {
    this.postings.update(doc, pairIdsOf(this.ids, before, false), pairIdsOf(this.ids, after, true));
  }

  /** The listings whose title has one of `firsts` right before one of `seconds`, unmerged. */
  docs(firsts: readonly number[], seconds: readonly number[]): Union {
    const lists: Int32Array[] = [];
    for (const first of firsts) {
      for (const second of seconds) {
        const id = this.ids.get(pairKey(first, second));
        if (id !== undefined) lists.push(this.postings.of(id));
      }
    }
    return lists;
  }

  /**
   * The listings whose title has each pair of consecutive positions of the phrase (word
   * ids per position), as a union of lists: exactly those holding a two-word phrase; for a
   * longer one, a superset (the pairs may be apart) to check word by word.
   */
  phraseDocs(phrase: readonly (readonly number[])[]): Union {
    if (phrase.length === 2) return this.docs(phrase[0] ?? [], phrase[1] ?? []);
    const unions: Union[] = [];
    for (let k = 0; k + 1 < phrase.length; k++) {
      unions.push(this.docs(phrase[k] ?? [], phrase[k + 1] ?? []));
    }
    return [intersectionOf(unions)];
  }
}

export interface PackedPairs {
  first: Int32Array<ArrayBuffer>;
  second: Int32Array<ArrayBuffer>;
  offsets: Int32Array<ArrayBuffer>;
  docs: Int32Array<ArrayBuffer>;
}

/** One number per ordered pair of word ids (exact: ids stay far below 2^21). */
function pairKey(first: number, second: number): number {
  return first * 2 ** 32 + second;
}

/** The distinct pair ids of a title; unknown pairs get an id when `isAdding`, else are skipped. */
function pairIdsOf(
  ids: Map<number, number>,
  words: ArrayLike<number>,
  isAdding: boolean,
): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) {
    const key = pairKey(words[i] as number, words[i + 1] as number);
    let id = ids.get(key);
    if (id === undefined && isAdding) {
      id = ids.size;
      ids.set(key, id);
    }
    if (id !== undefined) found.add(id);
  }
  return found;
}
