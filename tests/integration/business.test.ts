import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Conflict, NotFound } from "~/lib/errors";
import {
  apiTokenNameSchema,
  businessProfileSchema,
  invoiceDecisionSchema,
  invoiceRequestSchema,
} from "~/lib/schemas/business";
import {
  authenticateApiToken,
  createOwnApiToken,
  getApiToken,
  listApiTokens,
  MAX_API_TOKENS,
  revokeOwnApiToken,
} from "~/modules/auth/api-tokens.server";
import { getBusinessProfile, saveBusinessProfile } from "~/modules/buyers/business-profile.server";
import {
  buyerInvoiceView,
  decideInvoice,
  producerInvoiceView,
  requestInvoice,
} from "~/modules/invoices/invoice-requests.server";
import { renderNotice } from "~/modules/notifications/messages";
import { cancelOrderByBuyer } from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { auditLog, buyerProfiles, invoiceRequests, notifications } from "~db/schema";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

type Db = ReturnType<typeof freshDb>;

function place(db: Db, buyerUserId: number, sku = "SP0001") {
  return placeOrder(db, {
    buyerUserId,
    items: [{ sku, qty: 1 }],
    shipping: SHIPPING,
    paymentMethod: "cod",
    idempotency: { scope: "t", key: newKey() },
  }).orders[0]!;
}

const REQUEST = {
  companyName: "Nhà hàng Sông Hiếu",
  taxCode: "3200123456",
  address: "12 Lê Duẩn, phường Đông Hà, Quảng Trị",
  email: "ketoan@songhieu.vn",
};

const noticesOf = (db: Db, userId: number) =>
  db
    .select({ key: notifications.messageKey, link: notifications.link })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .all();

describe("buyers' own API tokens", () => {
  it("lists her working tokens with their last use, and a revoked one stops working", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const first = createOwnApiToken(db, m.buyer.id, "Phần mềm kho");
    const second = createOwnApiToken(db, m.buyer.id, "Kế toán");
    expect(listApiTokens(db, m.buyer.id).map((t) => t.name)).toEqual(["Kế toán", "Phần mềm kho"]);
    expect(listApiTokens(db, m.buyer.id).every((t) => t.lastUsedAt === null)).toBe(true);

    expect(authenticateApiToken(db, `Bearer ${first.token}`)?.userId).toBe(m.buyer.id);
    const used = listApiTokens(db, m.buyer.id).find((t) => t.id === first.id);
    expect(used?.lastUsedAt).toBeInstanceOf(Date);

    revokeOwnApiToken(db, m.buyer.id, first.id);
    expect(authenticateApiToken(db, `Bearer ${first.token}`)).toBeNull();
    expect(listApiTokens(db, m.buyer.id).map((t) => t.id)).toEqual([second.id]);
    // Revoking twice, or asking about a revoked one, is "not found".
    expect(() => revokeOwnApiToken(db, m.buyer.id, first.id)).toThrow(NotFound);
    expect(() => getApiToken(db, m.buyer.id, first.id)).toThrow(NotFound);
  });

  it("never lets one user see or revoke another's token", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const hers = createOwnApiToken(db, m.buyer.id, "ERP");
    expect(() => getApiToken(db, m.otherBuyer.id, hers.id)).toThrow(NotFound);
    expect(() => revokeOwnApiToken(db, m.otherBuyer.id, hers.id)).toThrow(NotFound);
    expect(listApiTokens(db, m.otherBuyer.id)).toEqual([]);
    expect(authenticateApiToken(db, hers.token)?.userId).toBe(m.buyer.id);
  });

  it(`refuses a token beyond ${MAX_API_TOKENS} working ones, until one is revoked`, () => {
    const db = freshDb();
    const m = makeMarket(db);
    const made = Array.from({ length: MAX_API_TOKENS }, (_, i) =>
      createOwnApiToken(db, m.buyer.id, `Mã ${i}`),
    );
    expect(() => createOwnApiToken(db, m.buyer.id, "Một mã nữa")).toThrow(Conflict);
    revokeOwnApiToken(db, m.buyer.id, made[0]!.id);
    expect(createOwnApiToken(db, m.buyer.id, "Một mã nữa").token).toMatch(/^cc_/);
  });

  it("needs a name of 1 to 60 characters on one line", () => {
    expect(apiTokenNameSchema.safeParse({ intent: "create", name: " Kho " }).data?.name).toBe(
      "Kho",
    );
    for (const name of ["", "   ", "x".repeat(61)]) {
      const parsed = apiTokenNameSchema.safeParse({ intent: "create", name });
      expect(parsed.success, name).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("business.error.tokenName");
    }
  });
});

