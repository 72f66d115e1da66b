/**
 * Word ids of one text per listing, packed in one growing array (`data`), each listing's
 * words at `start[id]`, `length[id]` long. Reading the words of thousands of listings then
 * walks one block of memory instead of thousands of small arrays, which matters more than
 * anything else in the ranking loop. A changed listing gets its words appended; the space it
 * used before is reclaimed by `compact` once half is waste.
 */
/**
 * Word ids as a store keeps them: 16 bits while every id fits (a dictionary of up to 65,536
 * words, which a catalog of 100,000 listings stays under), 32 bits from the first id that does
 * not. Half the memory for the ranking loop to walk, and a snapshot's arrays are taken over as
 * they were read, not widened into new memory at a start (docs/decisions/031-speed-search.md).
 */
export type WordIds = Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer>;
const MAX_SHORT_ID = 0xffff;

export class WordStore {
  start = new Int32Array(0);
  length = new Int32Array(0);
  data: WordIds = new Uint16Array(1024);
  private used = 0;
  private live = 0;

  /** A store over arrays read back from a snapshot (`data` holds only words in use). */
  static restore(
    start: Int32Array<ArrayBuffer>,
    length: Int32Array<ArrayBuffer>,
    data: WordIds,
  ): WordStore {
    const store = new WordStore();
    store.start = start;
    store.length = length;
    store.data = data;
    store.used = data.length;
    for (let id = 0; id < length.length; id++) store.live += length[id] as number;
    return store;
  }

  /** The arrays to keep in a snapshot (the unused tail of `data` left out). */
  packed(): {
    start: Int32Array<ArrayBuffer>;
    length: Int32Array<ArrayBuffer>;
    data: WordIds;
  } {
    return { start: this.start, length: this.length, data: this.data.subarray(0, this.used) };
  }

  ensureCapacity(size: number): void {
    if (size <= this.start.length) return;
    const capacity = Math.max(size, Math.ceil(this.start.length * 1.5), 1024);
    const start = new Int32Array(capacity);
    start.set(this.start);
    const length = new Int32Array(capacity);
    length.set(this.length);
    this.start = start;
    this.length = length;
  }

  /** Whether listing `id` has exactly these words already. */
  holds(id: number, words: readonly number[]): boolean {
    if (id >= this.start.length || this.length[id] !== words.length) return false;
    const from = this.start[id] as number;
    return words.every((word, i) => this.data[from + i] === word);
  }

  set(id: number, words: readonly number[]): void {
    this.ensureCapacity(id + 1);
    this.live -= this.length[id] ?? 0;
    if (this.data instanceof Uint16Array && words.some((word) => word > MAX_SHORT_ID)) {
      this.data = Int32Array.from(this.data);
    }
    if (this.used + words.length > this.data.length) this.grow(words.length);
    this.start[id] = this.used;
    this.length[id] = words.length;
    for (const word of words) this.data[this.used++] = word;
    this.live += words.length;
  }

  clear(id: number): void {
    if (id >= this.start.length) return;
    this.live -= this.length[id] ?? 0;
    this.length[id] = 0;
  }

  private grow(extra: number): void {
    if (this.used - this.live > this.live) {
      this.compact();
      if (this.used + extra <= this.data.length) return;
    }
    const data = this.allocate(Math.max(this.data.length * 2, this.used + extra));
    data.set(this.data.subarray(0, this.used));
    this.data = data;
  }

  /** A new `data` of the same width as the present one. */
  private allocate(size: number): WordIds {
    return this.data instanceof Uint16Array ? new Uint16Array(size) : new Int32Array(size);
  }

  /** Rewrites `data` with only the current words of each listing. */
  private compact(): void {
    const data = this.allocate(Math.max(1024, this.live * 2));
    let used = 0;
    for (let id = 0; id < this.start.length; id++) {
      const length = this.length[id] ?? 0;
      if (length === 0) continue;
      const start = this.start[id] ?? 0;
      data.set(this.data.subarray(start, start + length), used);
      this.start[id] = used;
      used += length;
    }
    this.data = data;
    this.used = used;
  }
}

