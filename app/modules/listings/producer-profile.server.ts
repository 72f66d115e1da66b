import { and, asc, count, eq } from "drizzle-orm";
import { Invalid, NotFound } from "~/lib/errors";
import { MAX_PRODUCER_IMAGES, type ProducerProfileInput } from "~/lib/schemas/listing";
import { stripControls } from "~/lib/text";
import type { Actor } from "~/modules/auth/actor";
import { deleteStoredImage, storeImage } from "~/modules/images/store.server";
import type { Db } from "~db/client.server";
import { producerImages, producers } from "~db/schema";
import { findOwnedProducer } from "./shared.server";

/** A producer's photos in their order (the workspace profile and the moderator's review). */
export function producerPhotoRows(db: Db, producerId: number) {
  return db
    .select()
    .from(producerImages)
    .where(eq(producerImages.producerId, producerId))
    .orderBy(asc(producerImages.position), asc(producerImages.id))
    .all();
}

/** The profile form of one of the actor's producers, with its photos. */
export function getProducerProfile(db: Db, actor: Actor, producerId: number) {
  const producer = findOwnedProducer(db, actor, producerId);
  return { producer, images: producerPhotoRows(db, producerId) };
}

/** Saves the story, address, contact, bank account and delivery fee. */
export function updateProducerProfile(
  db: Db,
  actor: Actor,
  producerId: number,
  input: ProducerProfileInput,
): void {
  findOwnedProducer(db, actor, producerId);
  db.update(producers)
    .set({
      story: input.story,
      address: input.address,
      phone: input.phone,
      email: input.email,
      bankBin: input.bankBin,
      bankAccountNumber: input.bankAccountNumber,
      bankAccountName: input.bankAccountName,
      deliveryFeeVnd: input.deliveryFeeVnd,
      updatedAt: new Date(),
    })
    .where(eq(producers.id, producerId))
    .run();
}

/** Adds a photo of the producer (people, workshop) through the image pipeline. */
export async function addProducerImage(
  db: Db,
  actor: Actor,
  producerId: number,
  bytes: Uint8Array,
  alt?: string,
): Promise<number> {
  const producer = findOwnedProducer(db, actor, producerId);
  const countImages = () =>
    db
      .select({ n: count() })
      .from(producerImages)
      .where(eq(producerImages.producerId, producerId))
      .get()?.n ?? 0;
  const tooMany = () =>
    new Invalid("profile.error.tooManyPhotos", { max: MAX_PRODUCER_IMAGES }, { field: "image" });
  if (countImages() >= MAX_PRODUCER_IMAGES) throw tooMany();
  const stored = await storeImage(bytes);
  try {
    return db.transaction(() => {
      const n = countImages();
      if (n >= MAX_PRODUCER_IMAGES) throw tooMany();
      return db
        .insert(producerImages)
        .values({
          producerId,
          storageKey: stored.storageKey,
          width: stored.width,
          height: stored.height,
          placeholder: stored.placeholder,
          alt: stripControls(alt ?? "").slice(0, 200) || producer.name,
          position: n,
        })
        .returning({ id: producerImages.id })
        .get().id;
    });
  } catch (error) {
    await deleteStoredImage(stored.storageKey);
    throw error;
  }
}

/** Removes one of the producer's photos (row and files). */
export async function deleteProducerImage(
  db: Db,
  actor: Actor,
  producerId: number,
  imageId: number,
): Promise<void> {
  findOwnedProducer(db, actor, producerId);
  const removed = db
    .delete(producerImages)
    .where(and(eq(producerImages.id, imageId), eq(producerImages.producerId, producerId)))
    .returning({ storageKey: producerImages.storageKey })
    .get();
  if (!removed) throw new NotFound("images.error.notFound");
  await deleteStoredImage(removed.storageKey);
}
