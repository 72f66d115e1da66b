import { prepared, type Db } from "~db/client.server";
import { CERT_KINDS } from "./certifications";
import { dayNumber } from "~/lib/dates";
import { decodeSnapshot, type Section, type SnapshotParts } from "./snapshot-codec.server";
import { ABSENT, computeValidity, emptyValidity, NEVER, type Validity } from "./validity";
import type { TitlePairs } from "./title-pairs";
import { WordLists, type SectionKind, type TakeSection } from "./word-lists";
import { type Postings, WordStore } from "./word-store";
import { umbrellaWords, type UmbrellaWords } from "./umbrella-words.server";

/**
 * The embedded engine's "doc values": what search filters, counts, sorts and ranks on,
 * held in typed arrays indexed by listing id in this process's memory. Reading even one
 * column per match back from SQLite costs about a microsecond per row, and walking FTS5
 * doclists through SQLite as much again: too slow for tens of thousands of matches; in
 * memory the same loops take a millisecond or two. The words of every column are kept as
 * word ids (one dictionary per process), with an inverted list per word over all columns
 * (matching) and over titles (the ranking tiers), so both compare integers.
 *
 * The arrays mirror `listing_search_docs`. Every write there bumps `version`, so before
 * each search one indexed read (`max(version)`) tells whether anything changed since,
 * possibly in another process, and only the changed rows are read. A new process starts
 * from the snapshot in `listing_search_snapshot` when there is a usable one (one read per
 * array instead of interning 7 million words at 100,000 listings), then reads the rows
 * changed since its version the same way (index-snapshot.server.ts writes it).
 */

/** The FTS5 columns, in the table's order (bm25 weights are given in this order). */
export const SEARCH_COLUMNS = ["title", "body", "tags", "category", "producer", "commune"] as const;

type DocRow = [
  id: number,
  isVisible: number,
  categoryId: number | null,
  commune: string | null,
  price: number | null,
  stock: number | null,
  ocopStars: number,
  ocopExpiresOn: string | null,
  certifications: string,
  publishedAt: number | null,
  titleWords: string,
  bodyWords: string,
  tagsWords: string,
  categoryWords: string,
  producerWords: string,
  communeWords: string,
  markedWords: string,
];

/** The category names' column, whose umbrella-only words matching leaves out. */
const CATEGORY_COLUMN = SEARCH_COLUMNS.indexOf("category");
/** Beyond this many changed rows at once, the inverted lists are rebuilt instead of updated. */
const MAX_INCREMENTAL_ROWS = 2000;

