import { STAFF_PERMISSIONS, type StaffPermission } from "~/modules/auth/permissions.server";
import { notify } from "~/modules/notifications/notify.server";
import type { NoticeKey } from "~/modules/notifications/messages";
import { logger } from "~/modules/platform/logger.server";
import { inTransaction, prepared, type Db } from "~db/client.server";
import type { StaffRole } from "~db/schema";

/**
 * Telling the Union staff about new work (issue 13): a producer's application, a listing sent
 * for review or an edit of a published listing. The staff of the nearest unit that has staff
 * able to decide it (from the producer's unit upwards) are notified once per submission;
 * when it still waits 3 days later, the staff of the next such unit above are told too.
 *
 * A periodic job finds the work rather than every place that submits it (the listing form,
 * the import, a resubmitted application…), so no path is missed and the listings module
 * need not know about moderation. Each alert is a staff_work_alerts row, unique per piece of
 * work, round and level, written in the transaction that notifies: a second run or a second
 * server process tells nobody twice. A round is one submission: a revision's `created_at`
 * restarts when it is resubmitted; a listing or an application starts a new round when it
 * is pending again after a decision (`moderation_note_at`, `verification_note_at`).
 */

export type WorkKind = "producer" | "listing" | "revision";

/** How long work may wait at the nearest unit before the unit above hears of it. */
export const ESCALATE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

const PERMISSION: Record<WorkKind, StaffPermission> = {
  producer: "producer:verify",
  listing: "listing:moderate",
  revision: "listing:moderate",
};

const REVIEW_PATH: Record<WorkKind, string> = {
  producer: "/quan-ly/kiem-duyet/nha-san-xuat",
  listing: "/quan-ly/kiem-duyet/san-pham",
  revision: "/quan-ly/kiem-duyet/ban-sua",
};

const NOTICE: Record<WorkKind, { nearest: NoticeKey; escalated: NoticeKey }> = {
  producer: {
    nearest: "oversight.notice.producer",
    escalated: "oversight.notice.producerEscalated",
  },
  listing: { nearest: "oversight.notice.listing", escalated: "oversight.notice.listingEscalated" },
  revision: {
    nearest: "oversight.notice.revision",
    escalated: "oversight.notice.revisionEscalated",
  },
};

/** A piece of work waiting for a decision, with what the notice says about it. */
interface Work {
  id: number;
  /** When this round began (ms), the alert's `submitted_at`. */
  submittedAt: number;
  unitPath: string;
  unitName: string;
  producer: string;
  title: string;
}

/** Escalation candidates also carry the unit that was told first. */
interface WaitingWork extends Work {
  nearestUnitId: number | null;
}

// Work not yet alerted in its current round. The round's start is stored as submitted_at.
const NEW_WORK_SQL: Record<WorkKind, string> = {
  producer: `
    SELECT p.id, p.updated_at AS submittedAt, u.path AS unitPath, u.name AS unitName,
           p.name AS producer, p.name AS title
    FROM producers p JOIN org_units u ON u.id = p.org_unit_id
    WHERE p.verification_status = 'pending'
      AND NOT EXISTS (SELECT 1 FROM staff_work_alerts a
        WHERE a.entity_type = 'producer' AND a.entity_id = p.id AND a.level = 'nearest'
          AND a.submitted_at > coalesce(p.verification_note_at, 0))`,
  listing: `
    SELECT l.id, l.updated_at AS submittedAt, u.path AS unitPath, u.name AS unitName,
           p.name AS producer, l.title
    FROM listings l JOIN producers p ON p.id = l.producer_id
    JOIN org_units u ON u.id = p.org_unit_id
    WHERE l.status = 'pending'
      AND NOT EXISTS (SELECT 1 FROM staff_work_alerts a
        WHERE a.entity_type = 'listing' AND a.entity_id = l.id AND a.level = 'nearest'
          AND a.submitted_at > coalesce(l.moderation_note_at, 0))`,
  revision: `
    SELECT r.id, r.created_at AS submittedAt, u.path AS unitPath, u.name AS unitName,
           p.name AS producer, l.title
    FROM listing_revisions r JOIN listings l ON l.id = r.listing_id
    JOIN producers p ON p.id = l.producer_id JOIN org_units u ON u.id = p.org_unit_id
    WHERE r.status = 'pending' AND l.status = 'published'
      AND NOT EXISTS (SELECT 1 FROM staff_work_alerts a
        WHERE a.entity_type = 'revision' AND a.entity_id = r.id AND a.level = 'nearest'
          AND a.submitted_at = r.created_at)`,
};

