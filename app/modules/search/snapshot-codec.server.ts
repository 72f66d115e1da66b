import { crc32 } from "node:zlib";

/**
 * The byte layout of a search index snapshot (see index-snapshot.server.ts): typed arrays
 * concatenated as they are in memory, each at a multiple of 8 bytes so it is read back as a
 * view on the stored bytes (no copy, no parsing), and lists of strings as one UTF-8 text
 * with the UTF-16 offset of each string, so a dictionary of 100,000 words is one decode.
 *
 *   "CCSX" · format (u32) · header length (u32) · CRC-32 of the rest (u32)
 *   header (JSON: scalars and each section's name, type and length) · sections
 *
 * Anything unexpected (other magic, format, names, lengths or checksum) decodes as null:
 * the caller then loads the index from the rows, which stay the source of truth.
 */

/** Bump whenever the layout or the meaning of a section changes. */
export const SNAPSHOT_FORMAT = 2;

const MAGIC = 0x58534343; // "CCSX", little-endian
const PREAMBLE = 16;
const ALIGN = 8;

/** Sections read back are views on the snapshot's own ArrayBuffer. */
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
  /** Typed arrays, in a fixed order of names. */
  sections: [name: string, array: Section][];
  /** Lists of strings. */
  texts: [name: string, strings: string[]][];
}

interface Header {
  scalars: Record<string, number>;
  sections: [name: string, type: SectionType, length: number][];
  texts: [name: string, count: number][];
}

const padded = (bytes: number) => Math.ceil(bytes / ALIGN) * ALIGN;

function typeOf(array: Section): SectionType {
  if (array instanceof Uint8Array) return "u8";
  if (array instanceof Uint16Array) return "u16";
  return array instanceof Int32Array ? "i32" : "f64";
}

/** The snapshot's bytes. */
export function encodeSnapshot(parts: SnapshotParts): Buffer {
  const encoder = new TextEncoder();
  const all: [string, Section][] = [...parts.sections];
  for (const [name, strings] of parts.texts) {
    const offsets = new Int32Array(strings.length + 1);
    strings.forEach((text, i) => (offsets[i + 1] = (offsets[i] as number) + text.length));
    all.push([`${name}.offsets`, offsets], [`${name}.text`, encoder.encode(strings.join(""))]);
  }
  const header: Header = {
    scalars: parts.scalars,
    sections: all.map(([name, array]) => [name, typeOf(array), array.length]),
    texts: parts.texts.map(([name, strings]) => [name, strings.length]),
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  let size = padded(PREAMBLE + headerBytes.length);
  for (const [, array] of all) size += padded(array.byteLength);
  const out = Buffer.alloc(size);
  out.set(headerBytes, PREAMBLE);
  let at = padded(PREAMBLE + headerBytes.length);
  for (const [, array] of all) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += padded(array.byteLength);
  }
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(SNAPSHOT_FORMAT, 4);
  out.writeUInt32LE(headerBytes.length, 8);
  out.writeUInt32LE(crc32(out.subarray(PREAMBLE)), 12);
  return out;
}

/**
 * The parts of a snapshot, or null when the bytes are not a complete snapshot of this
 * format. The arrays are views on `bytes` (copied once if they are not 8-byte aligned).
 */
export function decodeSnapshot(stored: Uint8Array): SnapshotParts | null {
  if (stored.byteLength < PREAMBLE) return null;
  // The arrays become views on these bytes: they need an aligned start and memory of
  // their own (a small Buffer may share a pool). One from SQLite normally has both.
  const source = stored.buffer;
  const buffer =
    source instanceof ArrayBuffer &&
    stored.byteOffset === 0 &&
    stored.byteLength === source.byteLength
      ? source
      : new Uint8Array(stored).buffer;
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== SNAPSHOT_FORMAT) {
    return null;
  }
  const headerLength = view.getUint32(8, true);
  if (PREAMBLE + headerLength > bytes.byteLength) return null;
  if (crc32(bytes.subarray(PREAMBLE)) !== view.getUint32(12, true)) return null;
  let header: Header;
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength)),
    ) as Header;
  } catch {
    return null;
  }
  const sections = new Map<string, Section>();
  let at = padded(PREAMBLE + headerLength);
  const end = bytes.byteLength;
  for (const [name, type, length] of header.sections) {
    const width = WIDTH[type];
    if (width === undefined || at + length * width > end) return null;
    const array =
      type === "u8"
        ? new Uint8Array(buffer, at, length)
        : type === "u16"
          ? new Uint16Array(buffer, at, length)
          : type === "i32"
            ? new Int32Array(buffer, at, length)
            : new Float64Array(buffer, at, length);
    sections.set(name, array);
    at += padded(length * width);
  }
  if (at !== end) return null;
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
