import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { setDbForTests } from "~/modules/platform/db.server";
import { indexListing } from "~/modules/search/sync.server";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.]json";
import { loader as productLoader } from "~/routes/api.v1.products.$sku";
import { loader as productsLoader } from "~/routes/api.v1.products";
import type { Db } from "~db/client.server";
import { listings } from "~db/schema";
import { demoSearchDb, listingIdOf } from "../helpers/search-demo";

const ORIGIN = "http://cho.test";

async function getJson(
  loader: (args: LoaderFunctionArgs) => unknown,
  path: string,
  params: Record<string, string> = {},
) {
  const response = (await loader({
    request: new Request(`${ORIGIN}${path}`),
    params,
    context: { clientIp: "127.0.0.1" },
  })) as Response;
  expect(response.headers.get("Content-Type")).toContain("application/json");
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const products = (query: string) => getJson(productsLoader, `/api/v1/products${query}`);

describe("public JSON API", () => {
  let db: Db;
  beforeAll(async () => {
    db = await demoSearchDb();
    setDbForTests(db);
  });

  it("searches products with facets", async () => {
    const { status, body } = await products("?q=ca+phe+khe+sanh&per_page=5&sort=relevance");
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, per_page: 5, engine: "fts" });
    expect(body.total).toBeGreaterThan(5);
    expect(typeof body.took_ms).toBe("number");
    const hits = body.hits as Record<string, unknown>[];
    expect(hits).toHaveLength(5);
    expect(Object.keys(hits[0] ?? {}).sort()).toEqual(
      [
        "sku",
        "slug",
        "title",
        "price_vnd",
        "unit",
        "stock",
        "ocop_stars",
        "category",
        "commune",
        "producer",
        "image_url",
        "url",
      ].sort(),
    );
    expect(hits[0]?.url).toMatch(/^http:\/\/cho\.test\/san-pham\//);
    expect(hits[0]?.producer).toEqual({ code: expect.any(String), name: expect.any(String) });
    expect(Object.keys(body.facets as object)).toEqual([
      "category",
      "commune",
      "ocop_stars",
      "certification",
    ]);
    expect(
      (body.facets as { category: Record<string, number> }).category["ca-phe"],
    ).toBeGreaterThan(0);
  });

  it("applies every filter and sort parameter", async () => {
    const { body } = await products(
      "?q=ca+phe&category=ca-phe&commune=x%C3%A3+Khe+Sanh&ocop_min=4&certification=VietGAP" +
        "&price_min=100000&price_max=400000&sort=price_asc&per_page=100",
    );
    const hits = body.hits as {
      price_vnd: number;
      ocop_stars: number;
      category: string;
      commune: string;
    }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(body.total).toBe(hits.length);
    for (const hit of hits) {
      expect(hit.category).toBe("ca-phe");
      expect(hit.commune).toBe("xã Khe Sanh");
      expect(hit.ocop_stars).toBeGreaterThanOrEqual(4);
      expect(hit.price_vnd).toBeGreaterThanOrEqual(100_000);
      expect(hit.price_vnd).toBeLessThanOrEqual(400_000);
    }
    const prices = hits.map((h) => h.price_vnd);
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
  });

  it("answers 400 naming the invalid parameter", async () => {
    for (const [query, parameter] of [
      ["?per_page=101", "per_page"],
      ["?page=0", "page"],
      ["?sort=cheap", "sort"],
      ["?ocop_min=six", "ocop_min"],
      ["?price_min=10&price_max=5", "price_max"],
      ["?certification=ISO", "certification"],
      ["?category=C%C3%A0", "category"],
    ] as const) {
      const { status, body } = await products(query);
      expect(status, query).toBe(400);
      const error = body.error as { code: string; message: string; details: { parameter: string } };
      expect(error.code).toBe("invalid");
      expect(error.details.parameter).toBe(parameter);
      expect(error.message).toContain(parameter);
    }
  });

  it("searches FTS5 syntax as plain words", async () => {
    for (const q of ['"', "NEAR(", "*", "AND", 'cà "phê', "tiêu*", "{title}:x"]) {
      const { status } = await products(`?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
    }
  });

  it("returns one product with its description, images and certifications", async () => {
    const { status, body } = await getJson(productLoader, "/api/v1/products/SP0143", {
      sku: "SP0143",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      sku: "SP0143",
      title: "Cà phê Arabica Khe Sanh rang xay 500g",
      category: "ca-phe",
      commune: "xã Khe Sanh",
      ocop_stars: 5,
      images: [],
      producer: { code: "SX030" },
    });
    expect(body.description).toEqual(expect.any(String));
    expect(body.certifications).toEqual([expect.objectContaining({ kind: "VietGAP" })]);
    expect(body.ocop).toMatchObject({ stars: 5, certificate_no: expect.any(String) });
    expect(body.url).toBe(`${ORIGIN}/san-pham/${String(body.slug)}`);
  });

  it("answers 404 JSON for an unknown or unpublished product", async () => {
    const unknown = await getJson(productLoader, "/api/v1/products/SP9999", { sku: "SP9999" });
    expect(unknown.status).toBe(404);
    expect((unknown.body.error as { code: string }).code).toBe("not_found");

    const id = listingIdOf(db, "SP0152");
    db.transaction(() => {
      db.update(listings).set({ status: "archived" }).where(eq(listings.id, id)).run();
      indexListing(db, id);
    });
    const archived = await getJson(productLoader, "/api/v1/products/SP0152", { sku: "SP0152" });
    expect(archived.status).toBe(404);
    const search = await products("?q=ca+phe+culi");
    expect(search.body.total).toBe(0);
  });

  it("describes itself in an OpenAPI 3.1 document", async () => {
    const { status, body } = await getJson(openApiLoader, "/api/v1/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(body.servers).toEqual([{ url: ORIGIN }]);
    const paths = body.paths as Record<string, { get: { parameters: { name: string }[] } }>;
    expect(Object.keys(paths)).toEqual([
      "/api/v1/products",
      "/api/v1/products/{sku}",
      "/api/v1/orders",
      "/api/v1/orders/{id}",
      "/api/v1/purchase-requests",
      "/api/v1/purchase-requests/{code}",
      "/api/v1/purchase-requests/{code}/matches",
    ]);
    expect(paths["/api/v1/products"]?.get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "q",
        "category",
        "commune",
        "ocop_min",
        "certification",
        "price_min",
        "price_max",
        "sort",
        "page",
        "per_page",
      ]),
    );
  });
});
