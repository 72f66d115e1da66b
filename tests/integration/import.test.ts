import { readFileSync } from "node:fs";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { createListing } from "~/modules/listings/lifecycle.server";
import { decideListing } from "~/modules/moderation/decisions.server";
import { commitImport } from "~/modules/import/commit.server";
import { ENCODING_MESSAGE, readSpreadsheet } from "~/modules/import/decode.server";
import { commitImportJob, getImportJob, startImportCheck } from "~/modules/import/jobs.server";
import { planImport } from "~/modules/import/plan.server";
import { runImport } from "~/modules/import/run.server";
import { producerImportScope, staffImportScope } from "~/modules/import/scope.server";
import type { Db } from "~db/client.server";
import { readDemoCatalog } from "~db/seed/csv.server";
import {
  auditLog,
  categories,
  listingRevisions,
  listings,
  orgUnits,
  producers,
  searchOutbox,
} from "~db/schema";
import { freshDb } from "../helpers/db";
import { projectRoot } from "../helpers/server";
import { buildSupplyWorld, listingInput, type SupplyWorld } from "../helpers/supply";

const seedDir = join(projectRoot, "db", "seed");
const demoProducers = readFileSync(join(seedDir, "producers.csv"));
const demoProducts = readFileSync(join(seedDir, "products.csv"));

/** Org units and categories of the demo catalog, nothing else. */
function insertDemoTrees(db: Db): void {
  const catalog = readDemoCatalog();
  const ids = new Map<string, { id: number; path: string }>();
  let pending = catalog.orgUnits;
  while (pending.length > 0) {
    const ready = pending.filter((r) => r.parent_code === null || ids.has(r.parent_code));
    for (const row of ready) {
      const parent = row.parent_code ? ids.get(row.parent_code) : undefined;
      const id = db
        .insert(orgUnits)
        .values({
          code: row.code,
          name: row.name,
          level: row.level,
          parentId: parent?.id ?? null,
          path: "/0/",
        })
        .returning({ id: orgUnits.id })
        .get().id;
      const path = `${parent?.path ?? "/"}${id}/`;
      db.update(orgUnits).set({ path }).where(eq(orgUnits.id, id)).run();
      ids.set(row.code, { id, path });
    }
    pending = pending.filter((r) => !ids.has(r.code));
  }
  const categoryIds = new Map<string, number>();
  for (const row of catalog.categories) {
    categoryIds.set(
      row.code,
      db
        .insert(categories)
        .values({
          code: row.code,
          nameVi: row.name_vi,
          nameEn: row.name_en,
          parentId: row.parent_code ? (categoryIds.get(row.parent_code) ?? null) : null,
        })
        .returning({ id: categories.id })
        .get().id,
    );
  }
}

const n = (db: Db, table: typeof listings | typeof producers | typeof searchOutbox) =>
  db.select({ n: count() }).from(table).get()?.n ?? 0;

const HEADER =
  "sku,producer_code,title,category,description,price_vnd,unit,min_order_qty,stock,ocop_stars,certifications,ocop_certificate_no,ocop_issued_on,ocop_expires_on,season,tags";

function csv(...rows: string[]): Buffer {
  return Buffer.from([HEADER, ...rows].join("\n") + "\n", "utf8");
}

