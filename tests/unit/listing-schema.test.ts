import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { diffWords } from "~/lib/diff";
import { variantWidths } from "~/lib/images";
import { ProducerBankSchema } from "~/lib/schemas/bank";
import {
  ListingFormSchema,
  ModerationDecisionSchema,
  parseTags,
  parseVnd,
} from "~/lib/schemas/listing";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const valid = {
  title: "  Hồ tiêu đen 500g ",
  categoryId: "3",
  priceVnd: "120.000",
  unit: "gói",
  minOrderQty: "1",
  stock: "0",
  tags: "Tiêu đen, gia vị; tiêu đen",
  ocopStars: "0",
  "certifications[0].kind": "VietGAP",
  "certifications[0].held": "on",
  "certifications[0].certificateNo": "VG-1",
  "certifications[1].kind": "HACCP",
};

describe("listing form schema", () => {
  it("parses what a person types: đồng with separators, tags, ticked certifications", () => {
    const result = parseWithZod(form(valid), { schema: ListingFormSchema });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toMatchObject({
      title: "Hồ tiêu đen 500g",
      categoryId: 3,
      priceVnd: 120000,
      season: "quanh năm",
      tags: ["tiêu đen", "gia vị"],
      ocopCertificateNo: null,
      certifications: [{ kind: "VietGAP", certificateNo: "VG-1", issuedOn: null, expiresOn: null }],
    });
  });

  it("names each wrong field with an i18n key", () => {
    const base = parseWithZod(form({ ...valid, title: "", priceVnd: "mười nghìn" }), {
      schema: ListingFormSchema,
    });
    expect(base.status).toBe("error");
    expect(base.reply().error).toMatchObject({
      title: ["listing.error.title"],
      priceVnd: ["listing.error.price"],
    });
    // The cross-field rules (OCOP certificate, date order) once the fields themselves are right.
    const ocop = parseWithZod(
      form({ ...valid, ocopStars: "4", ocopIssuedOn: "2027-01-01", ocopExpiresOn: "2026-01-01" }),
      { schema: ListingFormSchema },
    );
    expect(ocop.reply().error).toMatchObject({
      ocopCertificateNo: ["listing.error.ocopCertificate"],
      ocopExpiresOn: ["listing.error.dateOrder"],
    });
  });

  it("refuses a decimal quantity or price and a control character, keeping a description's lines", () => {
    const bad = parseWithZod(
      form({ ...valid, stock: "1,5", minOrderQty: "1.5", priceVnd: "1,5", title: "Hồ\u0000tiêu" }),
      { schema: ListingFormSchema },
    );
    expect(bad.reply().error).toMatchObject({
      stock: ["errors.input.decimal"],
      minOrderQty: ["errors.input.decimal"],
      priceVnd: ["errors.input.decimal"],
      title: ["errors.input.control"],
    });
    // The cross-field rules still speak alongside a refused number.
    const withOcop = parseWithZod(form({ ...valid, stock: "1,5", ocopStars: "4" }), {
      schema: ListingFormSchema,
    });
    expect(withOcop.reply().error).toMatchObject({
      stock: ["errors.input.decimal"],
      ocopCertificateNo: ["listing.error.ocopCertificate"],
    });
    const good = parseWithZod(
      form({ ...valid, stock: "1.500", description: "Dòng một\r\nDòng hai\u200b" }),
      { schema: ListingFormSchema },
    );
    expect(good.status).toBe("success");
    if (good.status !== "success") return;
    expect(good.value).toMatchObject({ stock: 1500, description: "Dòng một\nDòng hai" });
    const oneLine = parseWithZod(form({ ...valid, title: "Hồ tiêu\nđen" }), {
      schema: ListingFormSchema,
    });
    expect(oneLine.reply().error?.title).toEqual(["errors.input.lineBreak"]);
  });

  it("asks for all three bank fields or none, and a reason to reject", () => {
    const profile = parseWithZod(form({ bankBin: "970436" }), { schema: ProducerBankSchema });
    expect(profile.reply().error?.bankAccountNumber).toEqual(["profile.error.bankIncomplete"]);
    const decision = parseWithZod(form({ intent: "reject", reason: "x" }), {
      schema: ModerationDecisionSchema,
    });
    expect(decision.reply().error?.reason).toEqual(["moderation.error.reason"]);
    expect(
      parseWithZod(form({ intent: "approve" }), { schema: ModerationDecisionSchema }).status,
    ).toBe("success");
  });

  it("has small helpers that do one thing", () => {
    expect(parseVnd("1.250.000 đ")).toBe(1250000);
    // A decimal is refused, never read as 125 đồng (issue 10, finding 8).
    expect(parseVnd("12,5")).toBeNaN();
    expect(parseVnd("150,000 đ")).toBe(150000);
    expect(parseVnd("abc")).toBeNaN();
    expect(parseTags("A, b;;a")).toEqual(["a", "b"]);
    expect(variantWidths(700).map((v) => [v.nominal, v.actual])).toEqual([
      [320, 320],
      [640, 640],
      [1024, 700],
    ]);
    expect(diffWords("một hai ba", "một bốn ba")).toEqual([
      { kind: "same", text: "một " },
      { kind: "removed", text: "hai" },
      { kind: "added", text: "bốn" },
      { kind: "same", text: " ba" },
    ]);
  });
});
