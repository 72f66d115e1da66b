import { describe, expect, it } from "vitest";
import { foldVietnamese } from "~/lib/text";
import {
  foldedWords,
  foldWord,
  indexText,
  markedIndexText,
  markedWords,
  typedWords,
} from "~/modules/search/words";

describe("Vietnamese folding for search", () => {
  it("folds tones, vowel marks and đ/Đ, the same way on index and query", () => {
    expect(foldVietnamese("Cà phê Khe Sanh")).toBe("ca phe khe sanh");
    expect(foldVietnamese("Đậu xanh")).toBe("dau xanh");
    expect(foldVietnamese("Đakrông")).toBe("dakrong");
    expect(foldVietnamese("Hướng Phùng, Cồn Tiên")).toBe("huong phung, con tien");
    // Decomposed input (as some keyboards send it) folds like precomposed.
    expect(foldedWords("Đa\u0300 Na\u0302\u0303ng")).toEqual(foldedWords("Đà Nẵng"));
  });

  it("splits words and numbers from units", () => {
    expect(foldedWords("Hồ tiêu đen 500g (túi 1,5kg)")).toEqual([
      "ho",
      "tieu",
      "den",
      "500",
      "g",
      "tui",
      "1",
      "5",
      "kg",
    ]);
    expect(markedWords("Đậu ĐEN 1kg")).toEqual(["đậu", "đen", "1", "kg"]);
    expect(indexText("Cà phê", "Arabica 250g")).toBe("ca phe arabica 250 g");
    expect(markedIndexText("Đường phèn", "ngọt")).toBe("đường phèn ngọt");
  });

  it("keeps the parts of one typed word together and folds one word", () => {
    expect(typedWords("cà phê 500g")).toEqual([
      { marked: ["cà"], folded: ["ca"] },
      { marked: ["phê"], folded: ["phe"] },
      { marked: ["500", "g"], folded: ["500", "g"] },
    ]);
    expect(foldWord("Đường")).toBe("duong");
  });

  it("drops punctuation and query syntax characters", () => {
    expect(foldedWords('NEAR("cà phê" *) AND {title}: ^-x')).toEqual([
      "near",
      "ca",
      "phe",
      "and",
      "title",
      "x",
    ]);
  });
});
