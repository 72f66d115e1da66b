import { fileURLToPath } from "node:url";
import { eq, inArray } from "drizzle-orm";
import { DomainError } from "~/lib/errors";
import type { SignedInActor } from "~/modules/auth/actor";
import { commitImport } from "~/modules/import/commit.server";
import type { ImportPlan } from "~/modules/import/plan.server";
import { updateListing } from "~/modules/listings/lifecycle.server";
import { processStripeWebhook } from "~/modules/orders/card-payments.server";
import {
  acceptOrder,
  cancelExpiredCardCheckouts,
  cancelOrderByBuyer,
  cancelOrderByProducer,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { openDatabase, type Db } from "~db/client.server";
import { listings, orders, payments } from "~db/schema";
import { SHIPPING } from "./market";
import { sessionEvent, sign, WEBHOOK_SECRET } from "./stripe";

/**
 * The steps of the stock property test (tests/integration/stock-property.test.ts), run by the
 * same module functions the routes call, on whichever connection the test picks: one of its
 * own or the one of a child process started from this file (a second server process).
 */

/** Who acts, as plain data so it can be sent to the child process. */
export interface StepWorld {
  buyers: number[];
  /** The producer members by producer id. */
  members: Record<number, SignedInActor>;
  /** Staff who import for every producer. */
  adminUserId: number;
  adminPath: string;
}

export type Step =
  | { kind: "place"; buyer: number; method: "card" | "cod"; items: { sku: string; qty: number }[] }
  | { kind: "buyerCancel"; buyer: number; orderId: number }
  | { kind: "producerCancel"; producerId: number; orderId: number }
  | { kind: "accept"; producerId: number; orderId: number }
  | { kind: "ship"; producerId: number; orderId: number }
  | { kind: "edit"; producerId: number; sku: string; stock: number }
  | { kind: "import"; sku: string; stock: number }
  | {
      kind: "event";
      type: string;
      eventId: string;
      sessionId: string;
      checkoutId: string;
      amount: number;
      /** "unpaid" on a completed event: an async method that will say later (waiting). */
      paymentStatus: "paid" | "unpaid";
    }
  | { kind: "expireJob"; nowMs: number };

/** The listing form as the producer's page would post it back, with a new stock. */
function formOf(db: Db, sku: string, stock: number) {
  const row = db.select().from(listings).where(eq(listings.sku, sku)).get();
  if (!row) throw new Error(`no listing ${sku}`);
  return {
    row,
    input: {
      title: row.title,
      description: row.description,
      categoryId: row.categoryId,
      priceVnd: row.priceVnd,
      unit: row.unit,
      minOrderQty: row.minOrderQty,
      stock,
      season: row.season,
      tags: row.tags,
      ocopStars: row.ocopStars,
      ocopCertificateNo: row.ocopCertificateNo,
      ocopIssuedOn: row.ocopIssuedOn,
      ocopExpiresOn: row.ocopExpiresOn,
      certifications: [],
    },
  };
}

function member(world: StepWorld, producerId: number): SignedInActor {
  const actor = world.members[producerId];
  if (!actor) throw new Error(`no member of producer ${producerId}`);
  return actor;
}

async function apply(db: Db, world: StepWorld, step: Step): Promise<string> {
  switch (step.kind) {
    case "place": {
      const placed = placeOrder(db, {
        buyerUserId: step.buyer,
        items: step.items,
        shipping: SHIPPING,
        paymentMethod: step.method,
        idempotency: { scope: "property", key: crypto.randomUUID() },
      });
      if (step.method === "card") {
        // What stripe.server.ts and checkout.server.ts record once the session is open: its
        // id on the payments, and its expiry as the orders' payment due date.
        const ids = placed.orders.map((o) => o.id);
        db.update(payments)
          .set({ providerRef: `cs_${placed.checkoutId}` })
          .where(inArray(payments.orderId, ids))
          .run();
        db.update(orders)
          .set({ paymentDueAt: new Date(Date.now() + 60 * 60 * 1000) })
          .where(inArray(orders.id, ids))
          .run();
      }
      return `placed ${placed.orders.length}`;
    }
    case "buyerCancel":
      cancelOrderByBuyer(db, step.buyer, step.orderId, null);
      return "cancelled";
    case "producerCancel":
      cancelOrderByProducer(db, member(world, step.producerId), step.orderId, "hết hàng rồi");
      return "cancelled";
    case "accept":
      acceptOrder(db, member(world, step.producerId), step.orderId);
      return "accepted";
    case "ship":
      shipOrder(db, member(world, step.producerId), step.orderId);
      return "shipped";
    case "edit": {
      const { input } = formOf(db, step.sku, step.stock);
      await updateListing(db, member(world, step.producerId), step.sku, input);
      return "edited";
    }
    case "import": {
      const { row, input } = formOf(db, step.sku, step.stock);
      const producer = db.$client
        .prepare("SELECT code FROM producers WHERE id = ?")
        .get(row.producerId) as { code: string };
      const plan: ImportPlan = {
        problems: [],
        producers: [],
        products: [
          {
            row: 2,
            existingId: row.id,
            values: { ...input, sku: row.sku, producerCode: producer.code, certifications: [] },
          },
        ],
        counts: { producers: { create: 0, update: 0 }, products: { create: 0, update: 1 } },
      };
      await commitImport(
        db,
        { kind: "staff", userId: world.adminUserId, paths: [world.adminPath] },
        plan,
      );
      return "imported";
    }
    case "event": {
      const payload = sessionEvent(
        step.type,
        {
          id: step.sessionId,
          amount_total: step.amount,
          currency: "vnd",
          payment_status: step.paymentStatus,
          metadata: { checkout_id: step.checkoutId },
        },
        step.eventId,
      );
      return processStripeWebhook(db, { payload, signature: sign(payload), secret: WEBHOOK_SECRET })
        .outcome;
    }
    case "expireJob":
      return cancelExpiredCardCheckouts(db, new Date(step.nowMs)) > 0 ? "cancelled" : "none due";
  }
}

/** Runs one step; a refusal the site would show (a domain error) is an outcome, not a failure. */
export async function runStep(db: Db, world: StepWorld, step: Step): Promise<string> {
  try {
    return await apply(db, world, step);
  } catch (error) {
    if (error instanceof DomainError) return `refused ${error.code}`;
    throw error;
  }
}

interface WorkerRequest {
  id: number;
  step: Step;
}

// Started as a child process: its own connection to the test's database file, steps by IPC.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const [path, worldJson] = process.argv.slice(2);
  if (!path || !worldJson) throw new Error("usage: stock-steps.ts <database> <world json>");
  const db = openDatabase(path);
  const world = JSON.parse(worldJson) as StepWorld;
  process.on("message", (message: WorkerRequest) => {
    runStep(db, world, message.step).then(
      (outcome) => process.send?.({ id: message.id, outcome }),
      (error: unknown) =>
        process.send?.({
          id: message.id,
          error: error instanceof Error ? error.stack : String(error),
        }),
    );
  });
  process.on("disconnect", () => {
    db.$client.close();
    process.exit(0);
  });
  process.send({ ready: true });
}
