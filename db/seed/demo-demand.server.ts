import { dayNumber, vietnamToday } from "~/lib/dates";
import type { AcceptOfferInput } from "~/lib/schemas/offer";
import type { SignedInActor } from "~/modules/auth/actor";
import { actorForUser } from "~/modules/auth/session.server";
import { acceptOffer, declineOffer } from "~/modules/demand/accept-offer.server";
import { postOfferMessage } from "~/modules/demand/offer-threads.server";
import { recordOfflineDeal } from "~/modules/demand/offline-deals.server";
import { submitOffer, withdrawOffer } from "~/modules/demand/offers.server";
import { prepared, type Db } from "~db/client.server";

/**
 * The demo's offers, made through the offer use cases so a fresh demo shows every state:
 * a request whose offer was accepted (with its order, the other offer declined), a declined
 * offer, a withdrawn one, and open offers with question threads. Producers answer through
 * their members (the demo producer accounts); requests are the seeded buyers' open ones.
 */

export interface DemoDemandResult {
  offers: number;
  accepted: number;
  orders: number[];
  offlineDeals: number;
}

interface OpenRequest {
  id: number;
  code: string;
  buyerUserId: number;
  categoryId: number | null;
  quantity: number;
  recurrence: string;
}

interface ProducerMember {
  userId: number;
  producerId: number;
}

/** YYYY-MM-DD `days` after `day`. */
function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * 86_400_000).toISOString().slice(0, 10);
}

function actorOf(db: Db, userId: number): SignedInActor {
  const actor = actorForUser(db, userId);
  if (!actor) throw new Error(`demo demand: no user ${userId}`);
  return actor;
}

/**
 * The producer's listing to offer for a request: the one the matcher ranked best for it, else
 * one in the request's category, else any published one.
 */
function listingFor(db: Db, producerId: number, request: OpenRequest) {
  return prepared<{ id: number; priceVnd: number }>(
    db,
    `SELECT l.id, l.price_vnd AS priceVnd FROM listings l
     WHERE l.producer_id = ? AND l.status = 'published'
     ORDER BY coalesce((SELECT min(m.rank) FROM request_matches m
                        WHERE m.listing_id = l.id AND m.purchase_request_id = ?), 1000),
       l.category_id IS ? DESC, l.id LIMIT 1`,
  ).get(producerId, request.id, request.categoryId);
}

/**
 * Makes the demo offers (see above) at `now`. Needs two verified producers with a member;
 * with fewer it makes what it can. Returns what it made.
 */
