import { describe, expect, it } from "vitest";
import { Invalid } from "~/lib/errors";
import { parseSearchParams } from "~/modules/search/params";

function parse(query: string) {
  return parseSearchParams(new URLSearchParams(query));
}

function parameterOf(query: string): unknown {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(Invalid);
    return (error as Invalid).details?.parameter;
  }
  return "no error";
}

describe("search parameters", () => {
  it("has defaults and reads every parameter", () => {
    expect(parse("")).toMatchObject({
      q: "",
      sort: "relevance",
      page: 1,
      perPage: 20,
      matchMode: "all",
    });
    expect(
      parse(
        "q=c%C3%A0+ph%C3%AA&category=ca-phe&commune=x%C3%A3+Khe+Sanh&ocop_min=4&certification=huu+co" +
          "&price_min=1000&price_max=200000&sort=price_asc&page=2&per_page=100&match=any" +
          "&campaign=chung-tay-vung-lu",
      ),
    ).toEqual({
      q: "cà phê",
      matchMode: "any",
      category: "ca-phe",
      commune: "xã Khe Sanh",
      ocopMin: 4,
      certification: "hữu cơ",
      priceMin: 1000,
      priceMax: 200000,
      campaign: "chung-tay-vung-lu",
      sort: "price_asc",
      page: 2,
      perPage: 100,
    });
  });

  it("treats empty values as absent, as HTML forms send them", () => {
    expect(parse("q=&category=&ocop_min=&sort=")).toMatchObject({
      q: "",
      category: null,
      ocopMin: null,
      sort: "relevance",
    });
  });

  it("names the invalid parameter", () => {
    expect(parameterOf("per_page=101")).toBe("per_page");
    expect(parameterOf("per_page=0")).toBe("per_page");
    expect(parameterOf("page=abc")).toBe("page");
    expect(parameterOf("sort=cheapest")).toBe("sort");
    expect(parameterOf("ocop_min=7")).toBe("ocop_min");
    expect(parameterOf("price_min=-5")).toBe("price_min");
    expect(parameterOf("price_min=500&price_max=100")).toBe("price_max");
    expect(parameterOf("certification=ISO9001")).toBe("certification");
    expect(parameterOf("category=C%C3%A0+ph%C3%AA")).toBe("category");
    expect(parameterOf(`q=${"a".repeat(201)}`)).toBe("q");
    expect(parameterOf("match=some")).toBe("match");
    expect(parameterOf("campaign=Chung%20tay")).toBe("campaign");
  });

  it("accepts any text in q, query syntax included", () => {
    expect(parse("q=NEAR(%22x%22+*)+AND+-y").q).toBe('NEAR("x" *) AND -y');
  });
});
