import { and, asc, eq } from "drizzle-orm";
import { actorForUser } from "~/modules/auth/session.server";
import type { ListingInput } from "~/lib/schemas/listing";
import type { Db } from "~db/client.server";
import {
  categories,
  listingCertifications,
  listings,
  producerMemberships,
  producers,
} from "~db/schema";
import { createListing, updateListing } from "./lifecycle.server";

/** The demo producer whose account is printed at start-up (db/seed/demo-accounts.ts). */
const DEMO_PRODUCER_CODE = "SX001";
/** The published listing of that producer that gets an edit under review. */
const REVISED_SKU = "SP0003";

const NEW_LISTINGS = [
  {
    title: "Tiêu xanh ngâm nước mắm Vĩnh Linh hũ 300g",
    description:
      "Chùm tiêu xanh hái non, ngâm nước mắm nhĩ cùng tỏi ớt theo cách làm của chị em trong tổ. Dùng chấm thịt luộc, cá hấp; bảo quản ngăn mát sau khi mở nắp.",
    priceVnd: 85_000,
    unit: "hũ" as const,
    stock: 40,
    tags: ["tiêu xanh", "đặc sản", "quà biếu"],
  },
  {
    title: "Bột tiêu đen Vĩnh Linh gói 100g",
    description:
      "Tiêu đen loại một xay mịn ngay trong ngày đóng gói, thơm nồng, không pha trộn. Gói zip giữ hương lâu, tiện cho bếp gia đình và quán ăn.",
    priceVnd: 38_000,
    unit: "gói" as const,
    stock: 120,
    tags: ["bột tiêu", "gia vị"],
  },
];

/**
 * Gives the demo Union staff something to moderate: the demo producer sends two new
 * listings for review and edits the description of a published one (a revision), through
 * the same functions the producer workspace uses, so audit, search and notifications are
 * as real as the rest. Demo mode only, right after seeding; without the demo producer
 * account it does nothing.
 */
export async function createDemoModerationWork(
  db: Db,
): Promise<{ listings: number; revisions: number }> {
  const member = db
    .select({ userId: producerMemberships.userId, producerId: producers.id })
    .from(producerMemberships)
    .innerJoin(producers, eq(producers.id, producerMemberships.producerId))
    .where(eq(producers.code, DEMO_PRODUCER_CODE))
    .orderBy(asc(producerMemberships.userId))
    .get();
  const actor = member ? actorForUser(db, member.userId) : null;
  if (!member || !actor) return { listings: 0, revisions: 0 };

  const pepper = db
    .select({ id: categories.id })
    .from(categories)
    .where(eq(categories.code, "ho-tieu"))
    .get();
  let created = 0;
  if (pepper) {
    for (const listing of NEW_LISTINGS) {
      createListing(
        db,
        actor,
        member.producerId,
        {
          ...listing,
          categoryId: pepper.id,
          minOrderQty: 1,
          season: "quanh năm",
          ocopStars: 0,
          ocopCertificateNo: null,
          ocopIssuedOn: null,
          ocopExpiresOn: null,
          certifications: [],
        },
        { submit: true },
      );
      created++;
    }
  }

  const published = db
    .select()
    .from(listings)
    .where(and(eq(listings.sku, REVISED_SKU), eq(listings.producerId, member.producerId)))
    .get();
  if (!published || published.status !== "published") return { listings: created, revisions: 0 };
  const certifications = db
    .select()
    .from(listingCertifications)
    .where(eq(listingCertifications.listingId, published.id))
    .all();
  const input: ListingInput = {
    title: published.title,
    description: `${published.description}\n\nTừ vụ này tổ đóng thêm túi giấy kraft có cửa sổ, in mã QR truy xuất nguồn gốc.`,
    categoryId: published.categoryId,
    priceVnd: published.priceVnd,
    unit: published.unit,
    minOrderQty: published.minOrderQty,
    stock: published.stock,
    season: published.season,
    tags: published.tags,
    ocopStars: published.ocopStars,
    ocopCertificateNo: published.ocopCertificateNo,
    ocopIssuedOn: published.ocopIssuedOn,
    ocopExpiresOn: published.ocopExpiresOn,
    certifications: certifications.map(({ kind, certificateNo, issuedOn, expiresOn }) => ({
      kind,
      certificateNo,
      issuedOn,
      expiresOn,
    })),
  };
  const { revisionPending } = await updateListing(db, actor, REVISED_SKU, input);
  return { listings: created, revisions: revisionPending ? 1 : 0 };
}
