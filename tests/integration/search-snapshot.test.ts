import { eq } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { docValuesFor } from "~/modules/search/doc-values.server";
import { searchFts } from "~/modules/search/fts-engine.server";
import {
  refreshSearchSnapshot,
  rowsChangedSinceSnapshot,
  saveSearchSnapshot,
} from "~/modules/search/index-snapshot.server";
import { setExternalEngine } from "~/modules/search/search.server";
import {
  decodeSnapshot,
  encodeSnapshot,
  SNAPSHOT_FORMAT,
  type EncodedSnapshot,
  type Section,
  type SnapshotParts,
} from "~/modules/search/snapshot-codec.server";
import { indexListing } from "~/modules/search/sync.server";
import { searchQuery, type SearchQuery } from "~/modules/search/types";
import { openDatabase, openMigratedDatabase, type Db } from "~db/client.server";
import {
  categories,
  listings,
  listingSearchSnapshot,
  listingSearchSnapshotSections,
} from "~db/schema";
import { seedDemo } from "~db/seed/seed.server";
import { listingIdOf } from "../helpers/search-demo";

/**
 * The snapshot of the embedded index (index-snapshot.server.ts): a process that starts from
 * it answers exactly as one that read every row, sees what changed after it, and ignores a
 * snapshot it cannot trust. Each process is a new connection to one database file.
 */

const QUERIES: Partial<SearchQuery>[] = [
  { q: "cà phê" },
  { q: "ca phe khe sanh" },
  { q: "mật ong rừng" },
  { q: "arabika" },
  { q: "hoong phung" },
  { q: "nước mắm", matchMode: "any" },
  { q: "gạo", sort: "price_asc" },
  { q: "bánh", page: 2, perPage: 5 },
  { q: "ca", category: "ca-phe", ocopMin: 3 },
  { q: "tra", certification: "hữu cơ" },
  { q: "" },
  { q: "", sort: "newest", commune: "xã Hướng Phùng" },
];

let dir: string;
let file: string;
const open: Db[] = [];

/** A new connection: nothing of the index in memory, as in a process that just started. */
function connect(): Db {
  const db = openDatabase(file);
  setExternalEngine(db, null);
  open.push(db);
  return db;
}

function answers(db: Db) {
  return QUERIES.map((fields) => {
    const { tookMs: _took, ...rest } = searchFts(db, searchQuery({ perPage: 50, ...fields }));
    return rest;
  });
}

function rename(db: Db, sku: string, title: string, status?: "archived"): number {
  const id = listingIdOf(db, sku);
  db.transaction(() => {
    db.update(listings)
      .set({ title, ...(status ? { status } : {}) })
      .where(eq(listings.id, id))
      .run();
    indexListing(db, id);
  });
  return id;
}

function storedSnapshot(db: Db): EncodedSnapshot {
  const row = db.select().from(listingSearchSnapshot).get();
  if (!row) throw new Error("no snapshot stored");
  const sections = db
    .select()
    .from(listingSearchSnapshotSections)
    .orderBy(listingSearchSnapshotSections.position)
    .all()
    .map((section) => section.data);
  return { head: row.data, sections };
}

function storeSnapshot(db: Db, { head, sections }: EncodedSnapshot): void {
  db.transaction((tx) => {
    tx.update(listingSearchSnapshot)
      .set({ data: head })
      .where(eq(listingSearchSnapshot.id, 1))
      .run();
    tx.delete(listingSearchSnapshotSections).run();
    sections.forEach((data, position) =>
      tx.insert(listingSearchSnapshotSections).values({ snapshotId: 1, position, data }).run(),
    );
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "cungcau-snapshot-"));
  file = join(dir, "app.db");
  const writer = openMigratedDatabase(file);
  open.push(writer);
  await seedDemo(writer, { today: new Date(), mode: "live" });
  setExternalEngine(writer, null);
});