describe("the business profile", () => {
  it("accepts the tax code as 10 digits or 10-3 digits, and refuses anything else", () => {
    const parse = (taxCode: string) =>
      businessProfileSchema.safeParse({ kind: "restaurant", companyName: "Nhà hàng A", taxCode });
    expect(parse("3200123456").data?.taxCode).toBe("3200123456");
    expect(parse("3200123456-001").data?.taxCode).toBe("3200123456001");
    expect(parse("320 012 3456").data?.taxCode).toBe("3200123456");
    for (const bad of [
      "320012345",
      "32001234567",
      "3200123456-01",
      "abc0123456",
      "3200123456-0012",
    ]) {
      const parsed = parse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message)).toContain("business.error.taxCode");
    }
  });

  it("asks a business for its name and tax code; a private person needs neither", () => {
    const business = businessProfileSchema.safeParse({ kind: "hotel" });
    expect(business.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["companyName", "business.error.companyName"],
      ["taxCode", "business.error.taxCode"],
    ]);
    const person = businessProfileSchema.safeParse({
      kind: "individual",
      companyName: "bỏ qua",
      taxCode: "3200123456",
    });
    expect(person.data).toMatchObject({ kind: "individual", companyName: null, taxCode: null });
    expect(
      businessProfileSchema
        .safeParse({ kind: "hotel", province: "Sao Hỏa" })
        .error?.issues.map((i) => i.message),
    ).toContain("business.error.province");
  });

  it("saves her profile and reads it back; a buyer without one reads as a private person", () => {
    const db = freshDb();
    const m = makeMarket(db);
    expect(getBusinessProfile(db, m.buyer.id).kind).toBe("individual");
    const input = businessProfileSchema.parse({
      kind: "restaurant",
      companyName: "Nhà hàng Sông Hiếu",
      taxCode: "3200123456-002",
      province: "quang-tri",
      city: "phường Đông Hà",
    });
    saveBusinessProfile(db, m.buyer.id, input);
    expect(getBusinessProfile(db, m.buyer.id)).toEqual({
      kind: "restaurant",
      companyName: "Nhà hàng Sông Hiếu",
      taxCode: "3200123456002",
      province: "Quảng Trị",
      city: "phường Đông Hà",
    });
    saveBusinessProfile(db, m.buyer.id, businessProfileSchema.parse({ kind: "individual" }));
    expect(getBusinessProfile(db, m.buyer.id)).toMatchObject({
      kind: "individual",
      companyName: null,
      taxCode: null,
    });
  });
});

