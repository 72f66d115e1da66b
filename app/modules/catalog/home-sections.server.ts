import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { getListingRatings, type ListingRating } from "~/modules/orders/reviews.server";
import { inIdOrder, listOf, preparedQuery, type Db } from "~db/client.server";
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

// Each section first ranks the listings' ids, then one query reads the cards of all of them.
// Read in one step, SQLite computed the cover photo and carried every column of a card
// through its sort for each of the 63 certified listings (the OCOP section), not for the 8
// shown: the home page's two card queries cost more than the rest of its reads together.
const listingIdQuery = (db: Db) =>
  db
    .select({ id: listings.id })
    .from(listings)
    .innerJoin(producers, eq(producers.id, listings.producerId));

const ocopIds = (db: Db) => {
  const ocopStars = validOcopStars(sql.placeholder("today"));
  return (
    listingIdQuery(db)
      .where(and(isVisibleListing, sql`${ocopStars} > 0`))
      // Where the stars are valid they are the listing's own: ordered by the column,
      // listings_status_ocop_idx gives the order.
      .orderBy(desc(listings.ocopStars), desc(listings.publishedAt), desc(listings.id))
      .limit(sql.placeholder("limit"))
      .prepare()
  );
};

const newestIds = (db: Db) =>
  listingIdQuery(db)
    .where(isVisibleListing)
    .orderBy(desc(listings.publishedAt), desc(listings.id))
    .limit(sql.placeholder("limit"))
    .prepare();

const provinceIds = (db: Db) =>
  listingIdQuery(db)
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

// The ids come from the visible rankings read just before, in the same synchronous call.
// Checking visibility again here made SQLite walk every published listing and test it
// against the list, instead of looking the few ids up.
const cardsByIds = (db: Db) =>
  cardQuery(db, sql.placeholder("today"))
    .where(inArray(listings.id, listOf("ids")))
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
  const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
  const ocopRanked = ids(preparedQuery(db, ocopIds).all({ today, limit }));
  const newestRanked = ids(preparedQuery(db, newestIds).all({ today, limit }));
  const provinceName = buyerUserId === null ? null : buyerProvince(db, buyerUserId);
  const provinceRanked = provinceName
    ? ids(preparedQuery(db, provinceIds).all({ today, limit, provincePattern: `%${provinceName}` }))
    : [];
  const shown = [...new Set([...ocopRanked, ...newestRanked, ...provinceRanked])];
  const cards = preparedQuery(db, cardsByIds).all({ today, ids: JSON.stringify(shown) });
  const ocop = inIdOrder(ocopRanked, cards);
  const newest = inIdOrder(newestRanked, cards);
  const provinceProducts = inIdOrder(provinceRanked, cards);
  const ratings = getListingRatings(db, shown);
  const rated = (section: ProductCard[]) =>
    section.map((card) => ({ ...card, rating: ratings.get(card.id) ?? null }));
  return {
    ocop: rated(ocop),
    newest: rated(newest),
    province:
      provinceName && provinceProducts.length > 0
        ? { name: provinceName, products: rated(provinceProducts) }
        : null,
  };
}
