import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { t } from "~/lib/i18n/translate";
import {
  longText,
  money,
  parseWholeNumber,
  singleLineText,
  wholeNumber,
} from "~/lib/schemas/fields";
import { orderNoteSchema, shippingFields } from "~/lib/schemas/shipping";
import { purchaseRequestSchema } from "~/lib/schemas/purchase-request";
import { cartActionSchema } from "~/lib/schemas/orders";
import { cleanText, stripControls, textProblem } from "~/lib/text";
import { Problems, RowReader, wholeNumberCell } from "~/modules/import/rows.server";
import { parsePageParams } from "~/modules/search/page-params";
import { parseSearchParams } from "~/modules/search/params";

/** The messages a schema gives for `value`, or the parsed value. */
function outcome<T extends z.ZodTypeAny>(schema: T, value: unknown) {
  const result = schema.safeParse(value);
  return result.success
    ? { value: result.data as unknown }
    : { errors: result.error.issues.map((issue) => issue.message) };
}

const line = singleLineText("checkout.error.name");
const long = longText("checkout.error.note");

// One of each class the rule names, written as escapes so the file itself stays clean.
const REFUSED = {
  "NUL U+0000": "\u0000",
  "bell U+0007": "\u0007",
  "backspace U+0008": "\u0008",
  "vertical tab U+000B": "\u000b",
  "form feed U+000C": "\u000c",
  "escape U+001B": "\u001b",
  "unit separator U+001F": "\u001f",
  "DEL U+007F": "\u007f",
  "C1 padding U+0080": "\u0080",
  "C1 next line U+0085": "\u0085",
  "C1 U+009F": "\u009f",
  "LRE U+202A": "\u202a",
  "RLE U+202B": "\u202b",
  "PDF U+202C": "\u202c",
  "LRO U+202D": "\u202d",
  "RLO U+202E": "\u202e",
  "LRI U+2066": "\u2066",
  "RLI U+2067": "\u2067",
  "FSI U+2068": "\u2068",
  "PDI U+2069": "\u2069",
  "noncharacter U+FFFE": "\ufffe",
  "noncharacter U+FFFF": "\uffff",
  "lone high surrogate": "\ud800",
  "lone low surrogate": "\udc00",
};

describe("text fields", () => {
  it.each(Object.entries(REFUSED))(
    "refuses %s in one-line and in long text, with a message",
    (_, char) => {
      expect(outcome(line, `Nguyễn${char} Thị Lan`)).toEqual({ errors: ["errors.input.control"] });
      expect(outcome(long, `Giao${char} buổi sáng`)).toEqual({ errors: ["errors.input.control"] });
      expect(textProblem(`a${char}b`, "long")).toBe("control");
    },
  );

  it("refuses a line break in a one-line field, whatever its form", () => {
    for (const lineBreak of ["\n", "\r\n", "\r", "\u2028", "\u2029"]) {
      expect(outcome(line, `Nguyễn${lineBreak}Lan`)).toEqual({
        errors: ["errors.input.lineBreak"],
      });
    }
  });

  it("keeps the lines of long text as \\n and keeps tabs", () => {
    expect(outcome(long, "Dòng một\r\nDòng hai\rDòng ba\u2028Dòng bốn\n\tthụt")).toEqual({
      value: "Dòng một\nDòng hai\nDòng ba\nDòng bốn\n\tthụt",
    });
  });

  it("turns a tab in one line into a space, and trims and composes", () => {
    expect(outcome(line, "  Nguyễn\tLan ".normalize("NFD"))).toEqual({ value: "Nguyễn Lan" });
  });

  it("drops invisible copy-and-paste characters but keeps emoji joiners", () => {
    expect(outcome(line, "\ufeffHồ\u200b tiêu\u2060")).toEqual({ value: "Hồ tiêu" });
    const farmer = "👩\u200d🌾";
    expect(outcome(line, `Chị Lan ${farmer}`)).toEqual({ value: `Chị Lan ${farmer}` });
    expect(cleanText("\u200bGạo\u200b")).toBe("Gạo");
  });

  it("accepts Vietnamese, emoji and ordinary punctuation", () => {
    const text = "Mật ong rừng U Minh – 500 ml (loại 1) · 🐝 “ngon”";
    expect(outcome(line, text)).toEqual({ value: text });
  });

  it("makes a query usable instead of refusing it", () => {
    expect(stripControls("hồ\u0000tiêu\nđen\u202e")).toBe("hồ tiêu đen");
  });

  it("is used by the shared schemas: shipping, order note, purchase request", () => {
    expect(outcome(shippingFields.name, "Lan\u0000")).toEqual({ errors: ["errors.input.control"] });
    expect(outcome(shippingFields.address, "12 Lê Lợi\nĐông Hà")).toEqual({
      errors: ["errors.input.lineBreak"],
    });
    expect(outcome(orderNoteSchema, "Gọi trước\r\nkhi giao")).toEqual({
      value: "Gọi trước\nkhi giao",
    });
    const request = purchaseRequestSchema.safeParse({
      title: "Cần\u0000 mua gạo",
      quantity: "1,5",
      unit: "kg",
      deliveryLocation: "Đông Hà",
      neededBy: "2999-01-01",
    });
    expect(request.success).toBe(false);
    if (request.success) return;
    expect(request.error.flatten().fieldErrors).toMatchObject({
      title: ["errors.input.control"],
      quantity: ["errors.input.decimal"],
    });
  });
});