describe("bulk import: the demo catalog", () => {
  it("dry-runs the demo producers and products with every row valid, then commits them all", async () => {
    const db = freshDb();
    insertDemoTrees(db);
    const dry = await runImport(
      db,
      { kind: "system" },
      { producers: demoProducers, products: demoProducts },
      { dryRun: true },
    );
    expect(dry.plan.problems).toEqual([]);
    expect(dry.plan.counts).toEqual({
      producers: { create: 45, update: 0 },
      products: { create: 220, update: 0 },
    });
    expect(dry.result).toBeNull();
    expect(n(db, producers)).toBe(0);
    expect(n(db, listings)).toBe(0);

    const progress: number[] = [];
    const run = await runImport(
      db,
      { kind: "system" },
      { producers: demoProducers, products: demoProducts },
      { dryRun: false, onProgress: (done) => progress.push(done) },
    );
    expect(run.result).toEqual({
      producers: { created: 45, updated: 0 },
      products: { created: 220, updated: 0, underReview: 0 },
    });
    expect(progress[progress.length - 1]).toBe(265);
    expect(n(db, listings)).toBe(220);
    const sp1 = db.select().from(listings).where(eq(listings.sku, "SP0001")).get();
    expect(sp1).toMatchObject({
      status: "published",
      priceVnd: 120000,
      ocopStars: 4,
      slug: "ho-tieu-den-vinh-linh-500g-sp0001",
    });
    expect(
      db.select().from(auditLog).where(eq(auditLog.action, "catalog.import")).all(),
    ).toHaveLength(1);

    // The same files again: every row is an update, and the counts say so.
    const again = await runImport(
      db,
      { kind: "system" },
      { producers: demoProducers, products: demoProducts },
      { dryRun: true },
    );
    expect(again.plan.counts.products).toEqual({ create: 0, update: 220 });
  });
});

