import { and, desc, eq, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { getListingRatings, type ListingRating } from "~/modules/orders/reviews.server";
import { preparedQuery, type Db } from "~db/client.server";
import { buyerProfiles, listings, orgUnits, producers } from "~db/schema";
import { cardQuery, validOcopStars, type ProductCard } from "./queries.server";
import { isVisibleListing } from "./visibility.server";

/** A product card on the home page, with its rating (null before anyone rated it). */
export type HomeProductCard = ProductCard & { rating: ListingRating | null };

export interface HomeSections {
  /** Products with a valid OCOP certificate, most stars first. */
  ocop: HomeProductCard[];
  newest: HomeProductCard[];
  /** The signed-in buyer's province and its producers' products; null when it has none. */
  province: { name: string; products: HomeProductCard[] } | null;
}

// The home page's reads, prepared once per connection (docs/decisions/034-speed-pages.md).
const provinceOfBuyer = (db: Db) =>
  db
    .select({ province: buyerProfiles.province })
    .from(buyerProfiles)
    .where(eq(buyerProfiles.userId, sql.placeholder("userId")))
    .prepare();

const ocopCards = (db: Db) => {
  const ocopStars = validOcopStars(sql.placeholder("today"));
  return cardQuery(db, sql.placeholder("today"))
    .where(and(isVisibleListing, sql`${ocopStars} > 0`))
    .orderBy(desc(ocopStars), desc(listings.publishedAt), desc(listings.id))
    .limit(sql.placeholder("limit"))
    .prepare();
};

const newestCards = (db: Db) =>
  cardQuery(db, sql.placeholder("today"))
    .where(isVisibleListing)
    .orderBy(desc(listings.publishedAt), desc(listings.id))
    .limit(sql.placeholder("limit"))
    .prepare();

const provinceCards = (db: Db) =>
  cardQuery(db, sql.placeholder("today"))
    .where(
      and(
        isVisibleListing,
        sql`${producers.orgUnitId} in (select u.id from ${orgUnits} u join ${orgUnits} p
          on p.level = 'province' and p.name like ${sql.placeholder("provincePattern")}
          and u.path like p.path || '%')`,
      ),
    )
    .orderBy(desc(listings.publishedAt), desc(listings.id))
    .limit(sql.placeholder("limit"))
    .prepare();

/** The province a buyer gave in her profile, or null (no profile, or no province given). */
function buyerProvince(db: Db, buyerUserId: number): string | null {
  const row = preparedQuery(db, provinceOfBuyer).get({ userId: buyerUserId });
  return row?.province?.trim() || null;
}

/**
 * The product sections of the home page: one query per section, `limit` cards each, and
 * one grouped query for all their ratings, so the page stays light on a phone. The
 * province section is for a signed-in buyer whose profile names a province the platform
 * covers (a province-level org unit whose name ends with it, "Hội LHPN tỉnh Quảng Trị").
 */
export function getHomeSections(
  db: Db,
  {
    buyerUserId = null,
    limit = 8,
    today = vietnamToday(),
  }: { buyerUserId?: number | null; limit?: number; today?: string } = {},
): HomeSections {
  const ocop = preparedQuery(db, ocopCards).all({ today, limit });
  const newest = preparedQuery(db, newestCards).all({ today, limit });
  const provinceName = buyerUserId === null ? null : buyerProvince(db, buyerUserId);
  const provinceProducts = provinceName
    ? preparedQuery(db, provinceCards).all({ today, limit, provincePattern: `%${provinceName}` })
    : [];
  const ratings = getListingRatings(
    db,
    [...ocop, ...newest, ...provinceProducts].map((card) => card.id),
  );
  const rated = (cards: ProductCard[]) =>
    cards.map((card) => ({ ...card, rating: ratings.get(card.id) ?? null }));
  return {
    ocop: rated(ocop),
    newest: rated(newest),
    province:
      provinceName && provinceProducts.length > 0
        ? { name: provinceName, products: rated(provinceProducts) }
        : null,
  };
}