/** The first index of the sorted `words` not below `prefix`. */
function lowerBound(words: readonly string[], prefix: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((words[mid] as string) < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class DocValues {
  version = -1;
  /** Counts the refreshes that changed something (what caches of derived answers compare). */
  generation = 0;
  /** The version of the snapshot the arrays were loaded from, or null (read from the rows). */
  restoredFrom: number | null = null;
  /** Set when the arrays were read inside a transaction that may still roll back. */
  private mayBeUncommitted = false;
  capacity = 0;
  visible = new Uint8Array(0);
  categoryId = new Int32Array(0);
  /** Index into `communes`. */
  communeIndex = new Int32Array(0);
  price = new Float64Array(0);
  inStock = new Uint8Array(0);
  ocopStars = new Uint8Array(0);
  /** Day number of the OCOP expiry. */
  ocopExpires = new Int32Array(0);
  /** Per certification kind (CERT_KINDS order): day number of expiry, NEVER or ABSENT. */
  certExpires: Int32Array<ArrayBuffer>[] = CERT_KINDS.map(() => new Int32Array(0));
  /** Seconds since the epoch. */
  publishedAt = new Float64Array(0);
  /** Word ids of each FTS5 column (SEARCH_COLUMNS order), per listing id. */
  columnWords: WordStore[] = SEARCH_COLUMNS.map(() => new WordStore());
  /** Word ids of the title and tags with their marks, per listing id. */
  markedWords = new WordStore();
  /** Words in all columns, per listing id, and their sum over visible listings (for bm25). */
  docLength = new Int32Array(0);
  totalLength = 0;
  visibleCount = 0;
  /** Every word seen in titles and tags (folded and marked), by id. */
  words: string[] = [];
  private wordIds = new Map<string, number>();
  communes: string[] = [];
  private communeIds = new Map<string, number>();
  private visibleIdsCache: Int32Array | null = null;
  private validity: Validity | null = null;
  private openings: { first: Int32Array; second: Int32Array } | null = null;
  private readonly lists = new WordLists(this, CATEGORY_COLUMN);
  /** The dictionary in alphabetical order (words and their ids), kept as words are added. */
  private sortedWords: { words: string[]; ids: number[] } | null = null;
  /** The categories' umbrella-only words the matching lists leave out (umbrella-words.server.ts). */
  private umbrella: UmbrellaWords = { signature: "", byCategory: new Map() };
  /** The same as word ids, per category (dropped when a word is added). */
  private umbrellaIds: Map<number, ReadonlySet<number> | undefined> | null = null;
  /** Word ids by word length, for typo tolerance. */
  private idsByLength: number[][] = [];

  /** Brings the arrays up to date with the database; cheap when nothing changed. */
  refresh(db: Db): this {
    // A renamed or moved category changes which words its listings are matched by, before
    // (or without) any of their rows changing.
    const umbrella = umbrellaWords(db);
    if (umbrella.signature !== this.umbrella.signature) {
      this.umbrella = umbrella;
      this.umbrellaIds = null;
      this.lists.dropMatching();
      this.generation++;
    }
    const latest =
      prepared<number>(db, "SELECT coalesce(max(version), 0) FROM listing_search_docs")
        .pluck()
        .get() ?? 0;
    const isStale = this.mayBeUncommitted && !db.$client.inTransaction;
    if (latest === this.version && !isStale) return this;
    this.generation++;
    // A smaller version means the table was emptied and rebuilt: start over.
    if (latest < this.version || isStale) this.reset();
    if (this.version === -1) this.restoreSnapshot(db, latest);
    const rows = prepared<DocRow>(
      db,
      `SELECT listing_id, is_visible, category_id, commune, price_vnd, stock, ocop_stars,
              ocop_expires_on, certifications, published_at, title_words, body_words, tags_words,
              category_words, producer_words, commune_words, marked_words
       FROM listing_search_docs WHERE version > ?`,
    )
      .raw()
      .all(this.version);
    // Only what a change touches is recomputed: a new stock or price (every order changes
    // stock) must not cost rebuilding the inverted lists of 100,000 titles.
    const changed = { visibility: false, words: false, allWords: false, certificates: false };
    // A few changed listings update the inverted lists of their words; many (a rebuild
    // while the server runs) are cheaper to follow with one full build, on the next search.
    if (rows.length > MAX_INCREMENTAL_ROWS) this.lists.drop();
    for (const row of rows) this.apply(row, changed);
    this.version = latest;
    this.mayBeUncommitted = db.$client.inTransaction;
    if (changed.visibility) this.visibleIdsCache = null;
    if (changed.visibility || changed.certificates) this.validity = null;
    if (changed.visibility || changed.words) this.openings = null;
    return this;
  }

  /**
   * Per listing id, the OCOP stars and the certification kinds (bit k = CERT_KINDS[k])
   * valid on `today` (a day number), computed once per day and change, so filters and
   * facets read one byte instead of comparing dates for every match; and what the facets
   * count, packed in one number (`facetCode`): one read per match instead of four.
   */
  validOn(today: number): Validity {
    if (this.validity?.today === today && this.validity.stars.length === this.capacity) {
      return this.validity;
    }
    const validity = emptyValidity(today, this.capacity);
    for (let id = 0; id < this.capacity; id++) computeValidity(this, validity, id);
    this.validity = validity;
    return validity;
  }

  /**
   * Per listing id, the id of its title's first word (-1: an empty title), rebuilt after a
   * title changes: "the title starts with the word typed" then reads one small array
   * instead of every match's place in the 5 MB of title words.
   */
  titleFirstWords(): Int32Array {
    return this.titleOpenings().first;
  }

  /**
   * Per listing id, the id of its title's second word (-1: none), for "the title starts
   * with the two words typed". An array of its own, not interleaved with the first words:
   * every match of every query reads the first word, only exact pairs read the second, and
   * interleaving them doubled the memory a one-word query walks (in two paired bench runs at
   * 100,000 listings its p95 went from 2.4–2.7 to 5.5–6.2 ms, p50 unchanged).
   */
  titleSecondWords(): Int32Array {
    return this.titleOpenings().second;
  }

  private titleOpenings(): { first: Int32Array; second: Int32Array } {
    if (this.openings?.first.length !== this.capacity) {
      const titles = this.titleWords;
      const first = new Int32Array(this.capacity).fill(-1);
      const second = new Int32Array(this.capacity).fill(-1);
      const end = Math.min(this.capacity, titles.start.length);
      for (let id = 0; id < end; id++) {
        const from = titles.start[id] as number;
        const length = titles.length[id] as number;
        if (length > 0) first[id] = titles.data[from] as number;
        if (length > 1) second[id] = titles.data[from + 1] as number;
      }
      this.openings = { first, second };
    }
    return this.openings;
  }

  /** Ids of every searchable listing, ascending. */
  visibleIds(): Int32Array {
    if (this.visibleIdsCache) return this.visibleIdsCache;
    let count = 0;
    for (let id = 0; id < this.capacity; id++) count += this.visible[id] ?? 0;
    const ids = new Int32Array(count);
    let next = 0;
    for (let id = 0; id < this.capacity; id++) if (this.visible[id]) ids[next++] = id;
    this.visibleIdsCache = ids;
    return ids;
  }

  /** Which listings have each word in their title, and in their title and tags with marks. */
  titlePostings(): { title: Postings; marked: Postings } {
    return this.lists.titles();
  }

  /** Which listings have each word in any column (what the vocabulary counts). */
  wordPostings(): Postings {
    return this.lists.allColumns();
  }

  /**
   * Which listings each word matches: in any column, but not from an umbrella parent's
   * category name alone (umbrella-words.server.ts).
   */
  matchingPostings(): Postings {
    return this.lists.matchingColumns();
  }

  /** Which listings have each pair of adjacent words in their title. */
  titlePairs(): TitlePairs {
    return this.lists.titlePairs();
  }

  /** The ids of the words category `categoryId` has only from an umbrella parent's name. */
  umbrellaWordIds(categoryId: number): ReadonlySet<number> | undefined {
    this.umbrellaIds ??= new Map();
    if (!this.umbrellaIds.has(categoryId)) {
      const words = this.umbrella.byCategory.get(categoryId);
      const ids = words && [...words].map((word) => this.wordId(word)).filter((id) => id >= 0);
      this.umbrellaIds.set(categoryId, ids && ids.length > 0 ? new Set(ids) : undefined);
    }
    return this.umbrellaIds.get(categoryId);
  }

  /** Ids of the words starting with `prefix` (binary search in the sorted dictionary). */
  wordsWithPrefix(prefix: string): number[] {
    const { words, ids } = this.alphabetical();
    const found: number[] = [];
    for (let i = lowerBound(words, prefix); i < words.length; i++) {
      if (!(words[i] as string).startsWith(prefix)) break;
      found.push(ids[i] as number);
    }
    return found;
  }

  /** Ids of the words `length` letters long. */
  wordsOfLength(length: number): readonly number[] {
    return this.idsByLength[length] ?? [];
  }

  private alphabetical(): { words: string[]; ids: number[] } {
    if (!this.sortedWords) {
      const ids = Array.from(this.words.keys()).sort((a, b) => {
        const x = this.words[a] as string;
        const y = this.words[b] as string;
        return x < y ? -1 : x > y ? 1 : 0;
      });
      this.sortedWords = { words: ids.map((id) => this.words[id] as string), ids };
    }
    return this.sortedWords;
  }

  /** The whole index as snapshot parts, its inverted lists built first (when missing). */
  snapshotParts(): SnapshotParts {
    const sections: SnapshotParts["sections"] = [
      ["visible", this.visible],
      ["categoryId", this.categoryId],
      ["communeIndex", this.communeIndex],
      ["price", this.price],
      ["inStock", this.inStock],
      ["ocopStars", this.ocopStars],
      ["ocopExpires", this.ocopExpires],
      ["publishedAt", this.publishedAt],
      ["docLength", this.docLength],
      ...this.certExpires.map((column, k): [string, Section] => [`cert.${CERT_KINDS[k]}`, column]),
    ];
    this.wordStores().forEach(([name, store]) => {
      const { start, length, data } = store.packed();
      sections.push([`${name}.start`, start], [`${name}.length`, length], [`${name}.data`, data]);
    });
    sections.push(...this.lists.sections());
    sections.push(["sortedWordIds", Int32Array.from(this.alphabetical().ids)]);
    const { version, capacity, totalLength, visibleCount } = this;
    return {
      scalars: { version, capacity, totalLength, visibleCount },
      sections,
      texts: [
        ["words", this.words],
        ["communes", this.communes],
        // What the matching lists leave out was worked out from these categories.
        ["umbrella", [this.umbrella.signature]],
      ],
    };
  }

  private wordStores(): [string, WordStore][] {
    return [
      ...this.columnWords.map((store, c): [string, WordStore] => [
        `words.${SEARCH_COLUMNS[c]}`,
        store,
      ]),
      ["words.marked", this.markedWords],
    ];
  }

  /**
   * Starts from the stored snapshot if it is usable: readable, of this format and these
   * columns, and not newer than the rows (`latest`). Otherwise nothing changes and the
   * rows are read in full, as without a snapshot.
   */
  private restoreSnapshot(db: Db, latest: number): void {
    // One read transaction, so the head and its sections are of the same write (the head's
    // checksum would catch a mix too, at the cost of a full load).
    const read = () => {
      const head = prepared<Buffer>(
        db,
        "SELECT data FROM listing_search_snapshot WHERE id = 1 AND version <= ?",
      )
        .pluck()
        .get(latest);
      if (!head) return null;
      const sections = prepared<Buffer>(
        db,
        "SELECT data FROM listing_search_snapshot_sections WHERE snapshot_id = 1 ORDER BY position",
      )
        .pluck()
        .all();
      return decodeSnapshot(head, sections);
    };
    const parts = db.$client.inTransaction ? read() : db.$client.transaction(read).deferred();
    if (parts && !this.restore(parts)) this.reset();
  }

  /** Takes over the arrays of a snapshot; false (half set) when they do not fit together. */
  private restore(parts: SnapshotParts): boolean {
    const sections = new Map(parts.sections);
    const texts = new Map(parts.texts);
    const { version, capacity, totalLength, visibleCount } = parts.scalars;
    const words = texts.get("words");
    const communes = texts.get("communes");
    const umbrella = texts.get("umbrella")?.[0];
    if (version === undefined || capacity === undefined || !words || !communes) return false;
    if (umbrella === undefined) return false;
    const take: TakeSection = <K extends SectionKind>(name: string, kind: K, length?: number) => {
      const array = sections.get(name);
      if (!(array instanceof kind) || (length !== undefined && array.length !== length)) {
        throw new RangeError(`snapshot section ${name}`);
      }
      return array as InstanceType<K>;
    };
    try {
      this.visible = take("visible", Uint8Array, capacity);
      this.categoryId = take("categoryId", Int32Array, capacity);
      this.communeIndex = take("communeIndex", Int32Array, capacity);
      this.price = take("price", Float64Array, capacity);
      this.inStock = take("inStock", Uint8Array, capacity);
      this.ocopStars = take("ocopStars", Uint8Array, capacity);
      this.ocopExpires = take("ocopExpires", Int32Array, capacity);
      this.publishedAt = take("publishedAt", Float64Array, capacity);
      this.docLength = take("docLength", Int32Array, capacity);
      this.certExpires = CERT_KINDS.map((kind) => take(`cert.${kind}`, Int32Array, capacity));
      const stores = this.wordStores().map(([name]) => {
        const start = take(`${name}.start`, Int32Array);
        const length = take(`${name}.length`, Int32Array, start.length);
        // 16-bit ids (word-store.ts) are kept as they were read.
        const data = sections.get(`${name}.data`);
        if (!(data instanceof Uint16Array || data instanceof Int32Array)) {
          throw new RangeError(`snapshot section ${name}.data`);
        }
        return WordStore.restore(start, length, data);
      });
      this.columnWords = stores.slice(0, SEARCH_COLUMNS.length);
      this.markedWords = stores[SEARCH_COLUMNS.length] as WordStore;
      this.lists.restore(take, words.length);
      const sortedIds = Array.from(take("sortedWordIds", Int32Array, words.length));
      this.sortedWords = { words: sortedIds.map((id) => words[id] as string), ids: sortedIds };
    } catch {
      return false;
    }
    this.words = words;
    this.wordIds = new Map(words.map((word, id) => [word, id]));
    this.idsByLength = [];
    words.forEach((word, id) => (this.idsByLength[word.length] ??= []).push(id));
    this.communes = communes;
    this.communeIds = new Map(communes.map((name, index) => [name, index]));
    this.capacity = capacity;
    this.totalLength = totalLength ?? 0;
    this.visibleCount = visibleCount ?? 0;
    this.visibleIdsCache = null;
    this.validity = null;
    this.openings = null;
    this.version = version;
    this.restoredFrom = version;
    this.umbrellaIds = null;
    if (umbrella !== this.umbrella.signature) this.lists.dropMatching();
    return true;
  }

  /** The index of a commune name in `communes`, or -1. */
  communeId(name: string): number {
    return this.communeIds.get(name) ?? -1;
  }

  /** The id of a word in titles and tags, or -1 when no title or tag has it. */
  wordId(word: string): number {
    return this.wordIds.get(word) ?? -1;
  }

  /** The folded title's word ids are in the first column. */
  get titleWords(): WordStore {
    return this.columnWords[0] as WordStore;
  }

  private apply(
    row: DocRow,
    changed: { visibility: boolean; words: boolean; allWords: boolean; certificates: boolean },
  ): void {
    const id = row[0];
    const before = this.lists.wordsBefore(id);
    this.applyRow(row, changed);
    // A changed price or commune changes what the facets count: that listing's entries.
    if (this.validity?.stars.length === this.capacity) computeValidity(this, this.validity, id);
    if (before !== null) this.lists.update(id, before);
  }

  private applyRow(
    row: DocRow,
    changed: { visibility: boolean; words: boolean; allWords: boolean; certificates: boolean },
  ): void {
    const [id, isVisible, categoryId, commune, price, stock, stars, ocopExpires, certs, published] =
      row;
    this.ensureCapacity(id + 1);
    if (this.visible[id]) {
      this.visibleCount--;
      this.totalLength -= this.docLength[id] ?? 0;
    }
    if (this.visible[id] !== isVisible) changed.visibility = true;
    this.visible[id] = isVisible;
    if (!isVisible) {
      for (const store of this.columnWords) store.clear(id);
      this.markedWords.clear(id);
      this.docLength[id] = 0;
      return;
    }
    let length = 0;
    this.columnWords.forEach((store, c) => {
      const text = row[10 + c] as string;
      const words = this.internWords(text);
      if (!store.holds(id, words)) {
        store.set(id, words);
        changed.allWords = true;
        if (c === 0) changed.words = true;
      }
      length += words.length;
    });
    const marked = this.internWords(row[16]);
    if (!this.markedWords.holds(id, marked)) {
      this.markedWords.set(id, marked);
      changed.words = true;
    }
    this.docLength[id] = length;
    this.totalLength += length;
    this.visibleCount++;
    this.categoryId[id] = categoryId ?? 0;
    this.communeIndex[id] = this.internCommune(commune ?? "");
    this.price[id] = price ?? 0;
    this.inStock[id] = (stock ?? 0) > 0 ? 1 : 0;
    const expiresDay = ocopExpires ? dayNumber(ocopExpires) : 0;
    if (this.ocopStars[id] !== stars || this.ocopExpires[id] !== expiresDay) {
      changed.certificates = true;
    }
    this.ocopStars[id] = stars;
    this.ocopExpires[id] = expiresDay;
    this.publishedAt[id] = Math.floor((published ?? 0) / 1000);
    const byKind = new Map<string, string | null>();
    try {
      for (const [kind, expires] of JSON.parse(certs) as [string, string | null][]) {
        byKind.set(kind, expires);
      }
    } catch {
      // A malformed row counts as no certificates; the next rebuild rewrites it.
    }
    CERT_KINDS.forEach((kind, k) => {
      const expires = byKind.get(kind);
      const column = this.certExpires[k];
      if (!column) return;
      const value = expires === undefined ? ABSENT : expires === null ? NEVER : dayNumber(expires);
      if (column[id] !== value) changed.certificates = true;
      column[id] = value;
    });
  }

  private internWords(text: string): number[] {
    if (text === "") return [];
    return text.split(" ").map((word) => {
      let id = this.wordIds.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.words.push(word);
        this.wordIds.set(word, id);
        (this.idsByLength[word.length] ??= []).push(id);
        this.umbrellaIds = null;
        if (this.sortedWords) {
          const at = lowerBound(this.sortedWords.words, word);
          this.sortedWords.words.splice(at, 0, word);
          this.sortedWords.ids.splice(at, 0, id);
        }
      }
      return id;
    });
  }

  private internCommune(name: string): number {
    let index = this.communeIds.get(name);
    if (index === undefined) {
      index = this.communes.length;
      this.communes.push(name);
      this.communeIds.set(name, index);
    }
    return index;
  }

  private reset(): void {
    this.version = -1;
    this.restoredFrom = null;
    this.capacity = 0;
    this.visible = new Uint8Array(0);
    this.categoryId = new Int32Array(0);
    this.communeIndex = new Int32Array(0);
    this.price = new Float64Array(0);
    this.inStock = new Uint8Array(0);
    this.ocopStars = new Uint8Array(0);
    this.ocopExpires = new Int32Array(0);
    this.certExpires = CERT_KINDS.map(() => new Int32Array(0));
    this.publishedAt = new Float64Array(0);
    this.columnWords = SEARCH_COLUMNS.map(() => new WordStore());
    this.markedWords = new WordStore();
    this.docLength = new Int32Array(0);
    this.totalLength = 0;
    this.visibleCount = 0;
    this.visibleIdsCache = null;
    this.validity = null;
    this.openings = null;
    this.lists.drop();
  }

  private ensureCapacity(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(size, Math.ceil(this.capacity * 1.5), 1024);
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(
      old: T,
      make: (n: number) => T,
    ) => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.visible = grow(this.visible, (n) => new Uint8Array(n));
    this.categoryId = grow(this.categoryId, (n) => new Int32Array(n));
    this.communeIndex = grow(this.communeIndex, (n) => new Int32Array(n));
    this.price = grow(this.price, (n) => new Float64Array(n));
    this.inStock = grow(this.inStock, (n) => new Uint8Array(n));
    this.ocopStars = grow(this.ocopStars, (n) => new Uint8Array(n));
    this.ocopExpires = grow(this.ocopExpires, (n) => new Int32Array(n));
    this.certExpires = this.certExpires.map((column) => grow(column, (n) => new Int32Array(n)));
    this.publishedAt = grow(this.publishedAt, (n) => new Float64Array(n));
    this.docLength = grow(this.docLength, (n) => new Int32Array(n));
    this.capacity = capacity;
  }
}

const perDatabase = new WeakMap<object, DocValues>();

/** This process's doc values for a database, up to date. */
export function docValuesFor(db: Db): DocValues {
  let values = perDatabase.get(db.$client);
  if (!values) {
    values = new DocValues();
    perDatabase.set(db.$client, values);
  }
  return values.refresh(db);
}
