import { eq } from "drizzle-orm";
import { Invalid } from "~/lib/errors";
import { removeFiles } from "~/modules/listings/lifecycle.server";
import { proposeRevision, replaceCertifications } from "~/modules/listings/revisions.server";
import { syncProducerSearch, syncSearch } from "~/modules/listings/search-sync.server";
import { vietnamToday } from "~/lib/dates";
import {
  immediateFields,
  isOcopExpired,
  listingSlug,
  updateSlug,
} from "~/modules/listings/shared.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { setStock } from "~/modules/stock/movements.server";
import { inTransaction, type Db } from "~db/client.server";
import { listings, producers } from "~db/schema";
import type { ImportPlan, ProductValues } from "./plan.server";
import { scopeUserId, type ImportScope } from "./scope.server";

export interface ImportResult {
  producers: { created: number; updated: number };
  products: { created: number; updated: number; underReview: number };
}

function certificationRows(values: ProductValues) {
  return values.certifications.map((kind) => ({
    kind,
    certificateNo: null,
    issuedOn: null,
    expiresOn: null,
  }));
}

/**
 * Writes a plan without problems in one transaction: all rows or none. A producer's rows
 * land as pending (a published listing gets a revision for its reviewed fields; price and
 * stock change at once); staff and CLI rows are published directly.
 */
export async function commitImport(
  db: Db,
  scope: ImportScope,
  plan: ImportPlan,
  context: { ipAddress?: string | null } = {},
): Promise<ImportResult> {
  if (plan.problems.length > 0) {
    throw new Invalid("import.error.hasProblems");
  }
  const result: ImportResult = {
    producers: { created: 0, updated: 0 },
    products: { created: 0, updated: 0, underReview: 0 },
  };
  const removed: string[] = [];
  const now = new Date();
  const today = vietnamToday(now);
  const userId = scopeUserId(scope);
  // Immediate (inTransaction), as every transaction that moves stock: the write lock first.
  inTransaction(db, () => {
    const producerIds = new Map(
      db
        .select({ id: producers.id, code: producers.code })
        .from(producers)
        .all()
        .map((p) => [p.code, p.id]),
    );
    for (const { existingId, values } of plan.producers) {
      if (existingId !== null) {
        db.update(producers)
          .set({ ...values, updatedAt: now })
          .where(eq(producers.id, existingId))
          .run();
        syncProducerSearch(db, existingId);
        result.producers.updated += 1;
      } else {
        const id = db
          .insert(producers)
          .values({ ...values, verificationStatus: "verified" })
          .returning({ id: producers.id })
          .get().id;
        producerIds.set(values.code, id);
        result.producers.created += 1;
      }
    }

    for (const { existingId, values } of plan.products) {
      const producerId = producerIds.get(values.producerCode);
      if (producerId === undefined) throw new Error(`unknown producer ${values.producerCode}`);
      const { sku, producerCode: _code, certifications: _certs, ...fields } = values;
      const ocopBadgeHidden = isOcopExpired(values, today);
      if (existingId === null) {
        const published = scope.kind !== "producer";
        const id = db
          .insert(listings)
          .values({
            ...fields,
            sku,
            producerId,
            slug: listingSlug(values.title, sku),
            ocopBadgeHidden,
            status: published ? "published" : "pending",
            publishedAt: published ? now : null,
          })
          .returning({ id: listings.id })
          .get().id;
        replaceCertifications(db, id, certificationRows(values));
        syncSearch(db, id);
        result.products.created += 1;
        continue;
      }
      const listing = db.select().from(listings).where(eq(listings.id, existingId)).get();
      if (!listing) throw new Error(`listing ${existingId} vanished`);
      const immediate = { ...immediateFields(values), updatedAt: now };
      setStock(db, {
        listingId: listing.id,
        stock: values.stock,
        cause: "import",
        actorUserId: userId,
      });
      if (scope.kind === "producer" && listing.status === "published" && userId !== null) {
        db.update(listings).set(immediate).where(eq(listings.id, listing.id)).run();
        const saved = proposeRevision(
          db,
          listing,
          { ...values, certifications: certificationRows(values) },
          userId,
        );
        removed.push(...saved.removedKeys);
        if (saved.revisionId !== null) result.products.underReview += 1;
      } else {
        updateSlug(db, listing, values.title);
        db.update(listings)
          .set({
            ...immediate,
            title: values.title,
            description: values.description,
            categoryId: values.categoryId,
            ocopStars: values.ocopStars,
            ocopCertificateNo: values.ocopCertificateNo,
            ocopIssuedOn: values.ocopIssuedOn,
            ocopExpiresOn: values.ocopExpiresOn,
            ocopBadgeHidden,
            ...(scope.kind === "producer" && { status: "pending" as const }),
          })
          .where(eq(listings.id, listing.id))
          .run();
        replaceCertifications(db, listing.id, certificationRows(values));
      }
      syncSearch(db, listing.id);
      result.products.updated += 1;
    }

    writeAudit(db, {
      actorUserId: userId,
      action: "catalog.import",
      entityType: "import",
      entityId: now.toISOString(),
      orgUnitId: null,
      before: null,
      after: { scope: scope.kind, ...result },
      ipAddress: context.ipAddress,
    });
  });
  await removeFiles(removed);
  return result;
}