/** Words of one of the stores that do not count, per listing (none: undefined). */
export interface LeaveOut {
  store: number;
  wordsOf(doc: number): ReadonlySet<number> | undefined;
}

/**
 * Which listings have each word (an inverted index over a WordStore), built from the
 * stores in one counting pass. The ranking tiers read the few lists of the query's words
 * instead of every match's words. A changed listing updates only the lists of the words it
 * gained or lost (`update`): rebuilding every list after each change cost 0.2 s at 100,000
 * listings, on the next search.
 */
export class Postings {
  /** Lists rewritten since the build, by word (they replace the packed ones). */
  private readonly changed = new Map<number, Int32Array>();

  private constructor(
    /** Listings of word w: docs[offsets[w] … offsets[w + 1]). */
    readonly offsets: Int32Array<ArrayBuffer>,
    readonly docs: Int32Array<ArrayBuffer>,
    /**
     * Words whose list is `base`'s packed one instead (`restoreApartFrom`), or null. The
     * packed arrays never change (a rewritten list goes to `changed`), so these lists stay
     * what they were at the snapshot however `base` changes after it.
     */
    private readonly shared: { isShared: Uint8Array; base: Postings } | null = null,
  ) {}

  static build(store: WordStore, visible: Uint8Array, words: number): Postings {
    return Postings.buildMany([store], visible, words);
  }

  /**
   * The inverted lists over several stores (the columns of a listing): a listing is in a
   * word's list once, whichever columns have the word, and once for a word twice in a title.
   * `leaveOut` names words of one store that do not count for a listing (a word it also has
   * in another store still does).
   */
  static buildMany(
    stores: readonly WordStore[],
    visible: Uint8Array,
    words: number,
    leaveOut?: LeaveOut,
  ): Postings {
    const counts = new Int32Array(words + 1);
    const lastDoc = new Int32Array(words).fill(-1);
    const each = (fn: (word: number, doc: number) => void) => {
      for (let doc = 0; doc < visible.length; doc++) {
        if (visible[doc] !== 1) continue;
        for (let s = 0; s < stores.length; s++) {
          const store = stores[s] as WordStore;
          if (doc >= store.start.length) continue;
          const from = store.start[doc] as number;
          const end = from + (store.length[doc] as number);
          const left = s === leaveOut?.store ? leaveOut.wordsOf(doc) : undefined;
          for (let i = from; i < end; i++) {
            const word = store.data[i] as number;
            if (lastDoc[word] === doc || left?.has(word)) continue;
            lastDoc[word] = doc;
            fn(word, doc);
          }
        }
      }
    };
    each((word) => (counts[word + 1] = (counts[word + 1] as number) + 1));
    for (let w = 0; w < words; w++)
      counts[w + 1] = (counts[w + 1] as number) + (counts[w] as number);
    const docs = new Int32Array(counts[words] as number);
    const next = counts.slice(0, words);
    lastDoc.fill(-1);
    each((word, doc) => {
      docs[next[word] as number] = doc;
      next[word] = (next[word] as number) + 1;
    });
    return new Postings(counts, docs);
  }

  /** Lists read back from a snapshot (`packed`). */
  static restore(offsets: Int32Array<ArrayBuffer>, docs: Int32Array<ArrayBuffer>): Postings {
    return new Postings(offsets, docs);
  }

  /** Every list of words 0 … words - 1 in one array, rewritten lists included (for a snapshot). */
  packed(words: number): { offsets: Int32Array<ArrayBuffer>; docs: Int32Array<ArrayBuffer> } {
    if (this.changed.size === 0 && this.shared === null && this.offsets.length === words + 1) {
      return { offsets: this.offsets, docs: this.docs };
    }
    const offsets = new Int32Array(words + 1);
    for (let w = 0; w < words; w++) offsets[w + 1] = (offsets[w] as number) + this.count(w);
    const docs = new Int32Array(offsets[words] as number);
    for (let w = 0; w < words; w++) docs.set(this.of(w), offsets[w] as number);
    return { offsets, docs };
  }

