import { eq } from "drizzle-orm";
import { vietnamToday } from "~/lib/dates";
import type { Db } from "~db/client.server";
import { commissionRates, orgUnits } from "~db/schema";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo's commission on card payments: 2 % for the whole province from before the demo's
 * year of history, so the admin's commission page has a rate and a history to show. Set
 * directly: the page itself only takes rates from today on, so frozen orders never change.
 */
export function seedDemoCommission(db: Db, { now }: { now: Date }): void {
  const province = db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(eq(orgUnits.code, "QT"))
    .get();
  if (!province) return;
  db.insert(commissionRates)
    .values({
      orgUnitId: province.id,
      basisPoints: 200,
      startsOn: vietnamToday(new Date(now.getTime() - 400 * DAY_MS)),
    })
    .run();
}
