import { parseWithZod } from "@conform-to/zod";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { purchaseRequestSchema, type PurchaseRequestInput } from "~/lib/schemas/purchase-request";
import type { SignedInActor } from "~/modules/auth/actor";
import {
  createPurchaseRequest,
  getPurchaseRequestByCode,
  listOpenPurchaseRequests,
  nextPurchaseRequestCode,
} from "~/modules/demand/purchase-requests.server";
import { buyerProfiles, categories, purchaseRequests, users } from "~db/schema";
import { freshDb, type Db } from "../helpers/db";

const TODAY = "2026-12-01";

function buyer(userId: number, isBuyer = true): SignedInActor {
  return {
    kind: "user",
    userId,
    sessionId: null,
    displayName: "Người mua",
    locale: "vi",
    isBuyer,
    producers: [],
    staff: [],
  };
}

const input: PurchaseRequestInput = {
  title: "Cần mua 200 kg gạo hữu cơ",
  description: "Giao đầu tháng.",
  categoryCode: "gao",
  quantity: 200,
  unit: "kg",
  targetPriceVnd: 36000,
  provinceCode: "44",
  communeCode: "19333",
  neededBy: "2099-01-04",
  recurrence: "monthly",
};

function seed(db: Db) {
  db.insert(users)
    .values([
      { id: 1, phone: "+84900000201", passwordHash: "x", displayName: "Trường Mầm non" },
      { id: 2, phone: "+84900000202", passwordHash: "x", displayName: "Chị Lan" },
    ])
    .run();
  db.insert(buyerProfiles)
    .values([
      { userId: 1, kind: "school", companyName: "Trường Mầm non Hoa Sen" },
      { userId: 2, kind: "individual" },
    ])
    .run();
  db.insert(categories).values({ id: 1, code: "gao", nameVi: "Gạo", nameEn: "Rice" }).run();
  const row = (code: string, values: Partial<typeof purchaseRequests.$inferInsert> = {}) => ({
    code,
    buyerUserId: 1,
    title: `Yêu cầu ${code}`,
    quantity: 10,
    unit: "kg" as const,
    deliveryLocation: "Đông Hà",
    neededBy: "2027-01-01",
    ...values,
  });
  db.insert(purchaseRequests)
    .values([
      row("YC001", { categoryId: 1, createdAt: new Date(Date.UTC(2026, 10, 1)) }),
      row("YC002", { buyerUserId: 2, createdAt: new Date(Date.UTC(2026, 10, 2)) }),
      row("YC003", { isHidden: true, hiddenReason: "spam" }),
      row("YC004", { status: "closed" }),
      row("YC005", { neededBy: "2026-11-30" }),
    ])
    .run();
}

