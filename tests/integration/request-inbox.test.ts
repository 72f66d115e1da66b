import { beforeAll, describe, expect, it } from "vitest";
import { sendMatchDigest, INBOX_PATH } from "~/modules/demand/digest.server";
import { memberInbox, producerInbox, producerInboxCount } from "~/modules/demand/inbox.server";
import type { SignedInActor } from "~/modules/auth/actor";
import { matchesForRequest } from "~/modules/demand/matching.server";
import {
  refreshOpenRequestMatches,
  refreshRequestMatches,
  STORED_MATCHES,
  storedMatchesOf,
} from "~/modules/demand/stored-matches.server";
import type { Db } from "~db/client.server";
import { demoSearchDb } from "../helpers/search-demo";

/**
 * Stored matches, the producers' request inbox and its count, and the daily digest, on the
 * demo catalog and its purchase requests (a fresh seeded database).
 */

let db: Db;
const NOW = new Date("2026-12-03T01:00:00Z");
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

beforeAll(async () => {
  db = await demoSearchDb(NOW);
  await refreshOpenRequestMatches(db, { now: NOW });
});

const idOf = (code: string) =>
  db.$client.prepare("SELECT id FROM purchase_requests WHERE code = ?").pluck().get(code) as number;

function storedRows(requestId: number) {
  return db.$client
    .prepare(
      `SELECT m.rank, m.producer_id AS producerId, l.sku, m.score, m.reasons
       FROM request_matches m LEFT JOIN listings l ON l.id = m.listing_id
       WHERE m.purchase_request_id = ? ORDER BY m.rank`,
    )
    .all(requestId) as {
    rank: number;
    producerId: number;
    sku: string | null;
    score: number;
    reasons: string;
  }[];
}

/** The producer of a request's best stored match. */
function firstMatchedProducer(code: string): number {
  const row = storedRows(idOf(code))[0];
  if (!row) throw new Error(`${code} has no stored match`);
  return row.producerId;
}

function addOffer(requestId: number, producerId: number, priceVnd: number): void {
  db.$client
    .prepare(
      `INSERT INTO offers (purchase_request_id, producer_id, goods, unit, price_vnd, quantity)
       VALUES (?, ?, 'hàng chào', 'kg', ?, 10)`,
    )
    .run(requestId, producerId, priceVnd);
}

describe("stored matches", () => {
  it("stores the matcher's ranking with its reasons as keys and params, and the time", async () => {
    const id = idOf("YC003");
    const fresh = await matchesForRequest(db, id, { limit: STORED_MATCHES, now: NOW });
    const rows = storedRows(id);
    expect(rows.map((row) => row.sku)).toEqual(fresh.map((match) => match.listing?.sku));
    expect(rows.map((row) => row.rank)).toEqual(rows.map((_, i) => i + 1));
    expect(JSON.parse(rows[0]?.reasons ?? "[]")).toEqual(fresh[0]?.reasons);
    const matchedAt = db.$client
      .prepare("SELECT matched_at FROM purchase_requests WHERE id = ?")
      .pluck()
      .get(id);
    expect(matchedAt).toBe(NOW.getTime());

    const shown = storedMatchesOf(db, id);
    expect(shown.map((match) => match.listing?.sku)).toEqual(rows.map((row) => row.sku));
    expect(shown[0]?.producer.code).toMatch(/^SX\d+$/);
    expect(shown[0]?.reasons.map((reason) => reason.key)).toContain("demand.match.sameCategory");
  });

  it("replaces a request's rows when matched again, and keeps none once it is closed", async () => {
    const id = idOf("YC001");
    const before = storedRows(id).length;
    expect(before).toBeGreaterThan(0);
    expect(await refreshRequestMatches(db, id, { now: day(1) })).toBe(before);
    expect(storedRows(id)).toHaveLength(before);
    db.$client.prepare("UPDATE purchase_requests SET status = 'closed' WHERE id = ?").run(id);
    try {
      expect(await refreshRequestMatches(db, id, { now: day(1) })).toBe(0);
      expect(storedMatchesOf(db, id)).toEqual([]);
    } finally {
      db.$client.prepare("UPDATE purchase_requests SET status = 'open' WHERE id = ?").run(id);
      await refreshRequestMatches(db, id, { now: NOW });
    }
  });

  it("matches every open request, and a request with no match stores none but is matched", () => {
    const unmatched = db.$client
      .prepare(
        `SELECT count(*) FROM purchase_requests
         WHERE status = 'open' AND is_hidden = 0 AND matched_at IS NULL`,
      )
      .pluck()
      .get();
    expect(unmatched).toBe(0);
    expect(storedRows(idOf("YC035"))).toEqual([]);
    expect(storedMatchesOf(db, idOf("YC035"))).toEqual([]);
  });
});

