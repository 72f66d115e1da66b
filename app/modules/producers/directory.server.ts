import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { NotFound } from "~/lib/errors";
import type { DirectoryFilters } from "~/lib/schemas/staffproducers";
import type { SignedInActor } from "~/modules/auth/actor";
import { hasPermission } from "~/modules/auth/permissions.server";
import { pageOf, type Page } from "~/modules/catalog/paging.server";
import { listingLineColumns } from "~/modules/listings/queries.server";
import { subtreeCondition } from "~/modules/moderation/scope.server";
import type { Db } from "~db/client.server";
import {
  listings,
  orders,
  orgUnits,
  producers,
  type ListingStatus,
  type ProducerKind,
  type VerificationStatus,
} from "~db/schema";

/**
 * Staff's producer directory (`producer:view`): the producers of the actor's subtree,
 * searched by name or code and filtered by status, commune and kind, a page at a time; and
 * one producer's page (profile, declared counts, listings, open orders). The subtree is in
 * every query, so a producer elsewhere is simply not found.
 */

const PER_PAGE = 25;

export interface DirectoryRow {
  code: string;
  name: string;
  kind: ProducerKind;
  commune: string;
  unitName: string;
  verificationStatus: VerificationStatus;
  publishedListings: number;
}

/** `%…%` for LIKE with the wildcard characters of the typed text escaped. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function directoryConditions(actor: SignedInActor, filters: DirectoryFilters): SQL {
  const conditions: SQL[] = [subtreeCondition(actor, "producer:view")];
  if (filters.status) conditions.push(eq(producers.verificationStatus, filters.status));
  if (filters.kind) conditions.push(eq(producers.kind, filters.kind));
  if (filters.commune) conditions.push(eq(producers.commune, filters.commune));
  if (filters.query) {
    const pattern = containing(filters.query);
    const byText = or(
      sql`${producers.name} like ${pattern} escape '\\'`,
      sql`${producers.code} like ${pattern} escape '\\'`,
    );
    if (byText) conditions.push(byText);
  }
  const where = and(...conditions);
  if (!where) throw new Error("unreachable: the subtree condition is always there");
  return where;
}

/** The producers of the actor's subtree matching the filters, by name, a page at a time. */
export function listProducers(
  db: Db,
  actor: SignedInActor,
  filters: DirectoryFilters,
): Page<DirectoryRow> {
  const where = directoryConditions(actor, filters);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(producers)
      .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
      .where(where)
      .get()?.n ?? 0;
  const paging = pageOf(total, filters.page, PER_PAGE);
  const items = db
    .select({
      code: producers.code,
      name: producers.name,
      kind: producers.kind,
      commune: producers.commune,
      unitName: orgUnits.name,
      verificationStatus: producers.verificationStatus,
      publishedListings: sql<number>`(select count(*) from ${listings}
        where ${listings.producerId} = ${producers.id} and ${listings.status} = 'published')`,
    })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(where)
    .orderBy(asc(producers.name), asc(producers.id))
    .limit(PER_PAGE)
    .offset(paging.offset)
    .all();
  return { ...paging, items };
}

/** The communes named by producers of the actor's subtree, for the directory's filter. */
export function communeChoices(db: Db, actor: SignedInActor): string[] {
  return db
    .selectDistinct({ commune: producers.commune })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(subtreeCondition(actor, "producer:view"))
    .orderBy(asc(producers.commune))
    .all()
    .map((row) => row.commune);
}

const OPEN_ORDER_STATUSES = ["pending_payment", "confirmed", "shipping", "delivered"] as const;

/** A producer of the actor's subtree by code, with its unit; 404 outside it. */
export function scopedProducerByCode(db: Db, actor: SignedInActor, code: string) {
  const row = db
    .select({ producer: producers, unitName: orgUnits.name, unitPath: orgUnits.path })
    .from(producers)
    .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
    .where(and(eq(producers.code, code), subtreeCondition(actor, "producer:view")))
    .get();
  if (!row) throw new NotFound("staffproducers.error.notFound");
  return row;
}

/**
 * A producer's profile as staff read it, on her page and in the review of her application:
 * contact, story, every count she declared and the last note of verification. Her bank
 * account is left out on purpose: neither page shows it.
 */
export function producerProfileForStaff(producer: typeof producers.$inferSelect) {
  return {
    id: producer.id,
    code: producer.code,
    name: producer.name,
    kind: producer.kind,
    commune: producer.commune,
    address: producer.address,
    phone: producer.phone,
    email: producer.email,
    story: producer.story,
    membersTotal: producer.membersTotal,
    membersWomen: producer.membersWomen,
    membersEthnicMinority: producer.membersEthnicMinority,
    membersPoorHousehold: producer.membersPoorHousehold,
    foundedYear: producer.foundedYear,
    verificationStatus: producer.verificationStatus,
    verificationNote: producer.verificationNote,
    verificationNoteAt: producer.verificationNoteAt,
  };
}

export interface ProducerPageListing {
  id: number;
  sku: string;
  slug: string;
  title: string;
  status: ListingStatus;
  priceVnd: number;
  unit: string;
  stock: number;
}

/**
 * One producer as staff see it: the profile and every count it declared, its listings
 * (newest first), how many orders are still open, and what the actor may do to it.
 */
export function producerPage(db: Db, actor: SignedInActor, code: string) {
  const { producer, unitName, unitPath } = scopedProducerByCode(db, actor, code);
  const producerListings: ProducerPageListing[] = db
    .select(listingLineColumns)
    .from(listings)
    .where(eq(listings.producerId, producer.id))
    .orderBy(desc(listings.updatedAt), desc(listings.id))
    .all();
  // Her open orders, oldest first: what suspension leaves for her to fulfil or staff to cancel.
  const openOrders = db
    .select({
      id: orders.id,
      code: orders.code,
      status: orders.status,
      paymentMethod: orders.paymentMethod,
      totalVnd: orders.totalVnd,
      buyerName: orders.shipName,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(
      and(eq(orders.producerId, producer.id), inArray(orders.status, [...OPEN_ORDER_STATUSES])),
    )
    .orderBy(orders.createdAt, orders.id)
    .all();
  return {
    producer: {
      ...producerProfileForStaff(producer),
      suspensionReason: producer.suspensionReason,
      suspendedAt: producer.suspendedAt,
      createdAt: producer.createdAt,
    },
    unitName,
    listings: producerListings,
    openOrders,
    canSuspend: hasPermission(actor, "producer:suspend", unitPath),
    canModerate: hasPermission(actor, "listing:moderate", unitPath),
    canVerify: hasPermission(actor, "producer:verify", unitPath),
  };
}