describe("purchase requests", () => {
  let db: Db;
  beforeEach(() => {
    db = freshDb();
    seed(db);
  });

  it("lists open, visible, current requests newest first", () => {
    const page = listOpenPurchaseRequests(db, { today: TODAY });
    expect(page.items.map((r) => r.code)).toEqual(["YC002", "YC001"]);
    expect(page.total).toBe(2);
  });

  it("shows every buyer only by their kind, never by name (issue 11)", () => {
    const [person, school] = listOpenPurchaseRequests(db, { today: TODAY }).items;
    expect(person).toMatchObject({ buyerKind: "individual" });
    expect(school).toMatchObject({ buyerKind: "school", categoryNameVi: "Gạo" });
    const text = JSON.stringify([person, school]);
    expect(text).not.toContain("Chị Lan");
    expect(text).not.toContain("Hoa Sen");
  });

  it("paginates", () => {
    const page = listOpenPurchaseRequests(db, { today: TODAY, perPage: 1, page: 2 });
    expect(page).toMatchObject({ page: 2, pageCount: 2 });
    expect(page.items.map((r) => r.code)).toEqual(["YC001"]);
  });

  it("gets a request by code unless it is hidden", () => {
    expect(getPurchaseRequestByCode(db, "yc004")?.status).toBe("closed");
    expect(getPurchaseRequestByCode(db, "YC003")).toBeNull();
    expect(getPurchaseRequestByCode(db, "YC999")).toBeNull();
  });

  it("numbers new requests after the highest code", () => {
    expect(nextPurchaseRequestCode(db)).toBe("YC006");
    db.insert(purchaseRequests)
      .values({
        code: "YC1000",
        buyerUserId: 1,
        title: "x",
        quantity: 1,
        unit: "kg",
        deliveryLocation: "x",
        neededBy: "2027-01-01",
      })
      .run();
    expect(nextPurchaseRequestCode(db)).toBe("YC1001");
  });

  it("posts a buyer's request with the next code", () => {
    const created = createPurchaseRequest(db, buyer(2), input);
    expect(created.code).toBe("YC006");
    const row = db.select().from(purchaseRequests).where(eq(purchaseRequests.id, created.id)).get();
    expect(row).toMatchObject({
      buyerUserId: 2,
      title: input.title,
      categoryId: 1,
      quantity: 200,
      targetPriceVnd: 36000,
      recurrence: "monthly",
      status: "open",
      isHidden: false,
    });
  });

  it("stores text in NFC", () => {
    const created = createPurchaseRequest(db, buyer(2), {
      ...input,
      title: "Cần mua đậu đen".normalize("NFD"),
    });
    expect(getPurchaseRequestByCode(db, created.code)?.title).toBe("Cần mua đậu đen");
  });

  it("refuses a user without a buyer profile", () => {
    expect(() => createPurchaseRequest(db, buyer(2, false), input)).toThrow(/người mua/);
  });

  it("refuses an unknown category and writes nothing", () => {
    expect(() =>
      createPurchaseRequest(db, buyer(2), { ...input, categoryCode: "khong-co" }),
    ).toThrow(/Danh mục/);
    expect(nextPurchaseRequestCode(db)).toBe("YC006");
  });
});

describe("purchase request form schema", () => {
  function parse(fields: Record<string, string>) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return parseWithZod(form, { schema: purchaseRequestSchema });
  }

  it("accepts a complete form and reads Vietnamese thousands separators", () => {
    const result = parse({
      title: "Cần mua gạo",
      quantity: "1.200",
      unit: "kg",
      targetPriceVnd: "36.000",
      provinceCode: "44",
      communeCode: "19333",
      neededBy: "2099-01-01",
      recurrence: "weekly",
    });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toMatchObject({ quantity: 1200, targetPriceVnd: 36000, description: "" });
  });

  it("treats an empty price as negotiable", () => {
    const result = parse({
      title: "Cần mua gạo",
      quantity: "5",
      unit: "kg",
      targetPriceVnd: "",
      provinceCode: "44",
      communeCode: "19333",
      neededBy: "2099-01-01",
    });
    expect(result.status).toBe("success");
    if (result.status === "success") {
      expect(result.value.targetPriceVnd).toBeUndefined();
      expect(result.value.recurrence).toBe("none");
    }
  });

  it("gives each bad field an i18n key", () => {
    const result = parse({
      title: "abc",
      quantity: "0",
      unit: "tấn",
      targetPriceVnd: "rẻ",
      provinceCode: "",
      communeCode: "xyz",
      neededBy: "2000-01-01",
    });
    expect(result.status).toBe("error");
    const errors = result.reply().error ?? {};
    expect(errors).toMatchObject({
      title: ["validation.tooShort"],
      quantity: ["validation.wholeNumber"],
      unit: ["validation.choice"],
      targetPriceVnd: ["validation.wholeNumber"],
      provinceCode: ["requests.errors.provinceRequired"],
      communeCode: ["requests.errors.unknownCommune"],
      neededBy: ["validation.dateNotPast"],
    });
  });
});