/** The escalation of the round of nearest alert `a`, if it exists. */
const ESCALATED = `SELECT 1 FROM staff_work_alerts e WHERE e.entity_type = a.entity_type
  AND e.entity_id = a.entity_id AND e.submitted_at = a.submitted_at AND e.level = 'escalated'`;

// Work whose current round was alerted at least ESCALATE_AFTER_MS ago (`?` = the cut-off) and
// still waits; the unique index keeps the escalation to one per round.
const WAITING_WORK_SQL: Record<WorkKind, string> = {
  producer: `
    SELECT p.id, a.submitted_at AS submittedAt, u.path AS unitPath, u.name AS unitName,
           p.name AS producer, p.name AS title, a.org_unit_id AS nearestUnitId
    FROM staff_work_alerts a JOIN producers p ON p.id = a.entity_id
    JOIN org_units u ON u.id = p.org_unit_id
    WHERE a.entity_type = 'producer' AND a.level = 'nearest' AND a.submitted_at <= ?
      AND NOT EXISTS (${ESCALATED})
      AND p.verification_status = 'pending'
      AND a.submitted_at > coalesce(p.verification_note_at, 0)`,
  listing: `
    SELECT l.id, a.submitted_at AS submittedAt, u.path AS unitPath, u.name AS unitName,
           p.name AS producer, l.title, a.org_unit_id AS nearestUnitId
    FROM staff_work_alerts a JOIN listings l ON l.id = a.entity_id
    JOIN producers p ON p.id = l.producer_id JOIN org_units u ON u.id = p.org_unit_id
    WHERE a.entity_type = 'listing' AND a.level = 'nearest' AND a.submitted_at <= ?
      AND NOT EXISTS (${ESCALATED})
      AND l.status = 'pending' AND a.submitted_at > coalesce(l.moderation_note_at, 0)`,
  revision: `
    SELECT r.id, a.submitted_at AS submittedAt, u.path AS unitPath, u.name AS unitName,
           p.name AS producer, l.title, a.org_unit_id AS nearestUnitId
    FROM staff_work_alerts a JOIN listing_revisions r ON r.id = a.entity_id
    JOIN listings l ON l.id = r.listing_id JOIN producers p ON p.id = l.producer_id
    JOIN org_units u ON u.id = p.org_unit_id
    WHERE a.entity_type = 'revision' AND a.level = 'nearest' AND a.submitted_at <= ?
      AND NOT EXISTS (${ESCALATED})
      AND r.status = 'pending' AND a.submitted_at = r.created_at`,
};

const WORK_KINDS = ["producer", "listing", "revision"] as const satisfies readonly WorkKind[];

/** The unit ids of a path, nearest first: "/1/4/9/" → [9, 4, 1]. */
function unitsUpward(path: string): number[] {
  return path.split("/").filter(Boolean).map(Number).reverse();
}

/**
 * The first unit in `unitIds` (nearest first) with staff holding `permission` there, and
 * those staff; null when no unit has any.
 */
function staffOfNearestUnit(
  db: Db,
  unitIds: number[],
  permission: StaffPermission,
): { unitId: number; unitName: string; userIds: number[] } | null {
  const roles: readonly StaffRole[] = STAFF_PERMISSIONS[permission];
  const staff = prepared<{ userId: number; name: string }>(
    db,
    `SELECT DISTINCT s.user_id AS userId, u.name FROM staff_memberships s
     JOIN org_units u ON u.id = s.org_unit_id
     WHERE s.org_unit_id = ? AND s.role IN (SELECT value FROM json_each(?)) ORDER BY s.user_id`,
  );
  for (const unitId of unitIds) {
    const rows = staff.all(unitId, JSON.stringify(roles));
    const first = rows[0];
    if (first) return { unitId, unitName: first.name, userIds: rows.map((row) => row.userId) };
  }
  return null;
}

