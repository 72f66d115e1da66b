import { and, asc, count, eq } from "drizzle-orm";
import { bankByBin } from "~/lib/banks";
import { Forbidden, Invalid, NotFound } from "~/lib/errors";
import type { ProducerBankInput } from "~/lib/schemas/bank";
import { MAX_PRODUCER_IMAGES, type ProducerProfileInput } from "~/lib/schemas/listing";
import { stripControls } from "~/lib/text";
import type { Actor } from "~/modules/auth/actor";
import { deleteStoredImage, storeImage } from "~/modules/images/store.server";
import { notify } from "~/modules/notifications/notify.server";
import { writeAudit } from "~/modules/platform/audit.server";
import type { Db } from "~db/client.server";
import { producerImages, producerMemberships, producers } from "~db/schema";
import { findOwnedProducer, userIdOf } from "./shared.server";
import { refuseInAssistedMode } from "~/modules/assist/guard.server";

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

/** Saves the story, address, contact, delivery fee and pickup hours (the bank account: `updateProducerBank`). */
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
      showPhone: input.showPhone,
      email: input.email,
      deliveryFeeVnd: input.deliveryFeeVnd,
      pickupHours: input.pickupHours,
      updatedAt: new Date(),
    })
    .where(eq(producers.id, producerId))
    .run();
}

/** Whether the actor is an owner of the producer (members may not change where money goes). */
export function isProducerOwner(actor: Actor, producerId: number): boolean {
  return (
    actor.kind === "user" &&
    actor.producers.some((p) => p.producerId === producerId && p.role === "owner")
  );
}

/** The last four digits, for messages that must not carry the whole account number. */
function lastDigits(accountNumber: string | null): string {
  return accountNumber ? `…${accountNumber.slice(-4)}` : "—";
}

/**
 * Changes the account buyers' transfers go to. Only an owner of the producer may (a member
 * gets 403): the change is audited with before and after, and every owner is told (in the
 * app and by e-mail), so a change she did not make does not go unnoticed.
 */
export function updateProducerBank(
  db: Db,
  actor: Actor,
  producerId: number,
  input: ProducerBankInput,
  options: { ipAddress?: string | null } = {},
): { changed: boolean } {
  // Never in assisted mode: staff do not change where the producer's money goes.
  refuseInAssistedMode(actor);
  const producer = findOwnedProducer(db, actor, producerId);
  if (!isProducerOwner(actor, producerId)) throw new Forbidden("listingtools.bank.error.ownerOnly");
  const userId = userIdOf(actor);
  const before = {
    bankBin: producer.bankBin,
    bankAccountNumber: producer.bankAccountNumber,
    bankAccountName: producer.bankAccountName,
  };
  const after = {
    bankBin: input.bankBin,
    bankAccountNumber: input.bankAccountNumber,
    bankAccountName: input.bankAccountName,
  };
  if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false };
  db.transaction(() => {
    db.update(producers)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(producers.id, producerId))
      .run();
    writeAudit(db, {
      actorUserId: userId,
      action: "producer.bank_changed",
      entityType: "producer",
      entityId: producerId,
      orgUnitId: producer.orgUnitId,
      before,
      after,
      ipAddress: options.ipAddress ?? null,
    });
    const owners = db
      .select({ userId: producerMemberships.userId })
      .from(producerMemberships)
      .where(
        and(eq(producerMemberships.producerId, producerId), eq(producerMemberships.role, "owner")),
      )
      .all();
    const bank = bankByBin(input.bankBin);
    notify(db, {
      recipients: { userIds: owners.map((owner) => owner.userId) },
      kind: "producer.bank_changed",
      message: {
        key: input.bankBin ? "listingtools.notice.bankChanged" : "listingtools.notice.bankRemoved",
        params: {
          producer: producer.name,
          by: actor.kind === "user" ? actor.displayName : "",
          bank: bank?.shortName ?? input.bankBin ?? "",
          account: lastDigits(input.bankAccountNumber),
        },
      },
      link: "/ban-hang/ho-so",
      via: ["email"],
    });
  });
  return { changed: true };
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
