import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getHomeSections } from "~/modules/catalog/home-sections.server";
import {
  getListingSkuSlug,
  getProducerByCode,
  getPublishedListingBySlug,
  listCategoriesWithCounts,
  listNewestProducts,
  listTopCategories,
} from "~/modules/catalog/queries.server";
import {
  buyerProfiles,
  categories,
  listingCertifications,
  listingImages,
  listings,
  listingSlugHistory,
  orgUnits,
  producers,
  users,
} from "~db/schema";
import { freshDb, type Db } from "../helpers/db";

const TODAY = "2026-12-01";

/**
 * A small catalog: two top categories (one with a subcategory), a verified producer with
 * listings in every state, and a pending producer whose published listing must stay hidden.
 */
function seedCatalog(db: Db) {
  db.insert(orgUnits)
    .values({ id: 1, code: "QT", name: "Hội LHPN tỉnh", level: "province", path: "/1/" })
    .run();
  db.insert(categories)
    .values([
      { id: 1, code: "gia-vi", nameVi: "Gia vị", nameEn: "Spices", position: 2 },
      { id: 2, code: "ho-tieu", nameVi: "Hồ tiêu", nameEn: "Pepper", parentId: 1, position: 0 },
      { id: 3, code: "do-uong", nameVi: "Đồ uống", nameEn: "Drinks", position: 1 },
    ])
    .run();
  const producer = {
    kind: "htx" as const,
    orgUnitId: 1,
    address: "thôn 1",
    membersTotal: 10,
    membersWomen: 8,
  };
  db.insert(producers)
    .values([
      {
        id: 1,
        code: "SX001",
        name: "HTX Hồ tiêu",
        commune: "xã Vĩnh Linh",
        verificationStatus: "verified",
        story: "Chị em trồng tiêu.",
        ...producer,
      },
      {
        id: 2,
        code: "SX002",
        name: "Tổ Đậu đen",
        commune: "xã Đakrông",
        verificationStatus: "pending",
        ...producer,
      },
    ])
    .run();
  const listing = (
    id: number,
    values: Partial<typeof listings.$inferInsert> & { title: string; status: string },
  ) => ({
    id,
    sku: `SP${String(id).padStart(4, "0")}`,
    slug: `slug-${id}`,
    producerId: 1,
    categoryId: 2,
    priceVnd: 100_000,
    unit: "kg" as const,
    stock: 5,
    publishedAt: values.status === "published" ? new Date(Date.UTC(2026, 10, id)) : null,
    ...values,
    status: values.status as (typeof listings.$inferInsert)["status"],
  });
  db.insert(listings)
    .values([
      listing(1, {
        title: "Hồ tiêu đen Vĩnh Linh",
        status: "published",
        ocopStars: 4,
        ocopCertificateNo: "QT-OCOP-1",
        ocopIssuedOn: "2025-01-01",
        ocopExpiresOn: "2028-01-01",
      }),
      listing(2, {
        title: "Đậu đen xanh lòng",
        status: "published",
        categoryId: 3,
        ocopStars: 3,
        ocopCertificateNo: "QT-OCOP-2",
        ocopIssuedOn: "2023-01-01",
        ocopExpiresOn: "2026-11-30",
      }),
      listing(3, {
        title: "Tiêu xanh",
        status: "published",
        ocopStars: 5,
        ocopCertificateNo: "QT-OCOP-3",
        ocopIssuedOn: "2025-01-01",
        ocopExpiresOn: "2028-01-01",
        ocopBadgeHidden: true,
        stock: 0,
      }),
      listing(4, { title: "Tiêu nháp", status: "draft" }),
      listing(5, { title: "Tiêu chờ duyệt", status: "pending" }),
      listing(6, { title: "Đậu đen Đakrông", status: "published", producerId: 2 }),
      listing(7, { title: "Tiêu lưu trữ", status: "archived" }),
    ])
    .run();
  db.insert(listingSlugHistory).values({ slug: "ten-cu", listingId: 1 }).run();
  db.insert(listingSlugHistory).values({ slug: "ten-cu-an", listingId: 6 }).run();
  db.insert(listingCertifications)
    .values([
      { listingId: 1, kind: "VietGAP", certificateNo: "VG-1", expiresOn: "2027-06-01" },
      { listingId: 1, kind: "HACCP", certificateNo: "H-1", expiresOn: "2026-01-01" },
    ])
    .run();
  db.insert(listingImages)
    .values([
      {
        listingId: 1,
        storageKey: "a".repeat(32),
        position: 1,
        isCover: true,
        width: 800,
        height: 600,
        placeholder: "data:,",
      },
      {
        listingId: 1,
        storageKey: "b".repeat(32),
        position: 0,
        width: 800,
        height: 600,
        placeholder: "data:,",
      },
    ])
    .run();
}

