import { deflateSync } from "node:zlib";
import sharp from "sharp";

/**
 * Image fixtures made on the fly (no binary files in the repository): a phone-like JPEG
 * with GPS and Orientation=6, a PNG, a text file, an SVG and a PNG whose header declares
 * 64 megapixels, plus a tiny EXIF reader to prove what the fixtures carry.
 */

/** A landscape JPEG (stored `width`×`height`) tagged Orientation=6 with a GPS position. */
export async function phoneJpeg(width = 800, height = 600): Promise<Buffer> {
  // A left-to-right gradient red → blue so tests can tell which way the pixels were turned.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#ff0000"/><stop offset="1" stop-color="#0000ff"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "Điện thoại", Model: "Thử nghiệm" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "16/1 49/1 1234/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "107/1 5/1 4321/100",
      },
    })
    .toBuffer();
}

export async function plainPng(width = 500, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#2e7d32" } })
    .png()
    .toBuffer();
}

export const textFile = Buffer.from("Đây không phải là ảnh.\nChỉ là một tệp văn bản.\n", "utf8");

export const svgFile = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
  "utf8",
);

export const gifFile = Buffer.from(
  "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
  "base64",
);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A few hundred bytes whose IHDR (with a valid CRC) declares 8000×8000 = 64 megapixels:
 * a decompression bomb in miniature. The IDAT holds one row only, so decoding would fail
 * late; the point is that it is refused from the header, before decoding starts.
 */
export function pngDeclaring64Megapixels(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8000, 0);
  ihdr.writeUInt32BE(8000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const oneRow = deflateSync(Buffer.alloc(8001));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", oneRow),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Tags of IFD0 and, when present, of the GPS IFD of a TIFF-structured EXIF block. */
export function readExifTags(exif: Buffer): { ifd0: number[]; gps: number[] } {
  let start = 0;
  if (exif.subarray(0, 6).toString("latin1") === "Exif\0\0") start = 6;
  const tiff = exif.subarray(start);
  const little = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (o: number) => (little ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (little ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const readIfd = (offset: number) => {
    const tags: { tag: number; value: number }[] = [];
    const count = u16(offset);
    for (let i = 0; i < count; i += 1) {
      const entry = offset + 2 + i * 12;
      tags.push({ tag: u16(entry), value: u32(entry + 8) });
    }
    return tags;
  };
  const ifd0 = readIfd(u32(4));
  const gpsPointer = ifd0.find((t) => t.tag === 0x8825);
  const gps = gpsPointer ? readIfd(gpsPointer.value).map((t) => t.tag) : [];
  return { ifd0: ifd0.map((t) => t.tag), gps };
}