export function seedDemoDemand(db: Db, { now }: { now: Date }): DemoDemandResult {
  const today = vietnamToday(now);
  const members = prepared<ProducerMember>(
    db,
    `SELECT min(m.user_id) AS userId, p.id AS producerId FROM producer_memberships m
     JOIN producers p ON p.id = m.producer_id
     WHERE p.verification_status = 'verified'
     GROUP BY p.id ORDER BY p.code`,
  ).all();
  const requests = prepared<OpenRequest>(
    db,
    `SELECT r.id, r.code, r.buyer_user_id AS buyerUserId, r.category_id AS categoryId,
       r.quantity, r.recurrence
     FROM purchase_requests r
     WHERE r.status = 'open' AND r.is_hidden = 0 AND r.needed_by >= ?
       AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.purchase_request_id = r.id)
       AND NOT EXISTS (SELECT 1 FROM producer_memberships m WHERE m.user_id = r.buyer_user_id)
     -- Requests the demo producers can answer: those the matcher gave to both, then to one.
     ORDER BY (SELECT count(DISTINCT x.producer_id) FROM request_matches x
               WHERE x.purchase_request_id = r.id AND x.producer_id IN (?, ?)) DESC, r.code`,
  ).all(today, members[0]?.producerId ?? 0, members[1]?.producerId ?? 0);
  const result: DemoDemandResult = { offers: 0, accepted: 0, orders: [], offlineDeals: 0 };
  result.offlineDeals = recordDemoOfflineDeals(db, now);
  const [first, second] = members;
  if (!first) return result;

  const offer = (member: ProducerMember, request: OpenRequest, step: number, note: string) => {
    const listing = step % 2 === 0 ? listingFor(db, member.producerId, request) : null;
    const base = listing?.priceVnd ?? 50_000;
    const made = submitOffer(
      db,
      actorOf(db, member.userId),
      request.code,
      {
        ...(listing
          ? { listingId: listing.id }
          : { goods: `Hàng đặt theo yêu cầu ${request.code}`, unit: "kg" }),
        priceVnd: Math.round((base * (95 + step)) / 100 / 100) * 100,
        quantity: request.quantity,
        deliveryOn: addDays(today, 5 + step),
        message: note,
      },
      { now },
    );
    result.offers += 1;
    return made.offerId;
  };
  const ask = (
    request: OpenRequest,
    offerId: number,
    question: string,
    answer?: [ProducerMember, string],
  ) => {
    postOfferMessage(db, actorOf(db, request.buyerUserId), request.code, offerId, question, {
      now,
    });
    if (answer) {
      postOfferMessage(db, actorOf(db, answer[0].userId), request.code, offerId, answer[1], {
        now,
      });
    }
  };
  const shippingOf = (request: OpenRequest): AcceptOfferInput => {
    const buyer = prepared<{ name: string; phone: string }>(
      db,
      "SELECT display_name AS name, phone FROM users WHERE id = ?",
    ).get(request.buyerUserId);
    return {
      name: buyer?.name ?? "Người mua",
      phone: (buyer?.phone ?? "+84900000000").replace(/^\+84/, "0"),
      province: "Quảng Trị",
      commune: "Phường Đông Hà",
      address: "Số 1 Lê Duẩn",
      note: null,
      deliveryMethod: "delivery",
      paymentMethod: "cod",
    };
  };

  const [accepted, declined, withdrawn, open1, open2] = requests;
  // 1. Two offers, a question answered, one accepted (its order), the other declined by it.
  if (accepted) {
    const chosen = offer(first, accepted, 0, "Hàng mới thu hoạch, đóng gói theo yêu cầu.");
    if (second) offer(second, accepted, 3, "Giao được trong tuần.");
    ask(accepted, chosen, "Chị giao tận nơi được không?", [first, "Dạ được, miễn phí trong tỉnh."]);
    const order = acceptOffer(
      db,
      actorOf(db, accepted.buyerUserId),
      accepted.code,
      chosen,
      shippingOf(accepted),
      { now },
    );
    result.accepted += 1;
    result.orders.push(order.orderId);
  }
  // 2. An offer the buyer declined.
  if (declined) {
    const id = offer(second ?? first, declined, 1, "Giá đã gồm vận chuyển.");
    declineOffer(db, actorOf(db, declined.buyerUserId), declined.code, id, { now });
  }
  // 3. An offer its producer withdrew.
  if (withdrawn) {
    const id = offer(first, withdrawn, 2, "Có thể giao sớm.");
    withdrawOffer(db, actorOf(db, first.userId), id, { now });
  }
  // 4. Open offers with question threads, one still waiting for its answer.
  if (open1) {
    const a = offer(first, open1, 0, "Có chứng nhận OCOP.");
    ask(open1, a, "Có giấy chứng nhận an toàn thực phẩm không chị?", [
      first,
      "Dạ có, em gửi kèm khi giao.",
    ]);
    if (second) {
      const b = offer(second, open1, 1, "Hàng của hợp tác xã, giá tốt.");
      ask(open1, b, "Hàng này thu hoạch khi nào?");
    }
  }
  if (open2) {
    const a = offer(second ?? first, open2, 2, "Nhận giao theo đợt.");
    ask(open2, a, "Giao làm hai đợt được không?", [second ?? first, "Dạ được ạ."]);
  }
  return result;
}

/**
 * Two deals made offline that the provincial admin recorded (a trade fair and a matchmaking
 * conference), so the connecting page and the reports have some. Needs the demo admin and
 * the CSV producers SX020 (rice) and SX030 (coffee); without them it records nothing.
 */
function recordDemoOfflineDeals(db: Db, now: Date): number {
  const admin = prepared<{ userId: number }>(
    db,
    `SELECT s.user_id AS userId FROM staff_memberships s
     JOIN org_units u ON u.id = s.org_unit_id
     WHERE s.role = 'admin' AND u.parent_id IS NULL ORDER BY s.user_id LIMIT 1`,
  ).get();
  const known = prepared<{ n: number }>(
    db,
    "SELECT count(*) AS n FROM producers WHERE code IN ('SX020', 'SX030')",
  ).get();
  if (!admin || known?.n !== 2) return 0;
  const staff = actorOf(db, admin.userId);
  const today = vietnamToday(now);
  recordOfflineDeal(
    db,
    staff,
    {
      buyerName: "Bếp ăn Trường Mầm non Hoa Sen",
      producerCode: "SX020",
      goods: "Gạo hữu cơ đóng bao 25 kg, giao hằng tháng",
      quantity: 600,
      unit: "kg",
      amountVnd: 21_600_000,
      dealOn: addDays(today, -45),
      requestCode: undefined,
    },
    { now },
  );
  recordOfflineDeal(
    db,
    staff,
    {
      buyerName: "Chuỗi cà phê Hiên Nhà (Đà Nẵng)",
      producerCode: "SX030",
      goods: "Cà phê Arabica Khe Sanh rang mộc, hợp đồng thử 3 tháng",
      quantity: 90,
      unit: "kg",
      amountVnd: 27_900_000,
      dealOn: addDays(today, -20),
      requestCode: undefined,
    },
    { now },
  );
  return 2;
}
