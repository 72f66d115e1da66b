import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/lib/i18n";
import { actorForUser } from "~/modules/auth/session.server";
import { addToCart } from "~/modules/orders/cart.server";
import { acceptOrder, shipOrder } from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { openDatabase, type Db } from "~db/client.server";
import { listings, producerMemberships, producers } from "~db/schema";
import { DEMO_PRODUCER_WITHOUT_BANK_ACCOUNT } from "~db/seed/demo-bank-accounts.server";
import { decodeEntities, signInDemoBuyerInEnglish, vietnameseIn } from "../helpers/english";
import { newKey, SHIPPING } from "../helpers/market";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 14's buyer pages on the English interface (real server on the demo database, as a
 * browser without JavaScript gets them): the order page of a delivered-to order that was
 * confirmed and shipped, the order page of a pickup order waiting for a bank transfer, the
 * cart, the checkout and the notifications say nothing from the Vietnamese catalog. Product
 * titles, producers' names and addresses are Vietnamese by nature and are not catalog text.
 */
describe("the buyer's journey pages in English", () => {
  let server: StartedServer;
  let db: Db;
  let cookie = "";
  let buyerId = 0;

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    ({ cookie, buyerId } = await signInDemoBuyerInEnglish(server, db));
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  /** The page as the English buyer gets it, entities decoded. */
  const englishPage = async (path: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
    expect(response.status, path).toBe(200);
    return decodeEntities(await response.text());
  };

  /**
   * The catalog fragments in `page` once the seeded Vietnamese data it shows is taken out:
   * "Hộ kinh doanh Nước mắm Bà Tư Hiền Lương" is a producer's name, though it begins with the
   * catalog's "Hộ kinh doanh" (producerKind.hkd).
   */
  const catalogTextIn = (page: string, seeded: string[]) =>
    vietnameseIn(seeded.reduce((rest, text) => rest.replaceAll(text, ""), page));

  const producerByCode = (code: string) => {
    const producer = db.select().from(producers).where(eq(producers.code, code)).get();
    if (!producer) throw new Error(`no producer ${code}`);
    return producer;
  };
  /** A published product of the producer with stock for a few orders. */
  const productOf = (code: string) => {
    const producer = producerByCode(code);
    const product = db
      .select()
      .from(listings)
      .where(and(eq(listings.producerId, producer.id), eq(listings.status, "published")))
      .all()
      .find((row) => row.stock >= 3 * row.minOrderQty);
    if (!product) throw new Error(`no product of ${code}`);
    return product;
  };
  /** A member of the producer, as the actor her order buttons act as. */
  const memberOf = (code: string) => {
    const membership = db
      .select()
      .from(producerMemberships)
      .where(eq(producerMemberships.producerId, producerByCode(code).id))
      .get();
    const actor = membership ? actorForUser(db, membership.userId) : null;
    if (!actor) throw new Error(`no member of ${code}`);
    return actor;
  };
  const order = (code: string, method: "delivery" | "pickup", payment: "cod" | "bank_transfer") => {
    const product = productOf(code);
    const placed = placeOrder(db, {
      buyerUserId: buyerId,
      items: [{ sku: product.sku, qty: product.minOrderQty }],
      shipping: SHIPPING,
      delivery: { [code]: method },
      paymentMethod: payment,
      idempotency: { scope: "english-journey-pages", key: newKey() },
    }).orders[0];
    if (!placed) throw new Error("no order placed");
    return placed;
  };

  it("shows a confirmed and shipped delivery order in English only", async () => {
    const placed = order("SX001", "delivery", "cod");
    const member = memberOf("SX001");
    acceptOrder(db, member, placed.id);
    shipOrder(db, member, placed.id, new Date(), {
      carrier: "Viettel Post",
      trackingNumber: "VTP-EN-0001",
    });
    const page = await englishPage(`/don-hang/${placed.id}`);
    for (const text of [
      t("en", "order.title", { code: placed.code }),
      t("en", "journey.timeline.title"),
      t("en", "journey.timeline.confirmed"),
      t("en", "journey.timeline.shipped"),
      t("en", "journey.timeline.tracking", { number: "VTP-EN-0001" }),
      t("en", "contact.zalo", { name: producerByCode("SX001").name }),
    ]) {
      expect(page).toContain(text);
    }
    expect(vietnameseIn(page)).toEqual([]);
  });

  it("shows a pickup order waiting for a bank transfer in English only", async () => {
    const placed = order("SX004", "pickup", "bank_transfer");
    const producer = producerByCode("SX004");
    const page = await englishPage(`/don-hang/${placed.id}`);
    for (const text of [
      t("en", "order.title", { code: placed.code }),
      t("en", "journey.timeline.title"),
      t("en", "journey.timeline.placed"),
      t("en", "journey.timeline.notYet"),
      t("en", "transfer.title"),
      t("en", "transfer.qr.save"),
      t("en", "transfer.accountNumber"),
      producer.address,
      ...(producer.pickupHours
        ? [t("en", "checkoutFlow.pickupHours", { hours: producer.pickupHours })]
        : []),
    ]) {
      expect(page).toContain(text);
    }
    expect(vietnameseIn(page)).toEqual([]);
  });

  it("shows the cart and the checkout with goods in English only", async () => {
    const withAccount = productOf("SX001");
    const withoutAccount = productOf(DEMO_PRODUCER_WITHOUT_BANK_ACCOUNT);
    addToCart(db, { userId: buyerId }, withAccount.id, withAccount.minOrderQty);
    addToCart(db, { userId: buyerId }, withoutAccount.id, withoutAccount.minOrderQty);

    const cart = await englishPage("/gio-hang");
    expect(cart).toContain(withAccount.title);
    expect(cart).toContain(withoutAccount.title);
    expect(cart).toContain(t("en", "cart.checkout"));
    const seeded = [producerByCode(DEMO_PRODUCER_WITHOUT_BANK_ACCOUNT).name];
    expect(catalogTextIn(cart, seeded)).toEqual([]);

    const checkout = await englishPage("/thanh-toan");
    for (const text of [
      t("en", "checkout.title"),
      t("en", "checkoutFlow.total"),
      t("en", "checkoutFlow.update"),
      t("en", "checkoutFlow.addressOnlyForDelivery"),
      t("en", "transfer.checkout.unavailable", {
        producers: producerByCode(DEMO_PRODUCER_WITHOUT_BANK_ACCOUNT).name,
      }),
    ]) {
      expect(checkout).toContain(text);
    }
    expect(catalogTextIn(checkout, seeded)).toEqual([]);
  });

  it("shows the notifications of these orders in English only", async () => {
    const page = await englishPage("/thong-bao");
    expect(page).toContain(t("en", "notice.order.buyer.placed.body"));
    expect(vietnameseIn(page)).toEqual([]);
  });
});
