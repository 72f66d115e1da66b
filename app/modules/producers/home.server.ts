import { vietnamToday } from "~/lib/dates";
import type { SignedInActor } from "~/modules/auth/actor";
import { producerInboxCount } from "~/modules/demand/inbox.server";
import { listExpiringCertificates } from "~/modules/listings/certificate-expiry.server";
import { listRefundTasks } from "~/modules/money/refunds.server";
import { producerMonthSales } from "~/modules/money/sales.server";
import { countProducerOrdersByNextStep } from "~/modules/orders/queries.server";
import type { Db } from "~db/client.server";
import { getWorkspaceOverview, type WorkspaceProducer } from "./workspace.server";

/**
 * The producer's workspace home (issue 13): for each producer she works for, what waits for
 * her — orders to accept, transfers to check, orders to ship and to mark delivered, refunds
 * to send back, purchase requests to answer, listings sent back, certificates about to
 * expire — and her sales this month. Each figure comes from the module that owns the rule
 * (the order buttons, the refund tasks, the request inbox, the certificate job, the one
 * sales definition), so the home and the page it links to always agree.
 */

export interface ProducerTodo {
  ordersToAccept: number;
  transfersToCheck: number;
  ordersToShip: number;
  ordersToDeliver: number;
  refundsToMake: { count: number; amountVnd: number };
  requestsToAnswer: number;
  listingsSentBack: number;
  expiringCertificates: { sku: string; title: string; kind: string; expiresOn: string }[];
}

export interface WorkspaceHomeProducer extends WorkspaceProducer {
  todo: ProducerTodo;
  /** Sales of the current Vietnam-time month, as the Union's report counts them. */
  sales: { month: string; salesVnd: number; completedOrders: number };
}

/** The refunds one producer still owes (the refund task list's rule, for her alone). */
function owedRefunds(db: Db, actor: SignedInActor, producerId: number) {
  const membership = actor.producers.filter((m) => m.producerId === producerId);
  const open = listRefundTasks(db, { ...actor, producers: membership }).open;
  return { count: open.length, amountVnd: open.reduce((sum, task) => sum + task.amountVnd, 0) };
}

/** How many refunds the user's producers still owe buyers (the workspace menu's count). */
export function countOwedRefunds(db: Db, actor: SignedInActor): number {
  return actor.producers.length > 0 ? listRefundTasks(db, actor).open.length : 0;
}

/**
 * The workspace home of the signed-in member: each of her producers (membership in the
 * query) with its overview, what waits for her and its sales this month.
 */
export function getWorkspaceHome(
  db: Db,
  actor: SignedInActor,
  now: Date = new Date(),
): WorkspaceHomeProducer[] {
  const month = vietnamToday(now).slice(0, 7);
  const producers = getWorkspaceOverview(db, actor);
  const certificates = listExpiringCertificates(
    db,
    now,
    producers.map((p) => p.id),
  );
  return producers.map((producer) => {
    const steps = countProducerOrdersByNextStep(db, [producer.id]);
    const sales = producerMonthSales(db, producer.id, month);
    return {
      ...producer,
      todo: {
        ordersToAccept: steps.accept,
        transfersToCheck: steps.mark_paid,
        ordersToShip: steps.ship,
        ordersToDeliver: steps.deliver,
        refundsToMake: owedRefunds(db, actor, producer.id),
        requestsToAnswer: producerInboxCount(db, [producer.id]),
        listingsSentBack: producer.listingCounts.changes_requested ?? 0,
        expiringCertificates: certificates
          .filter((c) => c.producerId === producer.id)
          .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn))
          .map(({ sku, title, kind, expiresOn }) => ({ sku, title, kind, expiresOn })),
      },
      sales: { month, salesVnd: sales.salesVnd, completedOrders: sales.completedOrders },
    };
  });
}
