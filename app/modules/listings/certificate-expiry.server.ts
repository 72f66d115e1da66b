import { and, eq, gt, gte, inArray, lt, lte, ne, or, sql } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import { writeAudit } from "~/modules/platform/audit.server";
import { notify } from "~/modules/notifications/notify.server";
import type { Db } from "~db/client.server";
import { auditLog, listingCertifications, listings } from "~db/schema";
import { syncSearch } from "./search-sync.server";

/**
 * The daily certificate job: hides OCOP badges whose certificate has expired (and shows
 * them again once renewed), tells search about each listing it changes, and warns the
 * producer's members 30 days before a certificate expires — once per certificate.
 */

const EXPIRY_NOTICE_DAYS = 30;
const NOTICE_ACTION = "certificate.expiry_notice";
const DAY_MS = 86_400_000;

function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function formatDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export interface ExpiryRunResult {
  hidden: number;
  restored: number;
  notified: number;
}

/** A certificate about to expire, with its listing. */
export interface Expiring {
  listingId: number;
  sku: string;
  title: string;
  producerId: number;
  kind: string;
  certificateNo: string | null;
  expiresOn: string;
}

function alreadyNoticed(db: Db, cert: Expiring): boolean {
  const row = db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, NOTICE_ACTION),
        eq(auditLog.entityType, "listing"),
        eq(auditLog.entityId, String(cert.listingId)),
        sql`json_extract(${auditLog.after}, '$.kind') = ${cert.kind}`,
        sql`coalesce(json_extract(${auditLog.after}, '$.certificateNo'), '') = ${cert.certificateNo ?? ""}`,
        sql`json_extract(${auditLog.after}, '$.expiresOn') = ${cert.expiresOn}`,
      ),
    )
    .get();
  return row !== undefined;
}

/**
 * The certificates (OCOP and the others) of listings not archived that expire in the next
 * 30 days, today included (Việt Nam calendar); of some producers only when
 * `producerIds` is given. The daily job warns about them; the workspace home lists them.
 */
export function listExpiringCertificates(
  db: Db,
  now: Date = new Date(),
  producerIds?: readonly number[],
): Expiring[] {
  const today = vietnamToday(now);
  const horizon = addDaysIso(today, EXPIRY_NOTICE_DAYS);
  const window = (column: typeof listings.ocopExpiresOn | typeof listingCertifications.expiresOn) =>
    and(gte(column, today), lte(column, horizon));
  const live = and(
    ne(listings.status, "archived"),
    producerIds ? inArray(listings.producerId, [...producerIds]) : undefined,
  );
  const listingColumns = {
    listingId: listings.id,
    sku: listings.sku,
    title: listings.title,
    producerId: listings.producerId,
  };
  return [
    ...db
      .select({
        ...listingColumns,
        kind: sql<string>`'OCOP'`,
        certificateNo: listings.ocopCertificateNo,
        expiresOn: sql<string>`${listings.ocopExpiresOn}`,
      })
      .from(listings)
      .where(and(gt(listings.ocopStars, 0), window(listings.ocopExpiresOn), live))
      .all(),
    ...db
      .select({
        ...listingColumns,
        kind: sql<string>`${listingCertifications.kind}`,
        certificateNo: listingCertifications.certificateNo,
        expiresOn: sql<string>`${listingCertifications.expiresOn}`,
      })
      .from(listingCertifications)
      .innerJoin(listings, eq(listings.id, listingCertifications.listingId))
      .where(and(window(listingCertifications.expiresOn), live))
      .all(),
  ];
}

/** One run of the job for the day of `now` (Việt Nam calendar). */
export function runCertificateExpiry(db: Db, now: Date = new Date()): ExpiryRunResult {
  const today = vietnamToday(now);
  return db.transaction(() => {
    const hidden = db
      .update(listings)
      .set({ ocopBadgeHidden: true })
      .where(
        and(
          gt(listings.ocopStars, 0),
          lt(listings.ocopExpiresOn, today),
          eq(listings.ocopBadgeHidden, false),
        ),
      )
      .returning({ id: listings.id })
      .all();
    const restored = db
      .update(listings)
      .set({ ocopBadgeHidden: false })
      .where(
        and(
          eq(listings.ocopBadgeHidden, true),
          or(eq(listings.ocopStars, 0), gte(listings.ocopExpiresOn, today)),
        ),
      )
      .returning({ id: listings.id })
      .all();
    for (const { id } of [...hidden, ...restored]) syncSearch(db, id);

    const expiring = listExpiringCertificates(db, now);
    let notified = 0;
    for (const cert of expiring) {
      if (alreadyNoticed(db, cert)) continue;
      const day = formatDay(cert.expiresOn);
      notify(db, {
        recipients: { producerId: cert.producerId },
        kind: NOTICE_ACTION,
        message: cert.certificateNo
          ? {
              key: "notice.certificate.expiringNumbered",
              params: { kind: cert.kind, title: cert.title, number: cert.certificateNo, date: day },
            }
          : {
              key: "notice.certificate.expiring",
              params: { kind: cert.kind, title: cert.title, date: day },
            },
        link: `/ban-hang/san-pham/${cert.sku}`,
      });
      writeAudit(db, {
        actorUserId: null,
        action: NOTICE_ACTION,
        entityType: "listing",
        entityId: cert.listingId,
        orgUnitId: null,
        after: { kind: cert.kind, certificateNo: cert.certificateNo, expiresOn: cert.expiresOn },
      });
      notified += 1;
    }
    return { hidden: hidden.length, restored: restored.length, notified };
  });
}

/**
 * Runs the job now and then every day; call once at start-up. Returns a function that
 * stops the schedule (tests, shutdown). A failed run is reported and retried next day.
 */
export function scheduleCertificateExpiry(
  db: Db,
  options: {
    intervalMs?: number;
    onError?: (error: unknown) => void;
    onRun?: (r: ExpiryRunResult) => void;
  } = {},
): () => void {
  const run = () => {
    try {
      options.onRun?.(runCertificateExpiry(db));
    } catch (error) {
      options.onError?.(error);
    }
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
