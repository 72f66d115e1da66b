import type { IncomingMessage } from "node:http";

/** Why a body was refused while it arrived. */
export type BodyRefusal = "tooLarge" | "tooManyFields" | "tooSlow";

export interface BodyLimits {
  maxBytes: number;
  /** At most this many fields (url-encoded pairs or multipart parts); null: not counted. */
  maxFields: number | null;
  /** The body's media type, to count its fields. */
  contentType: string;
  /** Each window of this length must bring at least `minBytesPerSecond` × its seconds. */
  windowMs: number;
  minBytesPerSecond: number;
}

/** Counts the fields seen so far in a body arriving in chunks. */
type FieldCounter = (chunk: Buffer) => number;

/** `a=1&b=2`: one more field than `&`s (an empty body has none). */
function urlEncodedCounter(): FieldCounter {
  let ampersands = 0;
  let sawByte = false;
  return (chunk) => {
    if (chunk.length > 0) sawByte = true;
    for (let at = chunk.indexOf(0x26); at !== -1; at = chunk.indexOf(0x26, at + 1)) ampersands++;
    return sawByte ? ampersands + 1 : 0;
  };
}

/** Parts of a multipart body: one fewer than its `--boundary` delimiters (the last closes). */
function multipartCounter(boundary: string): FieldCounter {
  const delimiter = Buffer.from(`--${boundary}`);
  let carry = Buffer.alloc(0);
  let delimiters = 0;
  return (chunk) => {
    // A delimiter may straddle two chunks: keep the tail that could start one.
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let from = 0;
    for (let at = data.indexOf(delimiter); at !== -1; at = data.indexOf(delimiter, from)) {
      delimiters++;
      from = at + delimiter.length;
    }
    const keep = Math.min(delimiter.length - 1, data.length - from);
    carry = Buffer.from(data.subarray(data.length - keep));
    return Math.max(0, delimiters - 1);
  };
}

/** The multipart boundary of a Content-Type, or null. */
export function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

function fieldCounterFor(contentType: string): FieldCounter | null {
  const type = contentType.split(";")[0]?.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return urlEncodedCounter();
  const boundary = multipartBoundary(contentType);
  if (type === "multipart/form-data" && boundary) return multipartCounter(boundary);
  return null;
}

export interface BodyWatcher {
  /** Whether the client has sent the whole body. */
  readonly ended: () => boolean;
  /** From now on chunks are read and dropped (Remix answered without reading them all). */
  discard(): void;
}

export interface BodyHandlers {
  onChunk(chunk: Buffer): void;
  onEnd(): void;
  onRefusal(reason: BodyRefusal): void;
  /** The client went away before the end. */
  onAbort(): void;
}

/**
 * Watches a request body as it arrives: every chunk is counted (bytes, fields) and the body
 * is refused the moment it passes a limit (a chunked body too), or when a window brings too
 * few bytes. After a refusal nothing more is handed on: what still arrives is dropped, never
 * stored.
 */
export function watchBody(
  req: IncomingMessage,
  limits: BodyLimits,
  handlers: BodyHandlers,
): BodyWatcher {
  const countFields = limits.maxFields === null ? null : fieldCounterFor(limits.contentType);
  let received = 0;
  let inWindow = 0;
  let ended = false;
  let discarding = false;

  const refuse = (reason: BodyRefusal) => {
    if (discarding) return;
    discarding = true;
    clearInterval(timer);
    handlers.onRefusal(reason);
  };

  const timer = setInterval(() => {
    // A paused request is waiting for the server (back-pressure), not for the client.
    if (!req.isPaused() && inWindow < (limits.minBytesPerSecond * limits.windowMs) / 1000) {
      refuse("tooSlow");
    }
    inWindow = 0;
  }, limits.windowMs);
  timer.unref();

  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
    inWindow += chunk.length;
    if (discarding) return;
    if (received > limits.maxBytes) return refuse("tooLarge");
    if (countFields && limits.maxFields !== null && countFields(chunk) > limits.maxFields) {
      return refuse("tooManyFields");
    }
    handlers.onChunk(chunk);
  });
  req.on("end", () => {
    ended = true;
    clearInterval(timer);
    if (!discarding) handlers.onEnd();
  });
  req.on("close", () => {
    clearInterval(timer);
    if (!ended && !discarding) {
      discarding = true;
      handlers.onAbort();
    }
  });

  return {
    ended: () => ended,
    discard: () => {
      discarding = true;
      clearInterval(timer);
      req.resume();
    },
  };
}
