import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { listings } from "~db/schema";
import { importCommand } from "../../scripts/commands/import";
import { freshDb } from "../helpers/db";
import { buildSupplyWorld } from "../helpers/supply";

const dir = mkdtempSync(join(tmpdir(), "cung-cau-cli-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "sku,producer_code,title,category,price_vnd,unit,stock";

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("npm run cli -- import", () => {
  it("dry-runs, then writes; a broken file writes nothing and fails", async () => {
    const db = freshDb();
    buildSupplyWorld(db);
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    const good = file("good.csv", `${HEADER}\nCLI1,SX801,Tiêu CLI,ho-tieu,50000,kg,5\n`);
    const listingCount = () => db.select({ n: count() }).from(listings).get()?.n ?? 0;

    await importCommand(["--products", good, "--dry-run"], { db, out });
    expect(lines.join("\n")).toContain("1 mới / new");
    expect(listingCount()).toBe(0);

    await importCommand(["--products", good], { db, out });
    expect(listingCount()).toBe(1);

    const bad = file("bad.csv", `${HEADER}\nCLI2,SX801,,ho-tieu,mười,kg,5\n`);
    await expect(importCommand(["--products", bad], { db, out })).rejects.toThrow(
      /nothing was written/,
    );
    expect(lines.some((l) => l.includes("row 2, cột / column title"))).toBe(true);
    expect(listingCount()).toBe(1);

    const utf16 = join(dir, "utf16.csv");
    writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, "utf16le")]),
    );
    await expect(importCommand(["--products", utf16], { db, out })).rejects.toThrow(
      "Lưu lại dạng CSV UTF-8 hoặc XLSX",
    );
    await expect(importCommand([], { db, out })).rejects.toThrow(/--products/);
  });
});
