import { asc, eq, sql } from "drizzle-orm";
import {
  getProducerByCode,
  getPublishedListingBySlug,
  type ListingBySlug,
} from "~/modules/catalog/queries.server";
import { preparedQuery, type Db } from "~db/client.server";
import { producerImages, producers } from "~db/schema";

/**
 * The public pages' extras from the supply side: the producer's story and photos. Visibility
 * rules stay in the catalog queries this wraps.
 */

// The product and producer pages' reads, prepared once per connection
// (docs/decisions/034-speed-pages.md).
const producerPhotosOf = (db: Db) =>
  db
    .select({
      storageKey: producerImages.storageKey,
      width: producerImages.width,
      height: producerImages.height,
      placeholder: producerImages.placeholder,
      alt: producerImages.alt,
    })
    .from(producerImages)
    .where(eq(producerImages.producerId, sql.placeholder("producerId")))
    .orderBy(asc(producerImages.position), asc(producerImages.id))
    .prepare();

const producerStoryOf = (db: Db) =>
  db
    .select({ id: producers.id, story: producers.story })
    .from(producers)
    .where(eq(producers.code, sql.placeholder("code")))
    .prepare();

function producerPhotos(db: Db, producerId: number) {
  return preparedQuery(db, producerPhotosOf).all({ producerId });
}

/** A product page: the catalog's visible listing plus its gallery and producer story. */
export function getProductPage(db: Db, slug: string) {
  const found: ListingBySlug | null = getPublishedListingBySlug(db, slug);
  if (!found || found.kind === "moved") return found;
  const { listing } = found;
  // The listing's public photos are the gallery: read once, by the catalog query.
  const gallery = listing.images;
  const producer = preparedQuery(db, producerStoryOf).get({ code: listing.producerCode });
  return {
    kind: "found" as const,
    listing,
    gallery,
    producerStory: producer?.story ?? "",
    producerPhoto: producer ? (producerPhotos(db, producer.id)[0] ?? null) : null,
  };
}

/** A producer's public page with its photos. */
export function getProducerPage(db: Db, code: string) {
  const page = getProducerByCode(db, code);
  if (!page) return null;
  return { ...page, photos: producerPhotos(db, page.producer.id) };
}