describe("whole numbers", () => {
  const cases: [string, number | "decimal" | "notNumber"][] = [
    ["12", 12],
    [" 12 ", 12],
    ["0", 0],
    ["007", 7],
    ["１２", 12],
    ["1.500", 1500],
    ["1,500", 1500],
    ["1 500", 1500],
    ["1\u00a0500", 1500],
    ["150.000", 150000],
    ["150,000", 150000],
    ["1.500.000", 1500000],
    ["1,500,000", 1500000],
    ["1 500 000", 1500000],
    ["1,5", "decimal"],
    ["1.5", "decimal"],
    ["0,5", "decimal"],
    ["0.500", "decimal"],
    ["1.5000", "decimal"],
    ["1,50", "decimal"],
    ["15.00", "decimal"],
    ["1.500,5", "decimal"],
    ["1.500,000", "decimal"],
    ["1,500.000", "decimal"],
    ["1.500 000", "decimal"],
    ["1500.000", "decimal"],
    [",5", "decimal"],
    ["1.", "decimal"],
    ["-3", "notNumber"],
    ["+3", "notNumber"],
    ["1e3", "notNumber"],
    ["0x10", "notNumber"],
    ["12kg", "notNumber"],
    ["12 kg", "notNumber"],
    ["mười", "notNumber"],
    ["", "notNumber"],
    ["½", "notNumber"],
    ["5²", "notNumber"],
  ];

  it.each(cases)("reads %j as %j", (input, expected) => {
    const parsed = parseWholeNumber(input);
    expect(typeof expected === "number" ? { value: expected } : { problem: expected }).toEqual(
      parsed,
    );
  });

  it("says a decimal is a decimal and anything else with the field's own message", () => {
    const stock = wholeNumber({ min: 0, max: 1e9, message: "listing.error.stock" });
    expect(outcome(stock, "1,5")).toEqual({ errors: ["errors.input.decimal"] });
    expect(outcome(stock, "-3")).toEqual({ errors: ["listing.error.stock"] });
    expect(outcome(stock, "12kg")).toEqual({ errors: ["listing.error.stock"] });
    expect(outcome(stock, "1.500")).toEqual({ value: 1500 });
    expect(outcome(stock, 3)).toEqual({ errors: ["listing.error.stock"] });
  });

  it("keeps the range, with its own message for too large", () => {
    const qty = wholeNumber({
      min: 1,
      max: 100,
      message: "validation.wholeNumber",
      tooLarge: "validation.tooLarge",
    });
    expect(outcome(qty, "0")).toEqual({ errors: ["validation.wholeNumber"] });
    expect(outcome(qty, "101")).toEqual({ errors: ["validation.tooLarge"] });
    expect(outcome(qty, "99999999999999999999999")).toEqual({ errors: ["validation.tooLarge"] });
    expect(outcome(qty, "100")).toEqual({ value: 100 });
  });

  it("reads đồng with a currency sign, and only đồng", () => {
    const price = money({ min: 1, max: 1e9, message: "listing.error.price" });
    expect(outcome(price, "150.000 đ")).toEqual({ value: 150000 });
    expect(outcome(price, "150.000₫")).toEqual({ value: 150000 });
    expect(outcome(price, "150,000 VND")).toEqual({ value: 150000 });
    expect(outcome(price, "150000 đồng")).toEqual({ value: 150000 });
    expect(outcome(price, "1,5 đ")).toEqual({ errors: ["errors.input.decimal"] });
    expect(outcome(price, "150k")).toEqual({ errors: ["listing.error.price"] });
    const stock = wholeNumber({ min: 0, max: 1e9, message: "listing.error.stock" });
    expect(outcome(stock, "150 đ")).toEqual({ errors: ["listing.error.stock"] });
  });

  it("is the cart's quantity rule: '1,5' is refused, not 15", () => {
    const add = (qty: string) => outcome(cartActionSchema, { intent: "add", listingId: "3", qty });
    expect(add("1,5")).toEqual({ errors: ["errors.input.decimal"] });
    expect(add("1.5")).toEqual({ errors: ["errors.input.decimal"] });
    expect(add("1e3")).toEqual({ errors: ["cartPage.badQuantity"] });
    expect(add("")).toEqual({ errors: ["cartPage.badQuantity"] });
    expect(add(" 2 ")).toEqual({ value: { intent: "add", listingId: 3, qty: 2 } });
  });
});

describe("the import's cells", () => {
  it("reads numbers by the same rule and says what is wrong with a text cell", () => {
    expect(wholeNumberCell("1.200")).toBe(1200);
    expect(wholeNumberCell("1,5")).toBeNaN();
    const problems = new Problems("vi");
    const row = new RowReader(
      "producers",
      2,
      {
        name: "HTX\u0000 Tiêu",
        address: "Thôn 1\nVĩnh Linh",
        story: "Dòng một\r\nDòng hai",
        members_total: "1,5",
      },
      problems,
    );
    row.text("name");
    row.text("address");
    expect(row.text("story", { long: true })).toBe("Dòng một\nDòng hai");
    expect(row.int("members_total", "import.row.membersTotal", 1, null)).toBeNull();
    expect(problems.list.map((p) => [p.column, p.message])).toEqual([
      ["name", t("vi", "errors.input.control")],
      ["address", t("vi", "errors.input.lineBreak")],
      ["members_total", t("vi", "import.row.membersTotal")],
    ]);
  });
});

describe("search queries", () => {
  it("the API refuses a control character in q with a 400 naming it", () => {
    expect(() => parseSearchParams(new URLSearchParams("q=h%E1%BB%93%00ti%C3%AAu"))).toThrow(
      expect.objectContaining({
        status: 400,
        messageKey: "errors.input.control",
        details: { parameter: "q" },
      }) as Error,
    );
  });

  it("the search page cleans it instead, like its other parameters", () => {
    const query = parsePageParams(
      new URLSearchParams("q=h%E1%BB%93%00ti%C3%AAu%0A%C4%91en"),
      () => null,
    );
    expect(query.q).toBe("hồ tiêu đen");
  });
});
