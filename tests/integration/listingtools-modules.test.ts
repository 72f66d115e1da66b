import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseWithZod } from "@conform-to/zod";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { BANKS, bankByBin } from "~/lib/banks";
import { ProducerBankSchema } from "~/lib/schemas/bank";
import type { SignedInActor } from "~/modules/auth/actor";
import {
  keepPendingImages,
  pendingImages,
  sweepPendingImages,
} from "~/modules/images/pending.server";
import { readSpreadsheet } from "~/modules/import/decode.server";
import { planImport } from "~/modules/import/plan.server";
import { importTemplate } from "~/modules/import/templates.server";
import {
  createListingWithPhotos,
  keepPickedPhotos,
} from "~/modules/listings/create-with-photos.server";
import { updateProducerBank } from "~/modules/listings/producer-profile.server";
import type { Db } from "~db/client.server";
import {
  auditLog,
  categories,
  listingImages,
  notifications,
  producerMemberships,
  producers,
  users,
} from "~db/schema";
import { freshDb } from "../helpers/db";
import { phoneJpeg, plainPng, textFile } from "../helpers/images";
import { buildSupplyWorld, listingInput, type SupplyWorld } from "../helpers/supply";

// The image store reads UPLOADS_DIR through getEnv(), cached on first use in this process.
const root = mkdtempSync(join(tmpdir(), "cung-cau-listingtools-"));
process.env.UPLOADS_DIR = root;
afterAll(() => rmSync(root, { recursive: true, force: true }));

const imageDirs = () =>
  readdirSync(join(root, "images"), { withFileTypes: true }).flatMap((prefix) =>
    readdirSync(join(root, "images", prefix.name)),
  );

let db: Db;
let world: SupplyWorld;

beforeEach(() => {
  db = freshDb();
  world = buildSupplyWorld(db);
});

function photoForm(fields: Record<string, string | string[]>, files: Uint8Array[] = []): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  }
  for (const bytes of files)
    form.append("photos", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "a.jpg");
  return form;
}

describe("photos picked on the create form", () => {
  it("keep across a submit that comes back, only for their user, and land with the listing", async () => {
    const first = await keepPickedPhotos(
      world.producer,
      photoForm({}, [await phoneJpeg(900, 600), await plainPng(400, 300)]),
    );
    expect(first.error).toBeNull();
    expect(first.images).toHaveLength(2);
    expect(first.token).toMatch(/^[a-f0-9]{32}$/);

    // Another user holding the token gets nothing from it.
    expect(await pendingImages(world.otherProducer.userId, first.token)).toEqual([]);

    // The second submit keeps both (ticked) and adds one; an unticked one is dropped.
    const keys = first.images.map((image) => image.storageKey);
    const second = await keepPickedPhotos(
      world.producer,
      photoForm({ photoToken: first.token, keepPhoto: keys }, [await plainPng(300, 300)]),
    );
    expect(second.token).toBe(first.token);
    expect(second.images.map((image) => image.storageKey).slice(0, 2)).toEqual(keys);
    expect(second.images).toHaveLength(3);

    const created = await createListingWithPhotos(
      db,
      world.producer,
      world.producerA.id,
      listingInput(world.categoryId),
      second.token,
    );
    const rows = db
      .select()
      .from(listingImages)
      .where(eq(listingImages.listingId, created.id))
      .orderBy(listingImages.position)
      .all();
    expect(rows.map((row) => [row.storageKey, row.position, row.isCover])).toEqual(
      second.images.map((image, index) => [image.storageKey, index, index === 0]),
    );
    // The token is used up: the photos now belong to the listing, not to a next form.
    expect(await pendingImages(world.producer.userId, second.token)).toEqual([]);
  });

  it("drops an unticked photo with its files, and reports a refused file while keeping the others", async () => {
    const first = await keepPickedPhotos(world.producer, photoForm({}, [await plainPng(320, 200)]));
    const dropped = first.images[0]?.storageKey ?? "";
    expect(imageDirs()).toContain(dropped);
    const second = await keepPickedPhotos(
      world.producer,
      photoForm({ photoToken: first.token }, [textFile, await plainPng(330, 200)]),
    );
    expect(imageDirs()).not.toContain(dropped);
    expect(second.images).toHaveLength(1);
    expect(second.error?.messageKey).toBe("images.refused.notImage");
  });

  it("keeps at most 8 photos and says so", async () => {
    const png = await plainPng(200, 150);
    const picked = await keepPickedPhotos(world.producer, photoForm({}, Array(9).fill(png)));
    expect(picked.images).toHaveLength(8);
    expect(picked.error?.messageKey).toBe("images.error.tooMany");
  });

  it("removes photos nobody claimed after two hours, files included", async () => {
    const kept = await keepPendingImages(world.producer.userId, null, [], [await plainPng()], 8);
    const key = kept.images[0]?.storageKey ?? "";
    const manifest = join(root, "pending", `${kept.token}.json`);
    expect(await sweepPendingImages()).toBe(0);
    const threeHoursAgo = new Date(Date.now() - 3 * 60 * 60 * 1000);
    utimesSync(manifest, threeHoursAgo, threeHoursAgo);
    expect(await sweepPendingImages()).toBe(1);
    expect(existsSync(manifest)).toBe(false);
    expect(imageDirs()).not.toContain(key);
  });
});

