import { randomFillSync } from "node:crypto";

/**
 * Random bytes for values made on every request (a page's CSP nonce, an order code), drawn
 * from the system's cryptographic generator 4 KiB at a time instead of one call, and one new
 * Buffer, per value: `randomBytes(16)` for the nonce was 5 % of serving a cached page and
 * `randomBytes(8)` 2.7 % of placing an order (docs/decisions/033-page-cache.md,
 * 036-speed-orders.md). Node's own `randomUUID()` keeps a pool the same way. Every byte is
 * handed out once. Keys and secrets that are made rarely (sessions, tokens) keep calling
 * `randomBytes`: nothing to gain there.
 */

const POOL_BYTES = 4096;
/** The most one call may take, so one refill always serves it. */
const MAX_BYTES = 256;

const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/**
 * Calls `use` with `count` fresh random bytes (1 to 256). The bytes are a view into the
 * pool: read them inside `use`, never keep the Buffer.
 */
export function withRandomBytes<T>(count: number, use: (bytes: Buffer) => T): T {
  if (!Number.isInteger(count) || count < 1 || count > MAX_BYTES) {
    throw new RangeError(`withRandomBytes: count must be 1 to ${MAX_BYTES}, got ${count}`);
  }
  if (used + count > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = pool.subarray(used, used + count);
  used += count;
  return use(bytes);
}

/** `count` fresh random bytes as base64, e.g. a CSP nonce. */
export function randomBase64(count: number): string {
  return withRandomBytes(count, (bytes) => bytes.toString("base64"));
}