describe("the producer's request inbox", () => {
  it("lists the requests matched to the producer, newest first, with why and its listings", () => {
    const producerId = firstMatchedProducer("YC003");
    const inbox = producerInbox(db, producerId);
    const item = inbox.items.find((entry) => entry.code === "YC003");
    expect(item?.reasons.map((reason) => reason.key)).toContain("demand.match.sameCategory");
    expect(item?.listings.length).toBeGreaterThan(0);
    expect(item?.invitation).toBeNull();
    expect(item?.offer).toBeNull();
    const created = inbox.items.map((entry) => entry.createdAt);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const matched = db.$client
      .prepare(
        `SELECT count(DISTINCT purchase_request_id) FROM request_matches m
         JOIN purchase_requests r ON r.id = m.purchase_request_id
         WHERE m.producer_id = ? AND r.status = 'open' AND r.is_hidden = 0`,
      )
      .pluck()
      .get(producerId);
    expect(inbox.total).toBe(matched);
  });

  it("shows a producer its own offer only, never another producer's", () => {
    const id = idOf("YC004");
    const [mine, theirs] = [...new Set(storedRows(id).map((row) => row.producerId))];
    if (mine === undefined || theirs === undefined) throw new Error("YC004 needs two producers");
    const waitingBefore = producerInboxCount(db, [mine]);
    addOffer(id, theirs, 99_000);
    expect(producerInbox(db, mine).items.find((item) => item.code === "YC004")?.offer).toBeNull();
    expect(producerInboxCount(db, [mine])).toBe(waitingBefore);
    addOffer(id, mine, 42_000);
    const item = producerInbox(db, mine).items.find((entry) => entry.code === "YC004");
    expect(item?.offer).toEqual({
      status: "submitted",
      priceVnd: 42_000,
      quantity: 10,
      unit: "kg",
    });
    expect(producerInboxCount(db, [mine])).toBe(waitingBefore - 1);
  });

  it("holds a request staff invited the producer to, even without a match, and no hidden one", () => {
    const id = idOf("YC035");
    const producerId = firstMatchedProducer("YC003");
    const waitingBefore = producerInboxCount(db, [producerId]);
    db.$client
      .prepare(
        "INSERT INTO request_invitations (purchase_request_id, producer_id, note) VALUES (?, ?, ?)",
      )
      .run(id, producerId, "Chị xem giúp");
    const item = producerInbox(db, producerId).items.find((entry) => entry.code === "YC035");
    expect(item?.invitation).toEqual({ note: "Chị xem giúp" });
    expect(item?.reasons).toEqual([]);
    expect(producerInboxCount(db, [producerId])).toBe(waitingBefore + 1);

    db.$client.prepare("UPDATE purchase_requests SET is_hidden = 1 WHERE id = ?").run(id);
    expect(producerInbox(db, producerId).items.some((entry) => entry.code === "YC035")).toBe(false);
    expect(producerInboxCount(db, [producerId])).toBe(waitingBefore);
    db.$client.prepare("UPDATE purchase_requests SET is_hidden = 0 WHERE id = ?").run(id);
  });

  it("opens only the asker's own producers' inbox", () => {
    const producerId = firstMatchedProducer("YC003");
    const member: SignedInActor = {
      kind: "user",
      userId: 1,
      sessionId: null,
      displayName: "Thành viên",
      locale: "vi",
      isBuyer: false,
      producers: [{ producerId, producerCode: "SX-MINE", producerName: "Của tôi", role: "owner" }],
      staff: [],
    };
    expect(memberInbox(db, member, {}).inbox).toEqual(producerInbox(db, producerId));
    expect(() => memberInbox(db, member, { producerCode: "SX0001" })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });

  it("pages by 20", () => {
    const busiest = db.$client
      .prepare(
        `SELECT producer_id FROM request_matches GROUP BY producer_id
         ORDER BY count(DISTINCT purchase_request_id) DESC LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const first = producerInbox(db, busiest, 1);
    expect(first.items.length).toBe(Math.min(20, first.total));
    const beyond = producerInbox(db, busiest, Math.ceil(first.total / 20) + 1);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(first.total);
  });
});

describe("the daily digest", () => {
  // The live demo has no producer accounts: every matched producer gets a member with an
  // e-mail, and every other one a second member known by phone only.
  beforeAll(() => {
    const producerIds = db.$client
      .prepare("SELECT DISTINCT producer_id FROM request_matches ORDER BY producer_id")
      .pluck()
      .all() as number[];
    const addUser = db.$client.prepare(
      `INSERT INTO users (email, phone, password_hash, display_name)
       VALUES (?, ?, 'x', 'Thành viên')`,
    );
    const join = db.$client.prepare(
      "INSERT INTO producer_memberships (user_id, producer_id, role) VALUES (?, ?, 'owner')",
    );
    producerIds.forEach((producerId, i) => {
      join.run(addUser.run(`sx${producerId}@example.vn`, null).lastInsertRowid, producerId);
      if (i % 2 === 0) {
        const phone = `+8490${String(producerId).padStart(7, "0")}`;
        join.run(addUser.run(null, phone).lastInsertRowid, producerId);
      }
    });
  });

  const digestRows = () =>
    db.$client
      .prepare(
        `SELECT user_id AS userId, params, link FROM notifications
         WHERE kind = 'demand.match_digest' ORDER BY id`,
      )
      .all() as { userId: number; params: string; link: string }[];

  it("tells each member of each matched producer once, with how many requests and an e-mail", () => {
    const mailsBefore = db.$client
      .prepare("SELECT count(*) FROM outbound_messages WHERE channel = 'email'")
      .pluck()
      .get() as number;
    // A producer's own contact address hears it too, once, unless a member has it.
    const [withContact, withMemberAddress] = db.$client
      .prepare("SELECT DISTINCT producer_id FROM request_matches ORDER BY producer_id LIMIT 2")
      .pluck()
      .all() as number[];
    const setEmail = db.$client.prepare("UPDATE producers SET email = ? WHERE id = ?");
    setEmail.run("lienhe@htx.example.vn", withContact);
    setEmail.run(`sx${withMemberAddress}@example.vn`, withMemberAddress);
    const result = sendMatchDigest(db, { now: NOW });
    expect(result.producers).toBeGreaterThan(1);

    const expected = db.$client
      .prepare(
        `SELECT mb.user_id AS userId, u.email,
                (SELECT count(DISTINCT m.purchase_request_id) FROM request_matches m
                 JOIN purchase_requests r ON r.id = m.purchase_request_id
                 WHERE m.producer_id = mb.producer_id AND r.status = 'open' AND r.is_hidden = 0
                   AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.producer_id = m.producer_id
                                   AND o.purchase_request_id = r.id)) AS count
         FROM producer_memberships mb JOIN users u ON u.id = mb.user_id
         WHERE mb.producer_id IN (SELECT producer_id FROM request_matches)
         ORDER BY mb.producer_id, u.id`,
      )
      .all() as { userId: number; email: string | null; count: number }[];
    const told = expected.filter((row) => row.count > 0);
    const rows = digestRows();
    expect(rows).toHaveLength(told.length);
    expect(rows.every((row) => row.link === INBOX_PATH)).toBe(true);
    // One message per producer member, never one per request.
    expect(new Set(rows.map((row) => row.userId)).size).toBe(rows.length);
    for (const row of told) {
      const notice = rows.find((r) => r.userId === row.userId);
      expect(JSON.parse(notice?.params ?? "{}")).toMatchObject({ count: row.count });
    }
    const mails = db.$client
      .prepare(
        `SELECT recipient, subject, body FROM outbound_messages
         WHERE channel = 'email' ORDER BY id LIMIT -1 OFFSET ?`,
      )
      .all(mailsBefore) as { recipient: string; subject: string; body: string }[];
    expect(mails.map((mail) => mail.recipient).sort()).toEqual(
      [...told.flatMap((row) => (row.email ? [row.email] : [])), "lienhe@htx.example.vn"].sort(),
    );
    expect(mails[0]?.subject).toMatch(/yêu cầu mua mới/);
    expect(mails[0]?.body).toContain(INBOX_PATH);
  });

  it("does not tell the same request again the next day; a new match is told alone", async () => {
    const before = digestRows().length;
    expect(sendMatchDigest(db, { now: day(1) })).toEqual({ producers: 0, requests: 0 });
    expect(digestRows()).toHaveLength(before);

    // A new request like YC003: its producers hear about one request, the next day.
    const template = db.$client
      .prepare("SELECT * FROM purchase_requests WHERE code = 'YC003'")
      .get() as Record<string, unknown>;
    const inserted = db.$client
      .prepare(
        `INSERT INTO purchase_requests (code, buyer_user_id, title, description, category_id,
           quantity, unit, delivery_location, province_code, commune_code, needed_by, recurrence)
         VALUES ('YC900', ?, ?, '', ?, ?, ?, ?, ?, ?, ?, 'none')`,
      )
      .run(
        template.buyer_user_id,
        template.title,
        template.category_id,
        template.quantity,
        template.unit,
        template.delivery_location,
        template.province_code,
        template.commune_code,
        template.needed_by,
      );
    const id = Number(inserted.lastInsertRowid);
    expect(await refreshRequestMatches(db, id, { now: day(2) })).toBeGreaterThan(0);
    const result = sendMatchDigest(db, { now: day(2) });
    const producers = new Set(storedRows(id).map((row) => row.producerId)).size;
    expect(result).toEqual({ producers, requests: producers });
    const latest = digestRows().slice(before);
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.every((row) => JSON.parse(row.params).count === 1)).toBe(true);
  });
});
