import type { Section } from "./snapshot-codec.server";
import { TitlePairs } from "./title-pairs";
import { Postings, type LeaveOut, type WordStore } from "./word-store";

/**
 * The inverted lists the doc values derive from their word stores (doc-values.server.ts):
 * which listings have each word in their title, in their title and tags with marks (the
 * ranking tiers), in any column (the vocabulary's counts, bm25), in any column but for the
 * words their category has only from an umbrella parent's name (matching;
 * umbrella-words.server.ts), and which have each pair of adjacent title words. Each is built
 * on first use, kept current per changed listing (`wordsBefore`, then `update`), dropped when
 * too many rows change at once, and saved in and restored from the index snapshot.
 */

/** The doc values' word stores and dictionary, read when a list is built. */
export interface WordSource {
  visible: Uint8Array;
  /** Word ids of each column (SEARCH_COLUMNS order), per listing id. */
  columnWords: readonly WordStore[];
  markedWords: WordStore;
  words: readonly string[];
  /** Per listing id, its category's id. */
  categoryId: Int32Array;
  /** The ids of the words category `id` has only from an umbrella parent's name. */
  umbrellaWordIds(categoryId: number): ReadonlySet<number> | undefined;
}

/** A listing's distinct words as each list counts them (none when hidden). */
export interface ListingWords {
  /** The title's words in order (for its word pairs). */
  titleWords: number[];
  title: Set<number>;
  marked: Set<number>;
  all: Set<number>;
  matching: Set<number>;
}

export type SectionKind = typeof Uint8Array | typeof Int32Array | typeof Float64Array;
/** A snapshot section of a given type and, when given, length (throws when it differs). */
export type TakeSection = <K extends SectionKind>(
  name: string,
  kind: K,
  length?: number,
) => InstanceType<K>;

export class WordLists {
  private title: Postings | null = null;
  private marked: Postings | null = null;
  private all: Postings | null = null;
  private matching: Postings | null = null;
  private pairs: TitlePairs | null = null;

  constructor(
    private readonly source: WordSource,
    /** The category names' column, whose umbrella-only words matching leaves out. */
    private readonly categoryColumn: number,
  ) {}

  /** Which listings have each word in their title, and in their title and tags with marks. */
  titles(): { title: Postings; marked: Postings } {
    const { visible, columnWords, markedWords, words } = this.source;
    this.title ??= Postings.build(columnWords[0] as WordStore, visible, words.length);
    this.marked ??= Postings.build(markedWords, visible, words.length);
    return { title: this.title, marked: this.marked };
  }

  /** Which listings have each word in any column. */
  allColumns(): Postings {
    const { visible, columnWords, words } = this.source;
    this.all ??= Postings.buildMany(columnWords, visible, words.length);
    return this.all;
  }

  /** Which listings a word matches: any column, not an umbrella parent's name alone. */
  matchingColumns(): Postings {
    const { visible, columnWords, words } = this.source;
    this.matching ??= Postings.buildMany(columnWords, visible, words.length, this.umbrellaOnly());
    return this.matching;
  }

  /** The category column's words that do not count for matching, per listing. */
  private umbrellaOnly(): LeaveOut {
    const { categoryId } = this.source;
    return {
      store: this.categoryColumn,
      wordsOf: (doc) => this.source.umbrellaWordIds(categoryId[doc] ?? 0),
    };
  }

  /** Forgets the matching lists (the umbrella words changed): built again on next use. */
  dropMatching(): void {
    this.matching = null;
  }

  /** Which listings have each pair of adjacent words in their title. */
  titlePairs(): TitlePairs {
    const { visible, columnWords } = this.source;
    this.pairs ??= TitlePairs.build(columnWords[0] as WordStore, visible);
    return this.pairs;
  }

  /** Forgets every list: each is built again on its next use. */
  drop(): void {
    this.title = null;
    this.marked = null;
    this.all = null;
    this.matching = null;
    this.pairs = null;
  }

