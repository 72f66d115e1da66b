import { randomBytes } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressParts, splicedGzip } from "../../server/gzip-splice";

/** The parts of `page` around every `nonce`, as the page cache stores them. */
function split(page: string, nonce: string): Buffer[] {
  return page.split(nonce).map((part) => Buffer.from(part));
}

function gzipCopy(parts: Buffer[], nonce: string): Buffer {
  const compressed = compressParts(parts, Buffer.byteLength(nonce));
  return Buffer.concat(splicedGzip(compressed, parts, Buffer.from(nonce)));
}

const STORED = "OLDNONCEOLDNONCEOLDNON==";

describe("gzip copies spliced from parts compressed once", () => {
  it("decode (zlib checks the CRC and the length) to the page with the new nonce in every place", () => {
    const page = `<!DOCTYPE html><html><head><script nonce="${STORED}">a()</script></head><body>${"Cà phê Khe Sanh, hồ tiêu Vĩnh Linh. ".repeat(400)}<script nonce="${STORED}">b()</script></body></html>`;
    const parts = split(page, STORED);
    expect(parts).toHaveLength(3);
    const nonce = "NEWnonceNEWnonceNEWno+/=";
    expect(gunzipSync(gzipCopy(parts, nonce)).toString()).toBe(page.replaceAll(STORED, nonce));
  });

  it("never lets a part refer to the nonce before it: copies decode to their own nonces", () => {
    // The page repeats the stored nonce's text around it, where a compressor primed with the
    // page so far would copy from the nonce if it could.
    const stored = "abcabcabcabcabcabcabcab=";
    const page = `${"abcabcabc".repeat(50)}${stored}${"abcabcabc".repeat(50)}${stored}${stored.slice(0, 20)}end`;
    const parts = split(page, stored);
    for (const nonce of [
      "zzzzzzzzzzzzzzzzzzzzzzz=",
      "abcabcabcabcabcabcabcab=",
      "0123456789ABCDEFGHIJKLM=",
    ]) {
      expect(gunzipSync(gzipCopy(parts, nonce)).toString()).toBe(page.replaceAll(stored, nonce));
    }
  });

  it("primes each part with the page before it: about the size of gzipping the page whole", () => {
    // A product page's shape: scripts with nonces between large stretches of similar markup.
    const row = (i: number) =>
      `<li class="card"><a href="/san-pham/ca-phe-${i}">Cà phê ${i}</a></li>`;
    const block = (from: number) => Array.from({ length: 150 }, (_, i) => row(from + i)).join("");
    const page = [block(0), block(10), block(20), block(30)].join(
      `<script nonce="${STORED}"></script>`,
    );
    const copy = gzipCopy(split(page, STORED), STORED);
    expect(copy.length).toBeLessThan(gzipSync(page).length * 1.1);
    expect(gunzipSync(copy).toString()).toBe(page);
  });

  it("handles a page without a nonce, empty parts, a NUL byte and parts larger than a block", () => {
    const noNonce = [Buffer.from("<p>một trang không có nonce</p>")];
    expect(gunzipSync(gzipCopy(noNonce, "x")).toString()).toBe("<p>một trang không có nonce</p>");
    const atEdges = split("NONCEmiddleNONCE", "NONCE");
    expect(atEdges.map((part) => part.length)).toEqual([0, 6, 0]);
    expect(gunzipSync(gzipCopy(atEdges, "n1")).toString()).toBe("n1middlen1");
    // A NUL in the page: parts compressed without priming, still correct.
    const withNul = split("a\0bNONCEa\0b", "NONCE");
    expect(gunzipSync(gzipCopy(withNul, "zz")).toString()).toBe("a\0bzza\0b");
    // Incompressible bytes, 300 KB: several deflate blocks in one part.
    const noise = Buffer.from(randomBytes(300_000).map((byte) => byte || 1));
    const parts = [noise.subarray(0, 150_000), noise.subarray(150_000)];
    const copy = gunzipSync(gzipCopy(parts, "N"));
    expect(copy.equals(Buffer.concat([parts[0]!, Buffer.from("N"), parts[1]!]))).toBe(true);
  });

  it("refuses a nonce of another length than the parts were primed for", () => {
    const parts = split(`a${STORED}b`, STORED);
    expect(() => splicedGzip(compressParts(parts, 24), parts, Buffer.from("short"))).toThrow(
      RangeError,
    );
  });
});