describe("bulk import: rules", () => {
  let db: Db;
  let w: SupplyWorld;
  beforeEach(() => {
    db = freshDb();
    w = buildSupplyWorld(db);
  });

  it("lists every broken row with its row and column and writes nothing", async () => {
    const file = csv(
      "TQ001,SX801,Tiêu đen 500g,ho-tieu,,120000,gói,1,10,0,,,,,quanh năm,tiêu",
      "TQ002,SX801,Tiêu đỏ,ho-tieu,,mười nghìn,gói,1,10,0,,,,,quanh năm,",
      "TQ003,SX801,Tiêu xanh,khong-co-danh-muc,,50000,kg,1,10,0,,,,,,",
      "TQ004,SX801,,ho-tieu,,50000,kg,1,10,0,,,,,,",
      "TQ005,SX801,Tiêu OCOP,ho-tieu,,50000,kg,1,10,4,OCOP,,,,,",
    );
    const before = { listings: n(db, listings), outbox: n(db, searchOutbox) };
    const run = await runImport(db, { kind: "system" }, { products: file }, { dryRun: false });
    expect(run.result).toBeNull();
    const problems = run.plan.problems.map((p) => ({ row: p.row, column: p.column }));
    expect(problems).toEqual([
      { row: 3, column: "price_vnd" },
      { row: 4, column: "category" },
      { row: 5, column: "title" },
      { row: 6, column: "ocop_certificate_no" },
      { row: 6, column: "ocop_issued_on" },
      { row: 6, column: "ocop_expires_on" },
    ]);
    expect(run.plan.problems[0]?.message).toBe("Giá phải là số nguyên dương, tính bằng đồng.");
    expect(run.plan.problems[1]?.message).toContain("Không có danh mục “khong-co-danh-muc”");
    expect(run.plan.problems[2]?.message).toBe("Thiếu tên sản phẩm.");
    expect(run.plan.counts.products).toEqual({ create: 1, update: 0 });
    expect({ listings: n(db, listings), outbox: n(db, searchOutbox) }).toEqual(before);
    await expect(commitImport(db, { kind: "system" }, run.plan)).rejects.toThrow(/còn lỗi/);
  });

  it("refuses a producer's rows for another producer, and another producer's sku", async () => {
    const theirs = createListing(
      db,
      w.otherProducer,
      w.producerB.id,
      listingInput(w.categoryId, { title: "Cà phê của B" }),
    );
    const file = csv(
      "TQ010,SX801,Tiêu của A,ho-tieu,,50000,kg,1,10,0,,,,,,",
      "TQ011,SX802,Ghi vào gian hàng B,ho-tieu,,50000,kg,1,10,0,,,,,,",
      `${theirs.sku},SX801,Chiếm sản phẩm của B,ho-tieu,,50000,kg,1,10,0,,,,,,`,
    );
    const run = await runImport(
      db,
      producerImportScope(w.producer),
      { products: file },
      { dryRun: false },
    );
    expect(run.result).toBeNull();
    expect(run.plan.problems).toEqual([
      {
        file: "products",
        row: 3,
        column: "producer_code",
        message: "Bạn chỉ được nhập sản phẩm của gian hàng mình.",
      },
      {
        file: "products",
        row: 4,
        column: "sku",
        message: `Mã sản phẩm ${theirs.sku} đã thuộc nhà sản xuất khác.`,
      },
    ]);
    expect(db.select().from(listings).where(eq(listings.sku, theirs.sku)).get()?.title).toBe(
      "Cà phê của B",
    );
    expect(db.select().from(listings).where(eq(listings.sku, "TQ010")).get()).toBeUndefined();
  });

  it("lands a producer's import as pending; a published listing gets a revision, price at once", async () => {
    const published = createListing(db, w.producer, w.producerA.id, listingInput(w.categoryId), {
      submit: true,
    });
    decideListing(db, w.communeStaff, published.id, { intent: "approve", reason: null });
    const file = csv(
      "TQ020,SX801,Tiêu mới,ho-tieu,,50000,kg,1,10,0,,,,,,",
      `${published.sku},SX801,Hồ tiêu đen đổi tên,ho-tieu,,88000,gói,1,50,0,VietGAP,,,,quanh năm,hồ tiêu`,
    );
    const run = await runImport(
      db,
      producerImportScope(w.producer),
      { products: file },
      { dryRun: false },
    );
    expect(run.plan.problems).toEqual([]);
    expect(run.result?.products).toEqual({ created: 1, updated: 1, underReview: 1 });
    expect(db.select().from(listings).where(eq(listings.sku, "TQ020")).get()?.status).toBe(
      "pending",
    );
    const row = db.select().from(listings).where(eq(listings.id, published.id)).get();
    expect(row).toMatchObject({
      status: "published",
      title: "Hồ tiêu đen Cồn Tiên 500g",
      priceVnd: 88000,
    });
    const revision = db.select().from(listingRevisions).get();
    expect(revision?.changes).toMatchObject({ title: "Hồ tiêu đen đổi tên" });
    await expect(
      runImport(
        db,
        producerImportScope(w.producer),
        { producers: Buffer.from("code,name\n") },
        { dryRun: true },
      ),
    ).resolves.toMatchObject({
      plan: { problems: [expect.objectContaining({ file: "producers", row: 1 })] },
    });
  });

  it("limits staff to producers of their subtree", async () => {
    const file = csv("TQ030,SX801,Tiêu của A,ho-tieu,,50000,kg,1,10,0,,,,,,");
    const outside = await runImport(
      db,
      staffImportScope(w.otherCommuneStaff),
      { products: file },
      { dryRun: true },
    );
    expect(outside.plan.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "producer_code",
        message: "Nhà sản xuất này nằm ngoài phạm vi bạn quản lý.",
      }),
    ]);
    const inside = await runImport(
      db,
      staffImportScope(w.communeStaff),
      { products: file },
      { dryRun: false },
    );
    expect(inside.result?.products.created).toBe(1);
    expect(db.select().from(listings).where(eq(listings.sku, "TQ030")).get()?.status).toBe(
      "published",
    );
    expect(() => staffImportScope(w.reporter)).toThrow(/quyền/);
    expect(() => staffImportScope(w.producer)).toThrow(/quyền/);
  });

  it("commits all rows or none", async () => {
    const file = csv(
      "TQ040,SX801,Một,ho-tieu,,50000,kg,1,10,0,,,,,,",
      "TQ041,SX801,Hai,ho-tieu,,50000,kg,1,10,0,,,,,,",
    );
    const plan = await planImport(
      db,
      { kind: "system" },
      { products: await readSpreadsheet(file) },
    );
    expect(plan.problems).toEqual([]);
    // Someone takes the second sku between the check and the write.
    createListing(db, w.otherProducer, w.producerB.id, listingInput(w.categoryId), {
      sku: "TQ041",
    });
    const before = n(db, listings);
    await expect(commitImport(db, { kind: "system" }, plan)).rejects.toThrow();
    expect(n(db, listings)).toBe(before);
    expect(db.select().from(listings).where(eq(listings.sku, "TQ040")).get()).toBeUndefined();
  });

  it("runs as a job with progress, checking again before it writes", async () => {
    const file = csv("TQ050,SX801,Tiêu job,ho-tieu,,50000,kg,1,10,0,,,,,,");
    const id = await startImportCheck(
      db,
      producerImportScope(w.producer),
      w.producer.userId,
      "producer",
      { products: file },
    );
    expect(() => getImportJob(w.otherProducer.userId, "producer", id)).toThrow(/Không tìm thấy/);
    expect(() => getImportJob(w.producer.userId, "staff", id)).toThrow(/Không tìm thấy/);
    let job = getImportJob(w.producer.userId, "producer", id);
    for (let i = 0; i < 50 && job.status === "checking"; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      job = getImportJob(w.producer.userId, "producer", id);
    }
    expect(job.status).toBe("checked");
    expect(job.progress).toEqual({ done: 1, total: 1 });
    expect(job.plan?.counts.products).toEqual({ create: 1, update: 0 });
    await expect(commitImportJob(db, w.otherProducer.userId, "producer", id)).rejects.toThrow(
      /Không tìm thấy/,
    );
    job = await commitImportJob(db, w.producer.userId, "producer", id);
    expect(job.status).toBe("committed");
    expect(db.select().from(listings).where(eq(listings.sku, "TQ050")).get()?.status).toBe(
      "pending",
    );
  });
});