afterEach(() => {
  for (const db of open.splice(0)) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the embedded index's snapshot", () => {
  it("answers every kind of query exactly as a full load from the rows", () => {
    const [writer] = open as [Db];
    // The seed builds the index inside its transaction: no snapshot yet, a full load.
    expect(rowsChangedSinceSnapshot(writer)).toBe(Infinity);
    const fromRows = connect();
    const expected = answers(fromRows);
    expect(docValuesFor(fromRows).restoredFrom).toBeNull();
    expect(expected[0]?.total).toBeGreaterThan(0);

    const saved = saveSearchSnapshot(writer);
    expect(saved?.version).toBe(docValuesFor(writer).version);
    const fromSnapshot = connect();
    expect(answers(fromSnapshot)).toEqual(expected);
    expect(docValuesFor(fromSnapshot).restoredFrom).toBe(saved?.version);
    // Saving again at the same version writes nothing.
    expect(saveSearchSnapshot(writer)).toBeNull();
  });

  it("sees the listings changed after the snapshot, and keeps following changes", () => {
    const [writer] = open as [Db];
    saveSearchSnapshot(writer);
    const renamed = rename(writer, "SP0152", "Cà phê Culi thuyềnbuồm đặc biệt");
    rename(writer, "SP0001", "Thuyềnlá đã ẩn", "archived");
    expect(rowsChangedSinceSnapshot(writer)).toBe(2);

    const reader = connect();
    const found = searchFts(reader, searchQuery({ q: "thuyenbuom" }));
    expect(docValuesFor(reader).restoredFrom).not.toBeNull();
    expect(found.hits.map((hit) => hit.id)).toEqual([renamed]);
    expect(searchFts(reader, searchQuery({ q: "thuyenla" })).total).toBe(0);
    expect(answers(reader)).toEqual(answers(connect()));

    // A change after this process loaded the snapshot, by another process.
    rename(writer, "SP0152", "Cà phê Culi thuyềnrồng");
    expect(searchFts(reader, searchQuery({ q: "thuyenbuom" })).total).toBe(0);
    expect(searchFts(reader, searchQuery({ q: "thuyenrong" })).hits[0]?.id).toBe(renamed);
  });

  it("follows a parent category that stops or starts being an umbrella, also from an older snapshot", () => {
    const [writer] = open as [Db];
    // A tea whose own words say nothing of coffee: "Cà phê & trà" alone does not make it one.
    const tea = listingIdOf(writer, "SP0064");
    const teasFoundAsCoffee = (db: Db) =>
      searchFts(db, searchQuery({ q: "cà phê", category: "tra", perPage: 100 })).hits.map(
        (hit) => hit.id,
      );
    expect(teasFoundAsCoffee(writer)).not.toContain(tea);
    saveSearchSnapshot(writer);
    const renameParent = (nameVi: string, nameEn: string) =>
      writer
        .update(categories)
        .set({ nameVi, nameEn })
        .where(eq(categories.code, "ca-phe-tra"))
        .run();

    // No longer an umbrella (its listings not indexed again: the words are the same).
    renameParent("Cà phê trà", "Coffee tea");
    expect(teasFoundAsCoffee(writer)).toContain(tea);
    const reader = connect();
    expect(teasFoundAsCoffee(reader)).toContain(tea);
    expect(docValuesFor(reader).restoredFrom).not.toBeNull();

    // An umbrella again: both processes leave its name out at once.
    renameParent("Cà phê & trà", "Coffee & tea");
    expect(teasFoundAsCoffee(writer)).not.toContain(tea);
    expect(teasFoundAsCoffee(reader)).not.toContain(tea);
  });

  it("falls back to the rows when the snapshot is damaged, of another format or too new", () => {
    const [writer] = open as [Db];
    const fromRows = connect();
    const expected = answers(fromRows);
    saveSearchSnapshot(writer);
    const good = storedSnapshot(writer);
    expect(good.sections.length).toBeGreaterThan(20);

    const flipped = good.sections.map((section) => Buffer.from(section));
    const largest = flipped.reduce((a, b) => (b.length > a.length ? b : a));
    const middle = Math.floor(largest.length / 2);
    largest[middle] = (largest[middle] ?? 0) ^ 0xff;
    const otherFormat = Buffer.from(good.head);
    otherFormat.writeUInt32LE(SNAPSHOT_FORMAT + 1, 4);
    const damaged: EncodedSnapshot[] = [
      { head: good.head, sections: flipped },
      { head: otherFormat, sections: good.sections },
      { head: good.head.subarray(0, good.head.length - 8), sections: good.sections },
      { head: Buffer.alloc(3), sections: good.sections },
      { head: good.head, sections: good.sections.slice(0, -1) },
      { head: good.head, sections: [...good.sections.slice(1), good.sections[0] as Buffer] },
    ];
    for (const snapshot of damaged) {
      storeSnapshot(writer, snapshot);
      const reader = connect();
      expect(answers(reader)).toEqual(expected);
      expect(docValuesFor(reader).restoredFrom).toBeNull();
    }

    // A snapshot claiming a version the rows never reached (a restored older database).
    storeSnapshot(writer, good);
    writer
      .update(listingSearchSnapshot)
      .set({ version: docValuesFor(writer).version + 100 })
      .run();
    const reader = connect();
    expect(answers(reader)).toEqual(expected);
    expect(docValuesFor(reader).restoredFrom).toBeNull();
  });

  it("is dropped with the rows it was made from, and rewritten only after enough changes", () => {
    const [writer] = open as [Db];
    expect(refreshSearchSnapshot(writer)).not.toBeNull();
    rename(writer, "SP0152", "Cà phê Culi mới");
    expect(rowsChangedSinceSnapshot(writer)).toBe(1);
    expect(refreshSearchSnapshot(writer)).toBeNull();
    expect(refreshSearchSnapshot(writer, 1)).not.toBeNull();
    // Emptying the index table (before a rebuild) takes the snapshot with it, sections too.
    expect(writer.select().from(listingSearchSnapshotSections).all().length).toBeGreaterThan(0);
    writer.$client.exec("DELETE FROM listing_search_docs WHERE listing_id = 1");
    expect(writer.select().from(listingSearchSnapshot).all()).toEqual([]);
    expect(writer.select().from(listingSearchSnapshotSections).all()).toEqual([]);
  });
});

