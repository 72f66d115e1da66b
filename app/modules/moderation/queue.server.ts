import { and, asc, count, eq, like, or, sql, type SQL } from "drizzle-orm";
import type { QueueKind } from "~/lib/schemas/listing";
import { stripControls } from "~/lib/text";
import type { Actor } from "~/modules/auth/actor";
import type { Db } from "~db/client.server";
import { listingImages, listingRevisions, listings, orgUnits, producers } from "~db/schema";
import { subtreeCondition } from "./scope.server";

export interface QueueFilters {
  kind?: QueueKind;
  /** Limit to one org unit (and its subtree), within the actor's own scope. */
  orgUnitId?: number;
  q?: string;
}

export interface QueueItem {
  kind: QueueKind;
  /** Listing id, revision id or producer id, per kind. */
  id: number;
  ref: string;
  title: string;
  sku: string | null;
  producerName: string;
  orgUnitName: string;
  submittedAt: Date;
  coverKey: string | null;
  coverWidth: number | null;
  fields: string[];
}

const QUEUE_LIMIT = 200;

/**
 * What waits for the actor's decision, oldest first: listings submitted for review,
 * revisions of published listings and producer applications, all limited in the SQL to
 * the org-unit subtrees where the actor may moderate. Counts are per kind.
 */
export function moderationQueue(db: Db, actor: Actor, filters: QueueFilters = {}) {
  const listingScope = subtreeCondition(actor, "listing:moderate");
  const producerScope = subtreeCondition(actor, "producer:verify");
  const extra: SQL[] = [];
  if (filters.orgUnitId !== undefined) {
    extra.push(
      sql`${orgUnits.path} like (select ${orgUnits.path} from ${orgUnits} where ${orgUnits.id} = ${filters.orgUnitId}) || '%'`,
    );
  }
  const q = filters.q && stripControls(filters.q);
  const titleMatch = q
    ? or(
        like(listings.title, `%${q}%`),
        like(listings.sku, `%${q}%`),
        like(producers.name, `%${q}%`),
      )
    : undefined;
  const producerMatch = q
    ? or(like(producers.name, `%${q}%`), like(producers.code, `%${q}%`))
    : undefined;

  const listingWhere = and(eq(listings.status, "pending"), listingScope, titleMatch, ...extra);
  const revisionWhere = and(
    eq(listingRevisions.status, "pending"),
    eq(listings.status, "published"),
    listingScope,
    titleMatch,
    ...extra,
  );
  const producerWhere = and(
    eq(producers.verificationStatus, "pending"),
    producerScope,
    producerMatch,
    ...extra,
  );

  const coverKey = sql<
    string | null
  >`(select ${listingImages.storageKey} from ${listingImages} where ${listingImages.listingId} = ${listings.id} and ${listingImages.revisionId} is null order by ${listingImages.position} limit 1)`;
  const coverWidth = sql<
    number | null
  >`(select ${listingImages.width} from ${listingImages} where ${listingImages.listingId} = ${listings.id} and ${listingImages.revisionId} is null order by ${listingImages.position} limit 1)`;

  const counts = {
    listing:
      db
        .select({ n: count() })
        .from(listings)
        .innerJoin(producers, eq(producers.id, listings.producerId))
        .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
        .where(listingWhere)
        .get()?.n ?? 0,
    revision:
      db
        .select({ n: count() })
        .from(listingRevisions)
        .innerJoin(listings, eq(listings.id, listingRevisions.listingId))
        .innerJoin(producers, eq(producers.id, listings.producerId))
        .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
        .where(revisionWhere)
        .get()?.n ?? 0,
    producer:
      db
        .select({ n: count() })
        .from(producers)
        .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
        .where(producerWhere)
        .get()?.n ?? 0,
  };

  const items: QueueItem[] = [];
  if (!filters.kind || filters.kind === "listing") {
    const rows = db
      .select({
        id: listings.id,
        title: listings.title,
        sku: listings.sku,
        producerName: producers.name,
        orgUnitName: orgUnits.name,
        submittedAt: listings.updatedAt,
        coverKey,
        coverWidth,
      })
      .from(listings)
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
      .where(listingWhere)
      .orderBy(asc(listings.updatedAt), asc(listings.id))
      .limit(QUEUE_LIMIT)
      .all();
    items.push(
      ...rows.map((row) => ({
        ...row,
        kind: "listing" as const,
        ref: `listing:${row.id}`,
        fields: [],
      })),
    );
  }
  if (!filters.kind || filters.kind === "revision") {
    const rows = db
      .select({
        id: listingRevisions.id,
        changes: listingRevisions.changes,
        title: listings.title,
        sku: listings.sku,
        producerName: producers.name,
        orgUnitName: orgUnits.name,
        submittedAt: listingRevisions.createdAt,
        coverKey,
        coverWidth,
      })
      .from(listingRevisions)
      .innerJoin(listings, eq(listings.id, listingRevisions.listingId))
      .innerJoin(producers, eq(producers.id, listings.producerId))
      .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
      .where(revisionWhere)
      .orderBy(asc(listingRevisions.createdAt), asc(listingRevisions.id))
      .limit(QUEUE_LIMIT)
      .all();
    items.push(
      ...rows.map(({ changes, ...row }) => ({
        ...row,
        kind: "revision" as const,
        ref: `revision:${row.id}`,
        fields: Object.keys(changes),
      })),
    );
  }
  if (!filters.kind || filters.kind === "producer") {
    const rows = db
      .select({
        id: producers.id,
        title: producers.name,
        producerName: producers.name,
        orgUnitName: orgUnits.name,
        submittedAt: producers.createdAt,
      })
      .from(producers)
      .innerJoin(orgUnits, eq(orgUnits.id, producers.orgUnitId))
      .where(producerWhere)
      .orderBy(asc(producers.createdAt), asc(producers.id))
      .limit(QUEUE_LIMIT)
      .all();
    items.push(
      ...rows.map((row) => ({
        ...row,
        kind: "producer" as const,
        ref: `producer:${row.id}`,
        sku: null,
        coverKey: null,
        coverWidth: null,
        fields: [],
      })),
    );
  }
  items.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return { items: items.slice(0, QUEUE_LIMIT), counts };
}

/** The org units a filter may offer: those within the actor's moderation scope, top first. */
export function scopeOrgUnits(db: Db, actor: Actor) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, level: orgUnits.level, path: orgUnits.path })
    .from(orgUnits)
    .where(and(subtreeCondition(actor, "listing:moderate"), sql`${orgUnits.level} != 'branch'`))
    .orderBy(asc(orgUnits.path))
    .all();
}