/**
 * Records the alert and notifies its staff, unless this round and level already has one (then
 * nothing happens: another run got there first). Returns whether it was recorded and how many
 * people were told.
 */
function alertOnce(
  db: Db,
  kind: WorkKind,
  level: "nearest" | "escalated",
  work: Work,
  target: { unitId: number; userIds: number[] } | null,
  params: Record<string, string | number>,
): { recorded: boolean; told: number } {
  return inTransaction(db, () => {
    const inserted = prepared(
      db,
      `INSERT INTO staff_work_alerts (entity_type, entity_id, submitted_at, level, org_unit_id)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(kind, work.id, work.submittedAt, level, target?.unitId ?? null);
    if (inserted.changes === 0) return { recorded: false, told: 0 };
    const told = target
      ? notify(db, {
          recipients: { userIds: target.userIds },
          kind: `work.${kind}.${level}`,
          message: { key: NOTICE[kind][level], params },
          link: `${REVIEW_PATH[kind]}/${work.id}`,
          via: ["email"],
        })
      : 0;
    return { recorded: true, told };
  });
}

export interface WorkAlertsResult {
  /** Pieces of work newly announced to their nearest unit. */
  announced: number;
  /** Pieces of work passed on to the unit above (recorded even when nobody is above). */
  escalated: number;
  /** Staff notifications written. */
  notified: number;
}

/** Announces new work to the nearest staff and escalates what waited 3 days; safe to repeat. */
export function runWorkAlerts(db: Db, now = new Date()): WorkAlertsResult {
  const result: WorkAlertsResult = { announced: 0, escalated: 0, notified: 0 };
  for (const kind of WORK_KINDS) {
    for (const work of prepared<Work>(db, NEW_WORK_SQL[kind]).all()) {
      const target = staffOfNearestUnit(db, unitsUpward(work.unitPath), PERMISSION[kind]);
      const params = { producer: work.producer, unit: work.unitName, title: work.title };
      const { recorded, told } = alertOnce(db, kind, "nearest", work, target, params);
      if (recorded) result.announced += 1;
      result.notified += told;
    }
    const cutOff = now.getTime() - ESCALATE_AFTER_MS;
    for (const work of prepared<WaitingWork>(db, WAITING_WORK_SQL[kind]).all(cutOff)) {
      const waitingUnit =
        work.nearestUnitId === null
          ? null
          : prepared<{ path: string; name: string }>(
              db,
              "SELECT path, name FROM org_units WHERE id = ?",
            ).get(work.nearestUnitId);
      // Nobody was found for the first alert: there is nobody above to tell either.
      const above = waitingUnit ? unitsUpward(waitingUnit.path).slice(1) : [];
      const target = staffOfNearestUnit(db, above, PERMISSION[kind]);
      const params = {
        producer: work.producer,
        unit: work.unitName,
        title: work.title,
        days: Math.floor((now.getTime() - work.submittedAt) / DAY_MS),
        waitingUnit: waitingUnit?.name ?? "",
      };
      const { recorded, told } = alertOnce(db, kind, "escalated", work, target, params);
      if (recorded) result.escalated += 1;
      result.notified += told;
    }
  }
  return result;
}

/** Runs the work alerts now and then every `intervalMs` (default a minute); returns a stopper. */
export function scheduleWorkAlerts(db: Db, intervalMs = 60 * 1000): () => void {
  const run = () => {
    try {
      const result = runWorkAlerts(db);
      if (result.announced > 0 || result.escalated > 0) logger.info(result, "work alerts ran");
    } catch (error) {
      logger.error({ err: error }, "work alerts failed");
    }
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
