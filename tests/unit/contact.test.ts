import { describe, expect, it } from "vitest";
import { formatPhone, normalizeEmail, normalizePhone, parseIdentifier } from "~/lib/contact";
import { normalizeTaxCode, safeNext } from "~/lib/schemas/auth";

describe("normalizePhone", () => {
  it.each([
    ["0912345678", "+84912345678"],
    ["0912 345 678", "+84912345678"],
    ["0912.345.678", "+84912345678"],
    ["0912-345-678", "+84912345678"],
    ["+84 912 345 678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["  0388123456 ", "+84388123456"],
    ["0523456789", "+84523456789"],
    ["0771234567", "+84771234567"],
    ["0861234567", "+84861234567"],
    // The demo catalog's numbers.
    ["0900000201", "+84900000201"],
  ])("accepts %s as %s", (input, stored) => {
    expect(normalizePhone(input)).toBe(stored);
  });

  it.each([
    "",
    "0123",
    "091234567", // 9 digits
    "09123456789", // 11 digits
    "0212345678", // landline-like prefix 02
    "0412345678",
    "0612345678",
    "+85912345678",
    "+840912345678",
    "09123a5678",
    "hello",
  ])("refuses %j", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it("formats a stored number for display", () => {
    expect(formatPhone("+84912345678")).toBe("0912 345 678");
  });
});

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Chi.Hoa@Example.VN ")).toBe("chi.hoa@example.vn");
  });

  it.each(["", "hoa", "hoa@", "@example.vn", "hoa@example", "hoa hoa@example.vn", "a@b@c.vn"])(
    "refuses %j",
    (input) => {
      expect(normalizeEmail(input)).toBeNull();
    },
  );
});

describe("parseIdentifier", () => {
  it("reads an @ as an e-mail and anything else as a phone", () => {
    expect(parseIdentifier("Admin@CungCau.demo")).toEqual({
      kind: "email",
      value: "admin@cungcau.demo",
    });
    expect(parseIdentifier("0900 000 001")).toEqual({ kind: "phone", value: "+84900000001" });
    expect(parseIdentifier("+84900000001")).toEqual({ kind: "phone", value: "+84900000001" });
  });

  it("is null for neither", () => {
    expect(parseIdentifier("nguyen van a")).toBeNull();
    expect(parseIdentifier("bad@")).toBeNull();
    expect(parseIdentifier("0123456")).toBeNull();
  });
});

describe("normalizeTaxCode", () => {
  it("keeps digits of 10- and 13-digit codes", () => {
    expect(normalizeTaxCode("3200123456")).toBe("3200123456");
    expect(normalizeTaxCode("3200123456-001")).toBe("3200123456001");
    expect(normalizeTaxCode("3200123456001")).toBe("3200123456001");
  });

  it("refuses other lengths and letters", () => {
    expect(normalizeTaxCode("320012345")).toBeNull();
    expect(normalizeTaxCode("3200123456-01")).toBeNull();
    expect(normalizeTaxCode("32001234AB")).toBeNull();
  });
});

describe("safeNext", () => {
  it("keeps paths on this site", () => {
    expect(safeNext("/gio-hang")).toBe("/gio-hang");
    expect(safeNext("/tim-kiem?q=c%C3%A0%20ph%C3%AA")).toBe("/tim-kiem?q=c%C3%A0%20ph%C3%AA");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "gio-hang",
    "/\tevil",
    "",
    null,
  ])("refuses %j", (next) => {
    expect(safeNext(next)).toBeNull();
  });
});