  /** Listing `id`'s words before a change, or null when no list is built (nothing to update). */
  wordsBefore(id: number): ListingWords | null {
    const isBuilt = [this.title, this.marked, this.all, this.matching, this.pairs].some(
      (list) => list !== null,
    );
    return isBuilt ? this.listingWords(id) : null;
  }

  /** Updates the built lists after listing `id` changed (`before`: from `wordsBefore`). */
  update(id: number, before: ListingWords): void {
    const after = this.listingWords(id);
    this.title?.update(id, before.title, after.title);
    this.marked?.update(id, before.marked, after.marked);
    this.all?.update(id, before.all, after.all);
    this.matching?.update(id, before.matching, after.matching);
    this.pairs?.update(id, before.titleWords, after.titleWords);
  }

  private listingWords(id: number): ListingWords {
    const { visible, columnWords, markedWords } = this.source;
    const words = (store: WordStore, into = new Set<number>()) => {
      if (visible[id] !== 1 || id >= store.start.length) return into;
      const from = store.start[id] as number;
      for (let i = from; i < from + (store.length[id] as number); i++) {
        into.add(store.data[i] as number);
      }
      return into;
    };
    const other = new Set<number>();
    columnWords.forEach((store, c) => {
      if (c !== this.categoryColumn) words(store, other);
    });
    const category = words(columnWords[this.categoryColumn] as WordStore);
    const left = this.umbrellaOnly().wordsOf(id);
    const matching = new Set(other);
    for (const word of category) if (!left?.has(word)) matching.add(word);
    const titles = columnWords[0] as WordStore;
    const from = titles.start[id] as number;
    return {
      titleWords:
        visible[id] !== 1 || id >= titles.start.length
          ? []
          : Array.from(titles.data.subarray(from, from + (titles.length[id] as number))),
      title: words(titles),
      marked: words(markedWords),
      all: new Set([...other, ...category]),
      matching,
    };
  }

  /** Every list as snapshot sections (built first when missing). */
  sections(): [string, Section][] {
    const words = this.source.words.length;
    const { title, marked } = this.titles();
    const all = this.allColumns();
    const sections: [string, Section][] = [];
    for (const [name, list] of Object.entries({ title, marked, all })) {
      const { offsets, docs } = list.packed(words);
      sections.push([`postings.${name}.offsets`, offsets], [`postings.${name}.docs`, docs]);
    }
    // Most matching lists equal the all-columns ones: those are not stored twice.
    const matching = this.matchingColumns().packedApartFrom(all, words);
    sections.push(["postings.matching.isShared", matching.isShared]);
    sections.push(
      ["postings.matching.offsets", matching.offsets],
      ["postings.matching.docs", matching.docs],
    );
    const pairs = this.titlePairs().packed();
    sections.push(["pairs.first", pairs.first], ["pairs.second", pairs.second]);
    sections.push(["postings.pairs.offsets", pairs.offsets], ["postings.pairs.docs", pairs.docs]);
    return sections;
  }

  /** Takes over the lists of a snapshot of `words` words; throws when one does not fit. */
  restore(take: TakeSection, words: number): void {
    const list = (name: string) =>
      Postings.restore(
        take(`postings.${name}.offsets`, Int32Array, words + 1),
        take(`postings.${name}.docs`, Int32Array),
      );
    this.title = list("title");
    this.marked = list("marked");
    this.all = list("all");
    this.matching = Postings.restoreApartFrom(
      this.all,
      take("postings.matching.isShared", Uint8Array, words),
      take("postings.matching.offsets", Int32Array, words + 1),
      take("postings.matching.docs", Int32Array),
    );
    this.pairs = TitlePairs.restore({
      first: take("pairs.first", Int32Array),
      second: take("pairs.second", Int32Array),
      offsets: take("postings.pairs.offsets", Int32Array),
      docs: take("postings.pairs.docs", Int32Array),
    });
  }
}