/** The products CSV under the template's Vietnamese header, one row per category cell. */
async function productsUnderTemplate(actor: SignedInActor, categoryCells: string[]) {
  const template = await importTemplate(db, actor, "producer", "san-pham.csv");
  const header = new TextDecoder()
    .decode(template.body)
    .replace(/^\uFEFF/, "")
    .trim();
  const rows = categoryCells.map(
    (cell, i) => `TQ10${i},SX801,Tiêu thử ${i},"${cell}",,120000,gói,1,5,0,,,,,quanh năm,`,
  );
  return readSpreadsheet(new TextEncoder().encode([header, ...rows].join("\n")));
}

describe("import templates and categories", () => {
  it("offers the products template with Vietnamese headings, in CSV and XLSX with the category list", async () => {
    const csv = await importTemplate(db, world.producer, "producer", "san-pham.csv");
    // Keep the byte-order mark (Excel needs it to read UTF-8) instead of decoding it away.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.body);
    expect(text.startsWith("\uFEFFMã sản phẩm,Mã nhà sản xuất,Tên sản phẩm,Danh mục,")).toBe(true);
    expect(csv.filename).toBe("mau-nhap-san-pham.csv");

    const xlsx = await importTemplate(db, world.producer, "producer", "san-pham.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body.slice().buffer);
    const [sheet, list] = workbook.worksheets;
    expect(sheet?.getRow(1).getCell(4).value).toBe("Danh mục");
    const listed: string[] = [];
    list?.eachRow((row, n) => {
      if (n > 1) listed.push(`${String(row.getCell(1).value)}=${String(row.getCell(2).value)}`);
    });
    expect(listed).toEqual(["nong-san=Nông sản", "ho-tieu=Hồ tiêu", "ca-phe=Cà phê"]);

    // The producers' template is for staff only.
    await expect(
      importTemplate(db, world.producer, "producer", "nha-san-xuat.csv"),
    ).rejects.toMatchObject({ status: 404 });
    const staff = await importTemplate(db, world.provinceModerator, "staff", "nha-san-xuat.xlsx");
    expect(staff.filename).toBe("mau-nhap-nha-san-xuat.xlsx");
  });

  it("reads the template's headings and a category by code or by name, any tones, case or Unicode form", async () => {
    const sheet = await productsUnderTemplate(world.producer, [
      "ho-tieu",
      "Hồ tiêu",
      "HO TIEU",
      "cà phê".normalize("NFD"),
      "Coffee",
    ]);
    const plan = await planImport(db, { kind: "system" }, { products: sheet });
    expect(plan.problems).toEqual([]);
    expect(plan.products.map((p) => p.values.categoryId)).toEqual([
      world.categoryId,
      world.categoryId,
      world.categoryId,
      world.otherCategoryId,
      world.otherCategoryId,
    ]);
  });

  it("names the valid codes when a category is unknown", async () => {
    const sheet = await productsUnderTemplate(world.producer, ["rau muống"]);
    const plan = await planImport(db, { kind: "system" }, { products: sheet });
    expect(plan.problems).toEqual([
      {
        file: "products",
        row: 2,
        column: "category",
        message:
          "Không có danh mục “rau muống”. Ghi mã hoặc tên danh mục; các mã hợp lệ: nong-san, ho-tieu, ca-phe.",
      },
    ]);
  });
});

describe("the bank account", () => {
  const valid = {
    bankBin: "970436",
    bankAccountNumber: "0123 456 789",
    bankAccountName: "Nguyen Thi Hoa",
  };

  function bankInput(fields: Record<string, string>) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const parsed = parseWithZod(form, { schema: ProducerBankSchema });
    if (parsed.status !== "success") throw new Error(JSON.stringify(parsed.reply().error));
    return parsed.value;
  }

  it("takes a bank of the list only, all three fields or none", () => {
    expect(bankByBin("970436")?.shortName).toBe("Vietcombank");
    expect(new Set(BANKS.map((bank) => bank.bin)).size).toBe(BANKS.length);
    expect(BANKS.every((bank) => /^\d{6}$/.test(bank.bin))).toBe(true);
    const unknown = new FormData();
    for (const [name, value] of Object.entries({ ...valid, bankBin: "123456" }))
      unknown.append(name, value);
    expect(parseWithZod(unknown, { schema: ProducerBankSchema }).reply().error?.bankBin).toEqual([
      "listingtools.bank.error.unknownBank",
    ]);
    expect(bankInput(valid)).toEqual({
      bankBin: "970436",
      bankAccountNumber: "0123456789",
      bankAccountName: "NGUYEN THI HOA",
    });
    expect(bankInput({})).toEqual({
      bankBin: null,
      bankAccountNumber: null,
      bankAccountName: null,
    });
  });

  it("is changed by the owner only, audited, and every owner is told", () => {
    const result = updateProducerBank(db, world.producer, world.producerA.id, bankInput(valid), {
      ipAddress: "203.0.113.9",
    });
    expect(result.changed).toBe(true);
    const producer = db.select().from(producers).where(eq(producers.id, world.producerA.id)).get();
    expect([producer?.bankBin, producer?.bankAccountNumber, producer?.bankAccountName]).toEqual([
      "970436",
      "0123456789",
      "NGUYEN THI HOA",
    ]);
    const audit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "producer.bank_changed"))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: world.producer.userId,
      entityType: "producer",
      entityId: String(world.producerA.id),
      ipAddress: "203.0.113.9",
      before: { bankBin: null, bankAccountNumber: null, bankAccountName: null },
      after: {
        bankBin: "970436",
        bankAccountNumber: "0123456789",
        bankAccountName: "NGUYEN THI HOA",
      },
    });
    const told = db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "producer.bank_changed"))
      .all();
    expect(told.map((n) => [n.userId, n.messageKey])).toEqual([
      [world.producer.userId, "listingtools.notice.bankChanged"],
    ]);
    expect(told[0]?.params).toMatchObject({ bank: "Vietcombank", account: "…6789" });

    // Saving the same account again changes nothing and tells nobody.
    expect(
      updateProducerBank(db, world.producer, world.producerA.id, bankInput(valid)).changed,
    ).toBe(false);
    expect(
      db.select().from(auditLog).where(eq(auditLog.action, "producer.bank_changed")).all(),
    ).toHaveLength(1);
  });

  it("refuses a member of the producer with 403 and changes nothing", () => {
    const memberId = db
      .insert(users)
      .values({ phone: "+84919999001", passwordHash: "$argon2id$not-used", displayName: "Lan" })
      .returning({ id: users.id })
      .get().id;
    db.insert(producerMemberships)
      .values({ userId: memberId, producerId: world.producerA.id, role: "member" })
      .run();
    const member: SignedInActor = {
      ...world.producer,
      userId: memberId,
      displayName: "Lan",
      producers: world.producer.producers.map((p) => ({ ...p, role: "member" })),
    };
    expect(() => updateProducerBank(db, member, world.producerA.id, bankInput(valid))).toThrow(
      expect.objectContaining({ status: 403, messageKey: "listingtools.bank.error.ownerOnly" }),
    );
    const producer = db.select().from(producers).where(eq(producers.id, world.producerA.id)).get();
    expect(producer?.bankBin).toBeNull();
    expect(db.select().from(auditLog).all()).toHaveLength(0);
    expect(db.select().from(categories).all()).toHaveLength(3);
  });
});
