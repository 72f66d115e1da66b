import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~db/seed/seed.server";
import { freshDb, type Db } from "../helpers/db";

const today = new Date("2026-12-01T03:00:00Z");
let db: Db;

beforeAll(async () => {
  db = freshDb();
  // The demo seed makes the offers, threads and deals itself, through the demand use cases.
  await seedDemo(db, { today, mode: "demo" });
}, 60_000);

describe("the demo's offers", () => {
  it("shows every state of an offer, with question threads and an order made from one", () => {
    const statuses = db.$client
      .prepare("SELECT status, count(*) AS n FROM offers GROUP BY status ORDER BY status")
      .all() as { status: string; n: number }[];
    expect(statuses.map((s) => s.status)).toEqual([
      "accepted",
      "declined",
      "submitted",
      "withdrawn",
    ]);
    const orders = db.$client
      .prepare("SELECT order_id AS orderId FROM offers WHERE status = 'accepted'")
      .all() as { orderId: number }[];
    expect(orders).toHaveLength(1);
    const line = db.$client
      .prepare("SELECT reserved_qty AS reserved FROM order_lines WHERE order_id = ?")
      .get(orders[0]?.orderId) as { reserved: number };
    expect(line.reserved).toBe(0);
    const threads = db.$client
      .prepare("SELECT count(DISTINCT offer_id) AS n FROM offer_messages")
      .get() as { n: number };
    expect(threads.n).toBeGreaterThanOrEqual(3);
    // The accepted request took its offer: fulfilled when one-off, still open when recurring.
    const request = db.$client
      .prepare(
        `SELECT r.status, r.recurrence FROM purchase_requests r
         JOIN offers o ON o.purchase_request_id = r.id WHERE o.status = 'accepted'`,
      )
      .get() as { status: string; recurrence: string };
    expect(request.status).toBe(request.recurrence === "none" ? "fulfilled" : "open");
  });

  it("records two offline deals and has matched every open request", () => {
    const deals = db.$client
      .prepare("SELECT buyer_name AS buyer, amount_vnd AS amount FROM offline_deals ORDER BY id")
      .all() as { buyer: string; amount: number }[];
    expect(deals).toHaveLength(2);
    expect(deals.every((d) => d.amount > 0 && Number.isInteger(d.amount))).toBe(true);
    const unmatched = db.$client
      .prepare(
        "SELECT count(*) AS n FROM purchase_requests WHERE status = 'open' AND matched_at IS NULL",
      )
      .get() as { n: number };
    expect(unmatched.n).toBe(0);
    const matches = db.$client.prepare("SELECT count(*) AS n FROM request_matches").get() as {
      n: number;
    };
    expect(matches.n).toBeGreaterThan(100);
  });
});
