import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { Conflict, NotFound } from "~/lib/errors";
import type { InvoiceDecisionInput, InvoiceRequestInput } from "~/lib/schemas/business";
import type { SignedInActor } from "~/modules/auth/actor";
import { notify } from "~/modules/notifications/notify.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { deliverQueuedEmailsSoon } from "~/modules/platform/mailer.server";
import type { Db } from "~db/client.server";
import { buyerProfiles, invoiceRequests, orders, users, type InvoiceStatus } from "~db/schema";

/**
 * VAT-invoice requests (issue 15, docs/decisions/029-care-business.md). A buyer asks for an
 * invoice on one of her orders (any order once placed, never a cancelled one); the producer
 * marks it issued with the invoice's number or declines it with a reason; each side is told
 * and the step is audited. One request per order (the table's key is the order): a declined
 * request may be sent again with corrected details, an open or issued one may not.
 */

export interface InvoiceRequestView {
  companyName: string;
  taxCode: string;
  address: string;
  email: string | null;
  status: InvoiceStatus;
  invoiceNumber: string | null;
  declineReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

type OrderRow = Pick<
  typeof orders.$inferSelect,
  "id" | "code" | "status" | "buyerUserId" | "producerId" | "orgUnitId"
>;

const ORDER_COLUMNS = {
  id: orders.id,
  code: orders.code,
  status: orders.status,
  buyerUserId: orders.buyerUserId,
  producerId: orders.producerId,
  orgUnitId: orders.orgUnitId,
};

function findOrder(db: Db, orderId: number, scope: SQL | undefined): OrderRow {
  const order = scope
    ? db
        .select(ORDER_COLUMNS)
        .from(orders)
        .where(and(eq(orders.id, orderId), scope))
        .get()
    : undefined;
  if (!order) throw new NotFound("orderError.notFound");
  return order;
}

function findRequest(db: Db, orderId: number): InvoiceRequestView | null {
  const row = db
    .select({
      companyName: invoiceRequests.companyName,
      taxCode: invoiceRequests.taxCode,
      address: invoiceRequests.address,
      email: invoiceRequests.email,
      status: invoiceRequests.status,
      invoiceNumber: invoiceRequests.invoiceNumber,
      declineReason: invoiceRequests.declineReason,
      decidedAt: invoiceRequests.decidedAt,
      createdAt: invoiceRequests.createdAt,
    })
    .from(invoiceRequests)
    .where(eq(invoiceRequests.orderId, orderId))
    .get();
  return row ?? null;
}

/**
 * The producers whose orders the member may answer: the team's "orders" permission (an owner,
 * or a member without a list, may do everything). As a condition on `orders`.
 */
function producerScope(
  actor: SignedInActor,
  { answering }: { answering: boolean },
): SQL | undefined {
  const ids = actor.producers
    .filter((m) => !answering || m.permissions === undefined || m.permissions.includes("orders"))
    .map((m) => m.producerId);
  return ids.length > 0 ? inArray(orders.producerId, ids) : undefined;
}

/** Whether a buyer may ask for an invoice on an order in this state: once placed, not cancelled. */
export function isInvoiceable(status: OrderRow["status"]): boolean {
  return status !== "cancelled";
}

/** What the request form starts with: her business profile, the address she last used, her e-mail. */
function prefillFor(db: Db, buyerUserId: number) {
  const profile = db
    .select({
      companyName: buyerProfiles.companyName,
      taxCode: buyerProfiles.taxCode,
      province: buyerProfiles.province,
      city: buyerProfiles.city,
    })
    .from(buyerProfiles)
    .where(eq(buyerProfiles.userId, buyerUserId))
    .get();
  // The profile holds no street address nor invoice e-mail: her last request's are reused.
  const last = db
    .select({ address: invoiceRequests.address, email: invoiceRequests.email })
    .from(invoiceRequests)
    .innerJoin(orders, eq(orders.id, invoiceRequests.orderId))
    .where(eq(orders.buyerUserId, buyerUserId))
    .orderBy(desc(invoiceRequests.createdAt))
    .limit(1)
    .get();
  const email = db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, buyerUserId))
    .get()?.email;
  return {
    companyName: profile?.companyName ?? "",
    taxCode: profile?.taxCode ?? "",
    address:
      last?.address ?? [profile?.city, profile?.province].filter((part) => part?.trim()).join(", "),
    email: last?.email ?? email ?? "",
  };
}

/**
 * The invoice part of one of the buyer's orders (another buyer's is a 404): her request as
 * it stands, whether she may send one now, and what the form starts with.
 */
export function buyerInvoiceView(db: Db, buyerUserId: number, orderId: number) {
  const order = findOrder(db, orderId, eq(orders.buyerUserId, buyerUserId));
  const request = findRequest(db, orderId);
  const canRequest =
    isInvoiceable(order.status) && (request === null || request.status === "declined");
  return {
    request,
    canRequest,
    // A declined request is sent again from what she sent before, to correct it.
    prefill: !canRequest
      ? null
      : request
        ? {
            companyName: request.companyName,
            taxCode: request.taxCode,
            address: request.address,
            email: request.email ?? "",
          }
        : prefillFor(db, buyerUserId),
  };
}