describe("VAT-invoice requests", () => {
  it("walks request → issued: prefilled from the profile, both sides told, both steps audited", () => {
    const db = freshDb();
    const m = makeMarket(db);
    db.insert(buyerProfiles)
      .values({
        userId: m.buyer.id,
        kind: "restaurant",
        companyName: "Nhà hàng Sông Hiếu",
        taxCode: "3200123456",
        province: "Quảng Trị",
        city: "phường Đông Hà",
      })
      .run();
    const order = place(db, m.buyer.id);
    const before = buyerInvoiceView(db, m.buyer.id, order.id);
    expect(before.canRequest).toBe(true);
    expect(before.request).toBeNull();
    expect(before.prefill).toEqual({
      companyName: "Nhà hàng Sông Hiếu",
      taxCode: "3200123456",
      address: "phường Đông Hà, Quảng Trị",
      email: "mua@example.vn",
    });

    requestInvoice(db, m.buyer.id, order.id, REQUEST);
    const asked = buyerInvoiceView(db, m.buyer.id, order.id);
    expect(asked.canRequest).toBe(false);
    expect(asked.request).toMatchObject({ ...REQUEST, status: "requested" });
    expect(noticesOf(db, m.memberA.id)).toContainEqual({
      key: "business.notice.invoiceRequested",
      link: `/ban-hang/don-hang/${order.id}`,
    });
    // Asking twice is refused while the first is open.
    expect(() => requestInvoice(db, m.buyer.id, order.id, REQUEST)).toThrow(Conflict);

    expect(producerInvoiceView(db, m.actors.memberA, order.id)).toMatchObject({
      request: { status: "requested", taxCode: "3200123456" },
      canAnswer: true,
    });
    decideInvoice(db, m.actors.memberA, order.id, {
      intent: "invoice_issue",
      invoiceNumber: "AA/26E 0000123",
    });
    expect(buyerInvoiceView(db, m.buyer.id, order.id).request).toMatchObject({
      status: "issued",
      invoiceNumber: "AA/26E 0000123",
      declineReason: null,
    });
    expect(noticesOf(db, m.buyer.id)).toContainEqual({
      key: "business.notice.invoiceIssued",
      link: `/don-hang/${order.id}`,
    });
    // A second answer (another tab) finds nothing open.
    expect(() =>
      decideInvoice(db, m.actors.memberA, order.id, {
        intent: "invoice_decline",
        declineReason: "Sai mã số thuế",
      }),
    ).toThrow(Conflict);
    expect(
      db
        .select({ action: auditLog.action })
        .from(auditLog)
        .all()
        .map((a) => a.action)
        .filter((a) => a.startsWith("invoice.")),
    ).toEqual(["invoice.request", "invoice.issue"]);
  });

  it("lets the buyer correct and send again a declined request, and tells her the reason", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = place(db, m.buyer.id);
    requestInvoice(db, m.buyer.id, order.id, { ...REQUEST, taxCode: "0000000000" });
    decideInvoice(db, m.actors.memberA, order.id, {
      intent: "invoice_decline",
      declineReason: "Mã số thuế không đúng",
    });
    const declined = buyerInvoiceView(db, m.buyer.id, order.id);
    expect(declined.request).toMatchObject({
      status: "declined",
      declineReason: "Mã số thuế không đúng",
    });
    expect(declined.canRequest).toBe(true);
    expect(declined.prefill?.taxCode).toBe("0000000000");
    expect(noticesOf(db, m.buyer.id).map((n) => n.key)).toContain(
      "business.notice.invoiceDeclined",
    );

    requestInvoice(db, m.buyer.id, order.id, REQUEST);
    const row = db
      .select()
      .from(invoiceRequests)
      .where(eq(invoiceRequests.orderId, order.id))
      .get();
    expect(row).toMatchObject({
      taxCode: "3200123456",
      status: "requested",
      declineReason: null,
      decidedAt: null,
    });
  });

  it("refuses a cancelled order, and keeps another buyer or another producer out (404)", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = place(db, m.buyer.id);
    expect(() => buyerInvoiceView(db, m.otherBuyer.id, order.id)).toThrow(NotFound);
    expect(() => requestInvoice(db, m.otherBuyer.id, order.id, REQUEST)).toThrow(NotFound);
    requestInvoice(db, m.buyer.id, order.id, REQUEST);
    expect(() => producerInvoiceView(db, m.actors.memberB, order.id)).toThrow(NotFound);
    expect(() =>
      decideInvoice(db, m.actors.memberB, order.id, {
        intent: "invoice_issue",
        invoiceNumber: "X1",
      }),
    ).toThrow(NotFound);
    // A buyer is no producer of her own order.
    expect(() =>
      decideInvoice(db, m.actors.buyer, order.id, { intent: "invoice_issue", invoiceNumber: "X1" }),
    ).toThrow(NotFound);
    expect(
      db.select().from(invoiceRequests).where(eq(invoiceRequests.orderId, order.id)).get()?.status,
    ).toBe("requested");

    const cancelled = place(db, m.buyer.id);
    cancelOrderByBuyer(db, m.buyer.id, cancelled.id, "đặt nhầm");
    const view = buyerInvoiceView(db, m.buyer.id, cancelled.id);
    expect(view).toMatchObject({ canRequest: false, request: null, prefill: null });
    expect(() => requestInvoice(db, m.buyer.id, cancelled.id, REQUEST)).toThrow(Conflict);
    expect(
      db.select().from(invoiceRequests).where(eq(invoiceRequests.orderId, cancelled.id)).get(),
    ).toBeUndefined();
  });

  it("a team member without the orders permission sees the request but cannot answer it", () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = place(db, m.buyer.id);
    requestInvoice(db, m.buyer.id, order.id, REQUEST);
    const statementOnly = {
      ...m.actors.memberA,
      producers: m.actors.memberA.producers.map((p) => ({
        ...p,
        role: "member" as const,
        permissions: ["statement" as const],
      })),
    };
    expect(producerInvoiceView(db, statementOnly, order.id).canAnswer).toBe(false);
    expect(() =>
      decideInvoice(db, statementOnly, order.id, { intent: "invoice_issue", invoiceNumber: "X" }),
    ).toThrow(NotFound);
  });

  it("validates the request and the answer with messages per field", () => {
    const bad = invoiceRequestSchema.safeParse({
      intent: "invoice_request",
      companyName: "A",
      taxCode: "12345",
      address: "ngắn",
      email: "không-phải-email",
    });
    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["companyName", "business.error.companyName"],
      ["taxCode", "business.error.taxCode"],
      ["address", "business.error.invoiceAddress"],
      ["email", "business.error.invoiceEmail"],
    ]);
    expect(
      invoiceRequestSchema.parse({ intent: "invoice_request", ...REQUEST, email: "" }).email,
    ).toBeNull();
    expect(
      invoiceDecisionSchema.safeParse({ intent: "invoice_issue", invoiceNumber: "" }).error
        ?.issues[0]?.message,
    ).toBe("business.error.invoiceNumber");
    expect(
      invoiceDecisionSchema.safeParse({ intent: "invoice_decline", declineReason: "x" }).error
        ?.issues[0]?.message,
    ).toBe("business.error.declineReason");
  });

  it("renders each notice in both languages", () => {
    const params = { code: "DH1", company: "Nhà hàng A", number: "AA/26E 1", reason: "sai" };
    for (const locale of ["vi", "en"] as const) {
      for (const key of ["invoiceRequested", "invoiceIssued", "invoiceDeclined"]) {
        const text = renderNotice(locale, `business.notice.${key}`, params);
        expect(text.title, `${locale} ${key}`).toContain("DH1");
        expect(text.body, `${locale} ${key}`).not.toBe("");
      }
    }
    expect(renderNotice("en", "business.notice.invoiceIssued", params).body).toBe(
      "The seller issued invoice number AA/26E 1.",
    );
  });
});
