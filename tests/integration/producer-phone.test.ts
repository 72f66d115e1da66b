import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { zaloNumber } from "~/components/producer-phone";
import { ProducerProfileSchema } from "~/lib/schemas/listing";
import { getProducerByCode, getPublishedListingBySlug } from "~/modules/catalog/queries.server";
import { updateProducerProfile } from "~/modules/listings/producer-profile.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { buyerOrderView } from "~/modules/orders/views.server";
import { freshDb } from "../helpers/db";
import { makeMarket, newKey, SHIPPING } from "../helpers/market";

/**
 * Issue 14, reaching the producer: her phone (with its Zalo link) is on the public producer
 * and product pages as she chose in her profile; when she hides it, the public pages drop it
 * and her buyers still read it on their order page.
 */

const PHONE = "0912345678";

/** The profile form as a browser without JavaScript sends it (the checkbox absent when unticked). */
function profileForm(showPhone: boolean) {
  const form = new FormData();
  form.set("intent", "profile");
  form.set("address", "thôn 1, xã Test");
  form.set("phone", "0912 345 678");
  form.set("deliveryFeeVnd", "30000");
  if (showPhone) form.set("showPhone", "on");
  const submission = parseWithZod(form, { schema: ProducerProfileSchema });
  if (submission.status !== "success") throw new Error("the profile form was refused");
  return submission.value;
}

describe("the producer's phone", () => {
  it("is public when she shows it, and stays on her buyers' order pages when she hides it", async () => {
    const db = freshDb();
    const m = makeMarket(db);
    const order = placeOrder(db, {
      buyerUserId: m.buyer.id,
      items: [{ sku: "SP0001", qty: 1 }],
      shipping: SHIPPING,
      paymentMethod: "cod",
      idempotency: { scope: "t", key: newKey() },
    }).orders[0]!;

    updateProducerProfile(db, m.actors.memberA, m.producerA.id, profileForm(true));
    expect(getProducerByCode(db, "SXA")?.producer.phone).toBe(PHONE);
    const shown = getPublishedListingBySlug(db, "san-pham-sp0001");
    expect(shown?.kind === "found" ? shown.listing.producerPhone : "missing").toBe(PHONE);
    expect((await buyerOrderView(db, m.buyer.id, order.id)).contactPhone).toBe(PHONE);

    updateProducerProfile(db, m.actors.memberA, m.producerA.id, profileForm(false));
    expect(getProducerByCode(db, "SXA")?.producer.phone).toBeNull();
    const hidden = getPublishedListingBySlug(db, "san-pham-sp0001");
    expect(hidden?.kind === "found" ? hidden.listing.producerPhone : "missing").toBeNull();
    expect((await buyerOrderView(db, m.buyer.id, order.id)).contactPhone).toBe(PHONE);
  });

  it("links Zalo with the number as Zalo wants it (0…, also from +84…)", () => {
    expect(zaloNumber("0912345678")).toBe("0912345678");
    expect(zaloNumber("+84912345678")).toBe("0912345678");
  });
});