/** A snapshot's parts with its sections by name (they are stored largest first). */
function byName(parts: SnapshotParts | null) {
  return parts && { ...parts, sections: new Map(parts.sections) };
}

describe("the snapshot's bytes", () => {
  it("read back as the same arrays and strings, and as null when cut short", () => {
    const parts = {
      scalars: { version: 7, capacity: 3 },
      sections: [
        ["flags", Uint8Array.from([1, 0, 1])],
        ["ids", Int32Array.from([5, -1, 2 ** 30])],
        ["short", Uint16Array.from([0, 65535, 7])],
        ["prices", Float64Array.from([0.5, 1e12, -3])],
      ] as [string, Section][],
      texts: [
        ["words", ["đậu", "", "cà phê", "ngũ cốc 🌾"]],
        ["none", []],
      ] as [string, string[]][],
    };
    const encoded = encodeSnapshot(parts);
    expect(byName(decodeSnapshot(encoded.head, encoded.sections))).toEqual(byName(parts));
    // Not aligned: the bytes are copied before arrays are made on them.
    const shifted = encoded.sections.map((section) => {
      const copy = Buffer.alloc(section.length + 1);
      section.copy(copy, 1);
      return copy.subarray(1);
    });
    expect(byName(decodeSnapshot(encoded.head, shifted))).toEqual(byName(parts));
    const cut = encoded.sections.map((section, i) => (i === 1 ? section.subarray(1) : section));
    expect(decodeSnapshot(encoded.head, cut)).toBeNull();
    expect(decodeSnapshot(encoded.head, encoded.sections.slice(1))).toBeNull();
    expect(
      decodeSnapshot(encoded.head.subarray(0, encoded.head.length - 1), encoded.sections),
    ).toBeNull();
    expect(decodeSnapshot(new Uint8Array(0), [])).toBeNull();
  });
});