describe("bulk import: files", () => {
  const text = `${HEADER}\nTQ001,SX801,Tiêu đen,ho-tieu,,120000,gói,1,10,0,,,,,quanh năm,tiêu\n`;

  it("accepts UTF-8 with or without a BOM and normalizes to NFC", async () => {
    const plain = await readSpreadsheet(Buffer.from(text, "utf8"));
    const bom = await readSpreadsheet(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]),
    );
    const nfd = await readSpreadsheet(Buffer.from(text.normalize("NFD"), "utf8"));
    expect(plain.columns[0]).toBe("sku");
    expect(bom.columns[0]).toBe("sku");
    expect(bom.rows).toEqual(plain.rows);
    expect(nfd.rows[0]?.values.title).toBe("Tiêu đen");
    expect(nfd.rows[0]?.values.title).toBe("Tiêu đen".normalize("NFC"));
    expect(plain.rows[0]?.row).toBe(2);
  });

  it.each([
    ["UTF-16 with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
    ["UTF-16 without a BOM", Buffer.from(text, "utf16le")],
    ["Windows-1258 / Latin-1 bytes", Buffer.from(text, "latin1")],
    ["an old .xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])],
  ])("refuses %s with exactly one message", async (_name, bytes) => {
    await expect(readSpreadsheet(bytes)).rejects.toThrow(ENCODING_MESSAGE);
    await readSpreadsheet(bytes).catch((error: Error) =>
      expect(error.message).toBe("Lưu lại dạng CSV UTF-8 hoặc XLSX"),
    );
  });

  it("reads an XLSX made by a spreadsheet program, numbers and dates included", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sản phẩm");
    sheet.addRow(HEADER.split(","));
    sheet.addRow([
      "TQ001",
      "SX801",
      "Tiêu đen",
      "ho-tieu",
      "",
      120000,
      "gói",
      1,
      10,
      4,
      "OCOP",
      "QT-1",
      new Date(Date.UTC(2025, 0, 2)),
      new Date(Date.UTC(2028, 0, 2)),
      "quanh năm",
      "tiêu",
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readSpreadsheet(bytes);
    expect(read.rows).toEqual([
      {
        row: 2,
        values: expect.objectContaining({
          sku: "TQ001",
          price_vnd: "120000",
          ocop_issued_on: "2025-01-02",
          ocop_expires_on: "2028-01-02",
          title: "Tiêu đen",
        }),
      },
    ]);
  });
});