  /**
   * Like `packed`, but the lists equal to `shared`'s (the same word) are left out and
   * flagged: the matching lists equal the all-columns ones for every word that is in no
   * umbrella category's name, so a snapshot need not store them twice.
   */
  packedApartFrom(
    shared: Postings,
    words: number,
  ): {
    isShared: Uint8Array<ArrayBuffer>;
    offsets: Int32Array<ArrayBuffer>;
    docs: Int32Array<ArrayBuffer>;
  } {
    const isShared = new Uint8Array(words);
    const offsets = new Int32Array(words + 1);
    for (let w = 0; w < words; w++) {
      const list = this.of(w);
      const same = shared.of(w);
      let isSame = list.length === same.length;
      for (let i = 0; isSame && i < list.length; i++) isSame = list[i] === same[i];
      if (isSame) isShared[w] = 1;
      offsets[w + 1] = (offsets[w] as number) + (isSame ? 0 : list.length);
    }
    const docs = new Int32Array(offsets[words] as number);
    for (let w = 0; w < words; w++) if (!isShared[w]) docs.set(this.of(w), offsets[w] as number);
    return { isShared, offsets, docs };
  }

  /**
   * Lists read back from `packedApartFrom`: the shared ones are read from `shared`'s packed
   * lists, not copied (about 20 MB of fresh memory at a start, at 100,000 listings).
   */
  static restoreApartFrom(
    shared: Postings,
    isShared: Uint8Array,
    ownOffsets: Int32Array<ArrayBuffer>,
    ownDocs: Int32Array<ArrayBuffer>,
  ): Postings {
    return new Postings(ownOffsets, ownDocs, { isShared, base: shared });
  }

  /** The listings containing word `word`, ascending. */
  of(word: number): Int32Array {
    if (this.changed.size > 0) {
      const list = this.changed.get(word);
      if (list) return list;
    }
    if (this.shared !== null && this.shared.isShared[word] === 1) {
      return this.shared.base.packedOf(word);
    }
    return this.packedOf(word);
  }

  /** How many listings have word `word` (no list is made). */
  count(word: number): number {
    if (this.changed.size > 0) {
      const list = this.changed.get(word);
      if (list) return list.length;
    }
    if (this.shared !== null && this.shared.isShared[word] === 1) {
      return this.shared.base.packedCount(word);
    }
    return this.packedCount(word);
  }

  /** Word `word`'s list in the packed arrays, rewritten lists and shared ones aside. */
  private packedOf(word: number): Int32Array {
    if (word < 0 || word + 1 >= this.offsets.length) return new Int32Array(0);
    return this.docs.subarray(this.offsets[word] as number, this.offsets[word + 1] as number);
  }

  private packedCount(word: number): number {
    if (word < 0 || word + 1 >= this.offsets.length) return 0;
    return (this.offsets[word + 1] as number) - (this.offsets[word] as number);
  }

  /** Listing `doc` now has the words `after` (distinct word ids) instead of `before`. */
  update(doc: number, before: ReadonlySet<number>, after: ReadonlySet<number>): void {
    for (const word of before) {
      if (!after.has(word)) this.changed.set(word, without(this.of(word), doc));
    }
    for (const word of after) {
      if (!before.has(word)) this.changed.set(word, including(this.of(word), doc));
    }
  }
}

/** The first position in the ascending `list` whose value is not below `doc`. */
function lowerBound(list: Int32Array, doc: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as number) < doc) low = mid + 1;
    else high = mid;
  }
  return low;
}

function without(list: Int32Array, doc: number): Int32Array {
  const at = lowerBound(list, doc);
  if (list[at] !== doc) return list;
  const next = new Int32Array(list.length - 1);
  next.set(list.subarray(0, at));
  next.set(list.subarray(at + 1), at);
  return next;
}

function including(list: Int32Array, doc: number): Int32Array {
  const at = lowerBound(list, doc);
  if (list[at] === doc) return list;
  const next = new Int32Array(list.length + 1);
  next.set(list.subarray(0, at));
  next[at] = doc;
  next.set(list.subarray(at), at + 1);
  return next;
}