/**
 * The invoice request on one order of the member's producers (404 for anyone else's), and
 * whether she may answer it (a team member needs the "orders" permission).
 */
export function producerInvoiceView(db: Db, actor: SignedInActor, orderId: number) {
  const order = findOrder(db, orderId, producerScope(actor, { answering: false }));
  const canAnswer = actor.producers.some(
    (m) =>
      m.producerId === order.producerId &&
      (m.permissions === undefined || m.permissions.includes("orders")),
  );
  return { request: findRequest(db, orderId), canAnswer };
}

/**
 * The buyer asks for a VAT invoice on her order: a new request, or a declined one sent again
 * with the details as now given. Her producer is told. 404 for another buyer's order; 409 for
 * a cancelled order or a request that is open or already issued.
 */
export function requestInvoice(
  db: Db,
  buyerUserId: number,
  orderId: number,
  input: InvoiceRequestInput,
  now = new Date(),
): void {
  db.$client
    .transaction(() => {
      const order = findOrder(db, orderId, eq(orders.buyerUserId, buyerUserId));
      if (!isInvoiceable(order.status)) throw new Conflict("business.error.orderCancelled");
      const details = {
        companyName: input.companyName,
        taxCode: input.taxCode,
        address: input.address,
        email: input.email,
      };
      const existing = findRequest(db, orderId);
      if (existing && existing.status !== "declined") {
        throw new Conflict("business.error.alreadyRequested");
      }
      if (existing) {
        const resent = db
          .update(invoiceRequests)
          .set({
            ...details,
            status: "requested",
            invoiceNumber: null,
            declineReason: null,
            decidedAt: null,
            createdAt: now,
          })
          .where(and(eq(invoiceRequests.orderId, orderId), eq(invoiceRequests.status, "declined")))
          .run();
        if (resent.changes !== 1) throw new Conflict("business.error.alreadyRequested");
      } else {
        db.insert(invoiceRequests)
          .values({ orderId, ...details, status: "requested", createdAt: now })
          .run();
      }
      writeAudit(db, {
        actorUserId: buyerUserId,
        action: "invoice.request",
        entityType: "order",
        entityId: order.id,
        orgUnitId: order.orgUnitId,
        before: existing ? { status: existing.status } : null,
        after: { status: "requested", ...details },
      });
      notify(db, {
        recipients: { producerId: order.producerId },
        kind: "invoice.requested",
        message: {
          key: "business.notice.invoiceRequested",
          params: { code: order.code, company: input.companyName },
        },
        link: `/ban-hang/don-hang/${order.id}`,
        via: ["email"],
      });
    })
    .immediate();
  deliverQueuedEmailsSoon(db);
}

/**
 * The producer answers an open request: issued with the invoice's number, or declined with a
 * reason; the buyer is told. One conditional UPDATE: a second answer (another tab, a team
 * member) finds nothing open and is refused (409). 404 for an order that is not hers or has
 * no request.
 */
export function decideInvoice(
  db: Db,
  actor: SignedInActor,
  orderId: number,
  decision: InvoiceDecisionInput,
  now = new Date(),
): void {
  const issued = decision.intent === "invoice_issue";
  const outcome = issued
    ? { status: "issued" as const, invoiceNumber: decision.invoiceNumber, declineReason: null }
    : { status: "declined" as const, invoiceNumber: null, declineReason: decision.declineReason };
  db.$client
    .transaction(() => {
      const order = findOrder(db, orderId, producerScope(actor, { answering: true }));
      const existing = findRequest(db, orderId);
      if (!existing) throw new NotFound("business.error.noInvoiceRequest");
      const decided = db
        .update(invoiceRequests)
        .set({ ...outcome, decidedAt: now })
        .where(and(eq(invoiceRequests.orderId, orderId), eq(invoiceRequests.status, "requested")))
        .run();
      if (decided.changes !== 1) throw new Conflict("business.error.invoiceAlreadyDecided");
      writeAudit(db, {
        actorUserId: actor.userId,
        action: issued ? "invoice.issue" : "invoice.decline",
        entityType: "order",
        entityId: order.id,
        orgUnitId: order.orgUnitId,
        before: { status: "requested" },
        after: outcome,
      });
      notify(db, {
        recipients: { userIds: [order.buyerUserId] },
        kind: issued ? "invoice.issued" : "invoice.declined",
        message: issued
          ? {
              key: "business.notice.invoiceIssued",
              params: { code: order.code, number: decision.invoiceNumber },
            }
          : {
              key: "business.notice.invoiceDeclined",
              params: { code: order.code, reason: decision.declineReason },
            },
        link: `/don-hang/${order.id}`,
        via: ["email"],
      });
    })
    .immediate();
  deliverQueuedEmailsSoon(db);
}