describe("catalog queries", () => {
  let db: Db;
  beforeEach(() => {
    db = freshDb();
    seedCatalog(db);
  });

  it("lists top-level categories in menu order", () => {
    expect(listTopCategories(db).map((c) => c.code)).toEqual(["do-uong", "gia-vi"]);
  });

  it("counts visible listings per category, subcategories included", () => {
    const counts = Object.fromEntries(
      listCategoriesWithCounts(db).map((c) => [c.code, c.listingCount]),
    );
    // Listings 1 and 3 are in ho-tieu (under gia-vi); 2 in do-uong; 6 belongs to a pending producer.
    expect(counts).toEqual({ "ho-tieu": 2, "gia-vi": 2, "do-uong": 1 });
  });

  it("lists the newest published listings of verified producers only", () => {
    const products = listNewestProducts(db, { limit: 10, today: TODAY });
    expect(products.map((p) => p.sku)).toEqual(["SP0003", "SP0002", "SP0001"]);
    const pepper = products.find((p) => p.sku === "SP0001");
    expect(pepper).toMatchObject({
      producerName: "HTX Hồ tiêu",
      commune: "xã Vĩnh Linh",
      categoryNameVi: "Hồ tiêu",
      priceVnd: 100_000,
      unit: "kg",
      ocopStars: 4,
      coverKey: "a".repeat(32),
    });
  });

  it("shows no OCOP stars when the badge is hidden or the certificate lapsed", () => {
    const stars = Object.fromEntries(
      listNewestProducts(db, { today: TODAY }).map((p) => [p.sku, p.ocopStars]),
    );
    expect(stars).toEqual({ SP0001: 4, SP0002: 0, SP0003: 0 });
  });

  it("honours the limit", () => {
    expect(listNewestProducts(db, { limit: 2, today: TODAY })).toHaveLength(2);
  });

  it("finds a published listing by slug with its valid certifications and photos", () => {
    const found = getPublishedListingBySlug(db, "slug-1", TODAY);
    expect(found?.kind).toBe("found");
    if (found?.kind !== "found") return;
    expect(found.listing.title).toBe("Hồ tiêu đen Vĩnh Linh");
    expect(found.listing.ocop).toEqual({
      stars: 4,
      certificateNo: "QT-OCOP-1",
      expiresOn: "2028-01-01",
    });
    // HACCP lapsed on 2026-01-01, so the page no longer claims it.
    expect(found.listing.certifications.map((c) => c.kind)).toEqual(["VietGAP"]);
    expect(found.listing.images.map((i) => i.storageKey)).toEqual(["a".repeat(32), "b".repeat(32)]);
  });

  it("has no OCOP block for an expired certificate", () => {
    const found = getPublishedListingBySlug(db, "slug-2", TODAY);
    expect(found?.kind === "found" && found.listing.ocop).toBeNull();
  });

  it("answers an old slug with the current one", () => {
    expect(getPublishedListingBySlug(db, "ten-cu", TODAY)).toEqual({
      kind: "moved",
      slug: "slug-1",
    });
  });

  it("hides drafts, pending, archived listings and listings of unverified producers", () => {
    for (const slug of ["slug-4", "slug-5", "slug-6", "slug-7", "ten-cu-an", "khong-co"]) {
      expect(getPublishedListingBySlug(db, slug, TODAY), slug).toBeNull();
    }
  });

  it("resolves a SKU to the current slug of a visible listing", () => {
    expect(getListingSkuSlug(db, "SP0001")).toBe("slug-1");
    expect(getListingSkuSlug(db, "sp0001")).toBe("slug-1");
    expect(getListingSkuSlug(db, "SP0004")).toBeNull();
    expect(getListingSkuSlug(db, "SP0006")).toBeNull();
    expect(getListingSkuSlug(db, "SP9999")).toBeNull();
  });

  it("shows a verified producer with its published listings only", () => {
    const page = getProducerByCode(db, "SX001", TODAY);
    expect(page?.producer).toMatchObject({ name: "HTX Hồ tiêu", membersWomen: 8 });
    expect(page?.listings.map((l) => l.sku).sort()).toEqual(["SP0001", "SP0002", "SP0003"]);
  });

  it("does not show a producer that is not verified", () => {
    expect(getProducerByCode(db, "SX002", TODAY)).toBeNull();
    expect(getProducerByCode(db, "SX999", TODAY)).toBeNull();
  });

  it("fills the home sections in their order, each card with its cover, and only visible listings", () => {
    const sections = getHomeSections(db, { today: TODAY });
    // OCOP: only listing 1 (2's certificate lapsed, 3's badge is hidden, 6's producer is pending).
    expect(sections.ocop.map((card) => card.sku)).toEqual(["SP0001"]);
    expect(sections.newest.map((card) => card.sku)).toEqual(["SP0003", "SP0002", "SP0001"]);
    expect(sections.newest[2]).toMatchObject({
      coverKey: "a".repeat(32),
      ocopStars: 4,
      rating: null,
    });
    expect(sections.province).toBeNull();
    expect(getHomeSections(db, { today: TODAY, limit: 2 }).newest.map((c) => c.sku)).toEqual([
      "SP0003",
      "SP0002",
    ]);
    // A buyer whose profile names the province: the same cards, from its producers.
    db.update(orgUnits).set({ name: "Hội LHPN tỉnh Quảng Trị" }).where(eq(orgUnits.id, 1)).run();
    const buyer = db
      .insert(users)
      .values({ email: "home@test.local", passwordHash: "-", displayName: "Người mua" })
      .returning({ id: users.id })
      .get();
    db.insert(buyerProfiles).values({ userId: buyer.id, province: "Quảng Trị" }).run();
    const signedIn = getHomeSections(db, { today: TODAY, buyerUserId: buyer.id });
    expect(signedIn.province?.name).toBe("Quảng Trị");
    expect(signedIn.province?.products).toEqual(signedIn.newest);
  });
});
