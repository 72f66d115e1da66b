import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addListingImage } from "~/modules/listings/images.server";
import { createListing, updateListing } from "~/modules/listings/lifecycle.server";
import { getProducerPage, getProductPage } from "~/modules/listings/public.server";
import { productQrSvg } from "~/modules/listings/qr.server";
import { decideListing, decideRevision } from "~/modules/moderation/decisions.server";
import { setDbForTests } from "~/modules/platform/db.server";
import { listingRevisions } from "~db/schema";
import { freshDb } from "../helpers/db";
import { plainPng } from "../helpers/images";
import { buildSupplyWorld, listingInput, type SupplyWorld } from "../helpers/supply";

const root = mkdtempSync(join(tmpdir(), "cung-cau-public-"));
process.env.UPLOADS_DIR = root;
process.env.PUBLIC_URL = "https://cungcau.example.vn";
afterAll(() => rmSync(root, { recursive: true, force: true }));

const db = freshDb();
let w: SupplyWorld;
let sku = "";
let draftSku = "";
const approve = { intent: "approve", reason: null } as const;
const ocop = {
  ocopStars: 4,
  ocopCertificateNo: "QT-OCOP-2025-009",
  ocopIssuedOn: "2025-01-01",
  ocopExpiresOn: "2099-01-01",
};

beforeAll(async () => {
  setDbForTests(db);
  w = buildSupplyWorld(db);
  const created = createListing(db, w.producer, w.producerA.id, listingInput(w.categoryId, ocop), {
    submit: true,
  });
  sku = created.sku;
  await addListingImage(db, w.producer, sku, await plainPng(1200, 900), "Gói tiêu trên bàn");
  await addListingImage(db, w.producer, sku, await plainPng(900, 900));
  decideListing(db, w.communeStaff, created.id, approve);
  draftSku = createListing(
    db,
    w.producer,
    w.producerA.id,
    listingInput(w.categoryId, { title: "Nháp" }),
  ).sku;
});

describe("public product page", () => {
  it("has the gallery with placeholders, the producer story, and follows old slugs", async () => {
    const first = getProductPage(db, "ho-tieu-den-con-tien-500g-sp0001");
    expect(first?.kind).toBe("found");
    if (first?.kind !== "found") return;
    expect(first.gallery).toHaveLength(2);
    expect(first.gallery[0]).toMatchObject({ width: 1200, height: 900, alt: "Gói tiêu trên bàn" });
    expect(first.gallery.every((image) => image.placeholder.startsWith("data:image/webp"))).toBe(
      true,
    );
    expect(first.listing.ocop?.stars).toBe(4);

    await updateListing(
      db,
      w.producer,
      sku,
      listingInput(w.categoryId, { ...ocop, title: "Hồ tiêu đen hạt to" }),
    );
    const revision = db.select().from(listingRevisions).get();
    await decideRevision(db, w.communeStaff, revision?.id ?? 0, approve);
    expect(getProductPage(db, "ho-tieu-den-con-tien-500g-sp0001")).toEqual({
      kind: "moved",
      slug: "ho-tieu-den-hat-to-sp0001",
    });
    // A title change leaves the (still valid) OCOP badge as it was.
    const renamed = getProductPage(db, "ho-tieu-den-hat-to-sp0001");
    expect(renamed?.kind === "found" && renamed.listing.ocop?.stars).toBe(4);
  });

  it("answers with Open Graph tags and JSON-LD data built from PUBLIC_URL", async () => {
    const route = await import("~/routes/san-pham.$slug");
    const data = (await route.loader({
      request: new Request("http://localhost/san-pham/ho-tieu-den-hat-to-sp0001"),
      params: { slug: "ho-tieu-den-hat-to-sp0001" },
      context: { clientIp: "127.0.0.1" },
    })) as Awaited<ReturnType<typeof route.loader>>;
    expect(data.origin).toBe("https://cungcau.example.vn");
    const meta = route.meta({
      data,
      matches: [{ id: "root", data: { locale: "vi" } }],
    } as unknown as Parameters<typeof route.meta>[0]) as Record<string, string>[];
    const og = (property: string) => meta.find((tag) => tag.property === property)?.content;
    expect(og("og:type")).toBe("product");
    expect(og("og:url")).toBe("https://cungcau.example.vn/san-pham/ho-tieu-den-hat-to-sp0001");
    expect(og("og:image")).toMatch(
      /^https:\/\/cungcau\.example\.vn\/media\/[a-f0-9]{32}\/1024\.webp$/,
    );
    expect(og("og:title")).toContain("Hồ tiêu đen hạt to");
  });

  it("shows the producer's photos on the producer page", async () => {
    const page = getProducerPage(db, "SX801");
    expect(page?.producer.code).toBe("SX801");
    expect(page?.photos).toEqual([]);
    expect(page?.listings.map((l) => l.sku)).toEqual([sku]);
  });
});

describe("printable QR code", () => {
  it("encodes <PUBLIC_URL>/p/<sku> and hides drafts from everyone but their producer", async () => {
    const svg = await productQrSvg(db, w.anonymous, sku, "https://cungcau.example.vn/");
    const { data, info } = await sharp(Buffer.from(svg))
      .resize(400)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const code = jsQR(new Uint8ClampedArray(data), info.width, info.height);
    expect(code?.data).toBe(`https://cungcau.example.vn/p/${sku}`);

    await expect(productQrSvg(db, w.anonymous, draftSku, "https://x.vn")).rejects.toThrow(
      /Không tìm thấy/,
    );
    await expect(productQrSvg(db, w.otherProducer, draftSku, "https://x.vn")).rejects.toThrow(
      /Không tìm thấy/,
    );
    await expect(productQrSvg(db, w.producer, draftSku, "https://x.vn")).resolves.toContain("<svg");

    const route = await import("~/routes/san-pham.$sku.qr[.]svg");
    const response = (await route.loader({
      request: new Request(`http://localhost/san-pham/${sku}/qr.svg`),
      params: { sku },
      context: { clientIp: "127.0.0.1" },
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(await response.text()).not.toMatch(/<script/i);
  });
});
