import { crc32 } from "node:zlib";

/**
 * The byte layout of a search index snapshot (see index-snapshot.server.ts): a short head
 * that describes it, then each typed array as its own stored value, exactly the bytes it has
 * in memory, so it is read back as a view on the value SQLite hands over (no copy, no
 * parsing). Lists of strings are one UTF-8 text with the UTF-16 offset of each string, so a
 * dictionary of 100,000 words is one decode.
 *
 *   head:     "CCSX" · format (u32) · header length (u32) · CRC-32 (u32) · header
 *   sections: one value per section, in the header's order (largest first)
 *
 * The header is JSON: scalars and each section's name, type and length. The CRC-32 covers the
 * header, then every section in order. A section per value rather than one value for all:
 * the one value had to be read whole into SQLite's buffer and then copied into a Node Buffer,
 * 71 MB of fresh memory twice at 100,000 listings, and a fresh page costs a fault, which is
 * most of a start's first query on a virtual machine (docs/decisions/031-speed-search.md).
 * Read per section, SQLite's buffer is reused from one value to the next.
 *
 * Anything unexpected (other magic, format, names, lengths, count or checksum) decodes as
 * null: the caller then loads the index from the rows, which stay the source of truth.
 */

/** Bump whenever the layout or the meaning of a section changes. */
export const SNAPSHOT_FORMAT = 4;

const MAGIC = 0x58534343; // "CCSX", little-endian
const PREAMBLE = 16;

/** Sections read back are views on the stored values. */
export type Section =
  | Uint8Array<ArrayBuffer>
  | Uint16Array<ArrayBuffer>
  | Int32Array<ArrayBuffer>
  | Float64Array<ArrayBuffer>;
type SectionType = "u8" | "u16" | "i32" | "f64";
const WIDTH: Record<SectionType, number> = { u8: 1, u16: 2, i32: 4, f64: 8 };

export interface SnapshotParts {
  /** Plain numbers (version, counts). */
  scalars: Record<string, number>;
  /** Typed arrays, by name (in no particular order). */
  sections: [name: string, array: Section][];
  /** Lists of strings. */
  texts: [name: string, strings: string[]][];
}

/** A snapshot as it is stored: the head, and the bytes of each section in order. */
export interface EncodedSnapshot {
  head: Buffer;
  sections: Buffer[];
}

interface Header {
  scalars: Record<string, number>;
  sections: [name: string, type: SectionType, length: number][];
  texts: [name: string, count: number][];
}

function typeOf(array: Section): SectionType {
  if (array instanceof Uint8Array) return "u8";
  if (array instanceof Uint16Array) return "u16";
  return array instanceof Int32Array ? "i32" : "f64";
}

/**
 * The CRC-32 of the header, then of each section. Empty sections are skipped: zlib's crc32
 * answers 0 for an empty array with no memory behind it, whatever the running value.
 */
function checksumOf(header: Uint8Array, sections: Uint8Array[]): number {
  let checksum = crc32(header);
  for (const bytes of sections) if (bytes.byteLength > 0) checksum = crc32(bytes, checksum);
  return checksum;
}

/**
 * The snapshot's head and sections. The sections are views on the given arrays, not copies:
 * write them before the arrays change.
 */
export function encodeSnapshot(parts: SnapshotParts): EncodedSnapshot {
  const encoder = new TextEncoder();
  const all: [string, Section][] = [...parts.sections];
  for (const [name, strings] of parts.texts) {
    const offsets = new Int32Array(strings.length + 1);
    strings.forEach((text, i) => (offsets[i + 1] = (offsets[i] as number) + text.length));
    all.push([`${name}.offsets`, offsets], [`${name}.text`, encoder.encode(strings.join(""))]);
  }
  // Stored largest first. glibc serves a large allocation with a fresh mapping and, once it is
  // freed, serves later ones up to that size from memory it keeps: SQLite's buffer for the
  // largest section is then reused for every smaller one, instead of being mapped anew
  // (fresh pages, each a fault) whenever a section is larger than any before it.
  all.sort(([, a], [, b]) => b.byteLength - a.byteLength);
  const header: Header = {
    scalars: parts.scalars,
    sections: all.map(([name, array]) => [name, typeOf(array), array.length]),
    texts: parts.texts.map(([name, strings]) => [name, strings.length]),
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const sections = all.map(([, array]) =>
    Buffer.from(array.buffer, array.byteOffset, array.byteLength),
  );
  const checksum = checksumOf(headerBytes, sections);
  const head = Buffer.alloc(PREAMBLE + headerBytes.length);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(SNAPSHOT_FORMAT, 4);
  head.writeUInt32LE(headerBytes.length, 8);
  head.writeUInt32LE(checksum, 12);
  head.set(headerBytes, PREAMBLE);
  return { head, sections };
}

/** A typed array on the stored bytes, copied first when they do not start aligned for it. */
function sectionOn(stored: Uint8Array, type: SectionType, length: number): Section {
  const bytes =
    stored.buffer instanceof ArrayBuffer && stored.byteOffset % WIDTH[type] === 0
      ? (stored as Uint8Array<ArrayBuffer>)
      : new Uint8Array(stored);
  const { buffer, byteOffset } = bytes;
  if (type === "u8") return new Uint8Array(buffer, byteOffset, length);
  if (type === "u16") return new Uint16Array(buffer, byteOffset, length);
  if (type === "i32") return new Int32Array(buffer, byteOffset, length);
  return new Float64Array(buffer, byteOffset, length);
}

/**
 * The parts of a snapshot, or null when the head and sections are not a complete snapshot
 * of this format. The arrays are views on the stored sections (copied once if unaligned).
 */
export function decodeSnapshot(head: Uint8Array, stored: Uint8Array[]): SnapshotParts | null {
  if (head.byteLength < PREAMBLE) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== SNAPSHOT_FORMAT) {
    return null;
  }
  if (PREAMBLE + view.getUint32(8, true) !== head.byteLength) return null;
  const headerBytes = head.subarray(PREAMBLE);
  if (checksumOf(headerBytes, stored) !== view.getUint32(12, true)) return null;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(headerBytes)) as Header;
  } catch {
    return null;
  }
  if (header.sections.length !== stored.length) return null;
  const sections = new Map<string, Section>();
  for (const [i, [name, type, length]] of header.sections.entries()) {
    const width = WIDTH[type];
    const bytes = stored[i] as Uint8Array;
    if (width === undefined || bytes.byteLength !== length * width) return null;
    sections.set(name, sectionOn(bytes, type, length));
  }
  const decoder = new TextDecoder();
  const texts: SnapshotParts["texts"] = [];
  for (const [name, count] of header.texts) {
    const offsets = sections.get(`${name}.offsets`);
    const utf8 = sections.get(`${name}.text`);
    if (!(offsets instanceof Int32Array) || !(utf8 instanceof Uint8Array)) return null;
    if (offsets.length !== count + 1) return null;
    const text = decoder.decode(utf8);
    if (offsets[count] !== text.length) return null;
    const strings = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      strings[i] = text.slice(offsets[i] as number, offsets[i + 1] as number);
    }
    texts.push([name, strings]);
    sections.delete(`${name}.offsets`);
    sections.delete(`${name}.text`);
  }
  return { scalars: header.scalars, sections: [...sections], texts };
}
