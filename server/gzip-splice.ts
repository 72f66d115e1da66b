import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * Gzip for stored pages that differ per copy only by their CSP nonce
 * (docs/decisions/033-page-cache.md). Compressing every served copy again cost more than
 * everything else about serving it (a stored home page: about 3,700 copies/s sent plain,
 * 570/s through the compression middleware's gzip and 250/s through its brotli on this
 * machine), so each part between two nonces is compressed once, when the page is stored,
 * and a copy is spliced together from those parts:
 *
 * - every part is compressed on its own as raw deflate, ended with a sync flush (on a byte
 *   boundary, without a final block), primed with what comes before it in the page, but
 *   with NUL bytes where the nonces stand: HTML holds no NUL, so nothing in a part can refer
 *   to a nonce's bytes, and everything it refers to sits at the same distance in every copy
 *   (nonces all have the stored one's length). Without the priming each part started from
 *   nothing and a page came out 10–27 % larger than gzipped whole; a page holding a NUL is
 *   compressed part by part without it;
 * - the copy's nonce goes between two parts as a stored (uncompressed) deflate block;
 * - an empty final block, then the gzip trailer: the CRC-32 and length of the whole copy
 *   (the only per-copy work: a CRC over the page, tens of microseconds).
 *
 * The result is an ordinary gzip stream (RFC 1951, RFC 1952), checked by zlib's own decoder
 * in tests/unit/gzip-splice.test.ts and by Chromium in the end-to-end tests.
 */

/** The parts of a stored page, each compressed once; `splicedGzip` joins them per copy. */
export interface CompressedParts {
  deflated: Buffer[];
  /** The length every nonce spliced in must have: the parts were primed for it. */
  nonceLength: number;
}

// Magic, deflate, no flags, no modification time, no extra flags, "unknown" system.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
// A final stored block of no bytes: BFINAL=1, BTYPE=00, then LEN=0 and NLEN=0xffff.
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
/** A stored block holds at most 65,535 bytes; a nonce is a few dozen. */
const MAX_STORED = 0xffff;
/** How far back deflate may refer (its 32 KiB window). */
const WINDOW_BYTES = 32 * 1024;

/** Compresses each part once (when the page is stored), for nonces of `nonceLength` bytes. */
export function compressParts(parts: Buffer[], nonceLength: number): CompressedParts {
  if (nonceLength > MAX_STORED) throw new RangeError("a nonce longer than a stored block");
  const primed = !parts.some((part) => part.includes(0));
  const placeholder = Buffer.alloc(nonceLength);
  let before = Buffer.alloc(0);
  const deflated = parts.map((part, index) => {
    if (primed && index > 0) {
      // What the decoder holds before this part: the page so far, a nonce after each part.
      const previous = parts[index - 1] as Buffer;
      before = Buffer.concat([before, previous, placeholder]).subarray(-WINDOW_BYTES);
    }
    return deflateRawSync(part, {
      finishFlush: constants.Z_SYNC_FLUSH,
      ...(before.length > 0 ? { dictionary: before } : {}),
    });
  });
  return { deflated, nonceLength };
}

/**
 * The chunks of one gzip copy: `plainParts` (the same parts, uncompressed, for the CRC)
 * joined by `nonce`. Write them in order; their lengths sum to the Content-Length.
 */
export function splicedGzip(
  compressed: CompressedParts,
  plainParts: Buffer[],
  nonce: Buffer,
): Buffer[] {
  if (nonce.length !== compressed.nonceLength) {
    throw new RangeError(
      `a nonce of ${nonce.length} bytes where ${compressed.nonceLength} were stored`,
    );
  }
  const storedNonce = Buffer.alloc(5 + nonce.length);
  // BFINAL=0, BTYPE=00 (stored), padded to the byte; then LEN and its complement, little-endian.
  storedNonce[0] = 0x00;
  storedNonce.writeUInt16LE(nonce.length, 1);
  storedNonce.writeUInt16LE(~nonce.length & 0xffff, 3);
  nonce.copy(storedNonce, 5);

  let crc = 0;
  let plainLength = 0;
  const chunks: Buffer[] = [GZIP_HEADER];
  compressed.deflated.forEach((part, index) => {
    if (index > 0) {
      chunks.push(storedNonce);
      crc = crc32(nonce, crc);
      plainLength += nonce.length;
    }
    chunks.push(part);
    const plain = plainParts[index] as Buffer;
    // Skipped when empty: zlib's crc32 of an empty buffer whose memory pointer is null (as
    // Node leaves one that went through deflate) is its initial value, 0, not `crc`.
    if (plain.length > 0) crc = crc32(plain, crc);
    plainLength += plain.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(plainLength % 2 ** 32, 4);
  chunks.push(FINAL_EMPTY_BLOCK, trailer);
  return chunks;
}
