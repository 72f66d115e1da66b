import { DomainError, Invalid } from "~/lib/errors";
import { MAX_LISTING_IMAGES, type ListingInput } from "~/lib/schemas/listing";
import type { Actor } from "~/modules/auth/actor";
import {
  keepPendingImages,
  pendingImages,
  releasePendingImages,
} from "~/modules/images/pending.server";
import type { StoredImage } from "~/modules/images/store.server";
import type { Db } from "~db/client.server";
import { listingImages } from "~db/schema";
import { createListing } from "./lifecycle.server";
import { userIdOf } from "./shared.server";

/**
 * Creates a listing with the photos picked on the create form, in one save: the photos wait
 * under `photoToken` (images/pending.server.ts) and become the listing's in the same
 * transaction as the listing itself, the first as its cover. If the save fails they keep
 * waiting, so the producer does not pick them again.
 */
export async function createListingWithPhotos(
  db: Db,
  actor: Actor,
  producerId: number,
  input: ListingInput,
  photoToken: string | null,
  options: { submit?: boolean } = {},
): Promise<{ id: number; sku: string; slug: string }> {
  const photos = (await pendingImages(userIdOf(actor), photoToken)).slice(0, MAX_LISTING_IMAGES);
  const created = db.transaction(() => {
    const listing = createListing(db, actor, producerId, input, options);
    photos.forEach((photo, position) => {
      db.insert(listingImages)
        .values({
          listingId: listing.id,
          storageKey: photo.storageKey,
          width: photo.width,
          height: photo.height,
          placeholder: photo.placeholder,
          alt: input.title,
          position,
          isCover: position === 0,
        })
        .run();
    });
    return listing;
  });
  if (photoToken) await releasePendingImages(photoToken);
  return created;
}

/** The create form's photos after one submit: where they wait, and why one was left out. */
export interface PickedPhotos {
  token: string;
  images: StoredImage[];
  error: DomainError | null;
}

/**
 * Takes the photos of a create-form submit: the files just picked (`photos`) through the
 * image pipeline, plus those kept from the submit before (`photoToken`, `keepPhoto`), at most
 * MAX_LISTING_IMAGES. A refused file or one too many is reported, the others are kept.
 */
export async function keepPickedPhotos(actor: Actor, form: FormData): Promise<PickedPhotos> {
  // The Files themselves, not their bytes: the pipeline reads each upload from disk in turn.
  const files = form
    .getAll("photos")
    .filter((value): value is File => typeof value !== "string" && value.size > 0);
  const token = form.get("photoToken");
  const kept = await keepPendingImages(
    userIdOf(actor),
    typeof token === "string" && token ? token : null,
    form.getAll("keepPhoto").filter((key): key is string => typeof key === "string"),
    files,
    MAX_LISTING_IMAGES,
  );
  const [refused] = kept.refused;
  if (refused !== undefined && !(refused instanceof DomainError)) throw refused;
  const error =
    refused ??
    (kept.overMax
      ? new Invalid("images.error.tooMany", { max: MAX_LISTING_IMAGES }, { field: "photos" })
      : null);
  return { token: kept.token, images: kept.images, error };
}
