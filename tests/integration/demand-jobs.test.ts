import { beforeAll, describe, expect, it } from "vitest";
import { runDemandJobs } from "~/modules/demand/jobs.server";
import { seedDemo } from "~db/seed/seed.server";
import { freshDb, type Db } from "../helpers/db";

/** 05:00 and 07:00 in Việt Nam (UTC+7) on the seed's day, and a day far past every request. */
const SEEDED = new Date("2026-12-01T03:00:00Z");
const BEFORE_DIGEST_HOUR = new Date("2026-12-02T22:00:00Z");
const AFTER_DIGEST_HOUR = new Date("2026-12-03T00:00:00Z");
const LATER_THAT_DAY = new Date("2026-12-03T09:00:00Z");
const NEXT_YEAR = new Date("2028-01-15T01:00:00Z");

let db: Db;

function count(sql: string): number {
  return (db.$client.prepare(sql).get() as { n: number }).n;
}

function digests(): number {
  return count("SELECT count(*) AS n FROM notifications WHERE kind = 'demand.match_digest'");
}

beforeAll(async () => {
  db = freshDb();
  // Demo mode: two producers have member accounts to receive the digest in the app.
  await seedDemo(db, { today: SEEDED, mode: "demo" });
}, 60_000);

describe("the demand jobs", () => {
  it("send the day's digest once, from the digest hour, and not again that day", async () => {
    const early = await runDemandJobs(db, BEFORE_DIGEST_HOUR);
    expect(early.digest).toBeUndefined();
    expect(digests()).toBe(0);

    const morning = await runDemandJobs(db, AFTER_DIGEST_HOUR);
    expect(morning.rematched).toBeGreaterThan(0);
    expect(morning.digest?.producers).toBeGreaterThan(0);
    const sent = count(
      "SELECT count(*) AS n FROM notifications WHERE kind = 'demand.match_digest'",
    );
    expect(sent).toBeGreaterThan(0);

    // A restarted process does not know the daily part ran: the database says so.
    const again = await runDemandJobs(db, LATER_THAT_DAY, null);
    expect(again.digest).toBeUndefined();
    expect(digests()).toBe(sent);
  });

  it("close every request whose date has passed, as expired", async () => {
    const open = count("SELECT count(*) AS n FROM purchase_requests WHERE status = 'open'");
    expect(open).toBeGreaterThan(0);
    const result = await runDemandJobs(db, NEXT_YEAR, "2028-01-15");
    expect(result.expired).toBe(open);
    expect(
      count(
        "SELECT count(*) AS n FROM purchase_requests WHERE status = 'closed' AND close_reason = 'expired'",
      ),
    ).toBe(open);
    expect(result.digest).toBeUndefined();
  });
});
