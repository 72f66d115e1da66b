import { describe, expect, it } from "vitest";
import { dropNulBytes } from "~/modules/platform/nul-bytes.server";

describe("dropNulBytes", () => {
  it("hands back a chunk without NUL bytes as it is", () => {
    const chunk = Buffer.from("<p>Cà phê Khe Sanh</p>");
    expect(dropNulBytes(chunk)).toBe(chunk);
  });

  it("drops NUL bytes at the start, in the middle, in runs and at the end, keeping the rest in order", () => {
    const text = '<p title="Hồ tiêu">Nước mắm Cửa Tùng</p>';
    const padded = Buffer.concat([
      Buffer.from([0]),
      Buffer.from(text.slice(0, 10)),
      Buffer.from([0, 0, 0]),
      Buffer.from(text.slice(10, 25)),
      Buffer.from([0]),
      Buffer.from(text.slice(25)),
      Buffer.from([0, 0]),
    ]);
    const dropped = dropNulBytes(padded);
    expect(dropped.toString("utf8")).toBe(text);
    expect(dropped.includes(0)).toBe(false);
    // The input is left alone.
    expect(padded.filter((byte) => byte === 0)).toHaveLength(7);
  });

  it("leaves nothing of a chunk of NUL bytes only", () => {
    expect(dropNulBytes(Buffer.alloc(5))).toHaveLength(0);
  });
});
