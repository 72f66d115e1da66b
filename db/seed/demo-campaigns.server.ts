import { vietnamToday } from "~/lib/dates";
import type { SignedInActor } from "~/modules/auth/actor";
import { actorForUser } from "~/modules/auth/session.server";
import { demoCardSvg, demoCardImage } from "~/modules/images/demo-pictures.server";
import {
  acceptOrder,
  confirmReceipt,
  deliverOrder,
  shipOrder,
} from "~/modules/orders/fulfilment.server";
import { placeOrder } from "~/modules/orders/place-order.server";
import { vietnamDayStartMs } from "~/modules/reports/periods";
import { indexListings } from "~/modules/search/sync.server";
import { setStock } from "~/modules/stock/movements.server";
import { prepared, type Db } from "~db/client.server";
import {
  campaignListings,
  campaignPartners,
  campaignPledges,
  campaignProducers,
  campaigns,
  type CampaignKind,
  type Unit,
} from "~db/schema";
import { addDays } from "./dates";
import { pastStamper } from "./demo-backdate.server";

/**
 * The demo's support campaigns (issue 16, docs/decisions/030-campaigns.md): one RUNNING
 * flood-recovery campaign of the provincial Union with the pepper cooperatives of Vĩnh Linh
 * (SX001) and Bến Quan (SX004), a partner restaurant (the demo business buyer) with an
 * approved pledge and a pending one; and one ENDED harvest-glut campaign of the Tân Lập
 * commune Union (SX036's passion fruit and pineapple) last season. Their orders go through the
 * ordering module at past moments, like the demo history, so the progress bars are not empty;
 * their figures are counted on read like every campaign's. Demo mode only.
 */

export interface DemoCampaignsResult {
  campaigns: number;
  orders: number;
}

const HOUR_MS = 3_600_000;

interface DemoCampaign {
  slug: string;
  title: string;
  kind: CampaignKind;
  orgUnitCode: string;
  /** Days from today (negative: before). */
  startsIn: number;
  endsIn: number;
  targetVnd: number | null;
  targetQuantity: number | null;
  targetUnit: Unit | null;
  story: string;
  producerCodes: string[];
  /** Orders: days after the first day, the buyer (index among the buyers), SKUs and quantities. */
  orders: { day: number; buyer: number; items: [string, number][] }[];
}

export const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [
  {
    slug: "chung-tay-vung-lu",
    title: "Chung tay tiêu thụ nông sản cho chị em vùng lũ",
    kind: "disaster_recovery",
    orgUnitCode: "QT",
    startsIn: -12,
    endsIn: 18,
    targetVnd: 40_000_000,
    targetQuantity: null,
    targetUnit: null,
    story:
      "Đợt lũ vừa qua làm ngập kho và vườn tiêu của nhiều chị em ở Vĩnh Linh và Bến Quan. Tiêu đã phơi khô vẫn còn tốt nhưng thương lái ép giá vì đường sá hư hỏng.\n\nHội LHPN tỉnh kêu gọi các bếp ăn, nhà hàng và mỗi gia đình mua giúp chị em một gói tiêu, một ký nghệ. Mỗi đơn hàng giúp chị em có vốn sửa lại vườn và chuồng trại.",
    producerCodes: ["SX001", "SX004"],
    orders: [
      { day: 1, buyer: 0, items: [["SP0002", 10]] },
      { day: 2, buyer: 1, items: [["SP0001", 3]] },
      {
        day: 3,
        buyer: 2,
        items: [
          ["SP0006", 2],
          ["SP0009", 2],
        ],
      },
      { day: 4, buyer: 3, items: [["SP0012", 20]] },
      { day: 5, buyer: 0, items: [["SP0007", 100]] },
      { day: 6, buyer: 4, items: [["SP0004", 4]] },
    ],
  },
  {
    slug: "giai-cuu-chanh-leo-tan-lap",
    title: "Giải cứu chanh leo và dứa Tân Lập",
    kind: "harvest_glut",
    orgUnitCode: "QT-TANLAP",
    startsIn: -130,
    endsIn: -100,
    targetVnd: null,
    targetQuantity: 1_500,
    targetUnit: "kg",
    story:
      "Mùa chanh leo năm nay được mùa nhưng mất giá: thương lái chỉ trả vài nghìn đồng một ký. Chị em tổ hợp tác Tân Lập lo trái chín rụng không bán kịp.\n\nHội LHPN xã Tân Lập mời các bếp ăn tập thể và gia đình đặt mua chanh leo, dứa trực tiếp từ vườn của chị em.",
    producerCodes: ["SX036"],
    orders: [
      { day: 1, buyer: 1, items: [["SP0176", 40]] },
      { day: 4, buyer: 2, items: [["SP0179", 30]] },
      {
        day: 9,
        buyer: 3,
        items: [
          ["SP0176", 60],
          ["SP0179", 20],
        ],
      },
      { day: 15, buyer: 4, items: [["SP0176", 25]] },
    ],
  },
];

interface Buyer {
  userId: number;
  name: string;
  phone: string;
  province: string;
  city: string;
}

const idOf = (db: Db, sql: string, key: string): number => {
  const row = prepared<{ id: number }>(db, sql).get(key);
  if (!row) throw new Error(`demo campaigns: nothing for ${key}`);
  return row.id;
};

/** The business buyer of the demo accounts, then the CSV buyers by code. */
function demoBuyers(db: Db): Buyer[] {
  return prepared<Buyer>(
    db,
    `SELECT u.id AS userId, u.display_name AS name, u.phone, b.province, b.city
       FROM buyer_profiles b JOIN users u ON u.id = b.user_id
      WHERE u.phone = '+84900000005' OR b.code IS NOT NULL
      ORDER BY b.code IS NOT NULL, b.code`,
  ).all();
}

/** The moment `hours` after the Vietnam midnight of `day`. */
const at = (day: string, hours: number) => new Date(vietnamDayStartMs(day) + hours * HOUR_MS);

/**
 * Creates the demo campaigns (see above) before `now`, in one transaction: the campaigns,
 * their producers and listings, the partner and pledges, and the orders. Nothing without
 * the demo's admin, producers and buyers.
 */
export function seedDemoCampaigns(db: Db, { now }: { now: Date }): DemoCampaignsResult {
  const result: DemoCampaignsResult = { campaigns: 0, orders: 0 };
  const adminRow = prepared<{ userId: number }>(
    db,
    `SELECT s.user_id AS userId FROM staff_memberships s JOIN org_units u ON u.id = s.org_unit_id
     WHERE s.role = 'admin' AND u.parent_id IS NULL ORDER BY s.user_id LIMIT 1`,
  ).get();
  const admin = adminRow ? actorForUser(db, adminRow.userId) : null;
  const buyers = demoBuyers(db);
  if (!admin || buyers.length < 5) return result;
  const today = vietnamToday(now);
  const stamp = pastStamper(db);
  const stockOf = prepared<{ stock: number }>(db, "SELECT stock FROM listings WHERE id = ?");
  const listingOf = prepared<{ id: number; producerId: number }>(
    db,
    "SELECT id, producer_id AS producerId FROM listings WHERE sku = ?",
  );
  const datePayment = prepared(
    db,
    "UPDATE payments SET created_at = ?, updated_at = ? WHERE order_id = ?",
  );
  const catalogueStock = new Map<number, number>();

  const insertCampaign = (plan: DemoCampaign) => {
    const startsOn = addDays(today, plan.startsIn);
    const opened = at(startsOn, 8);
    const campaignId = db
      .insert(campaigns)
      .values({
        slug: plan.slug,
        orgUnitId: idOf(db, "SELECT id FROM org_units WHERE code = ?", plan.orgUnitCode),
        title: plan.title,
        story: plan.story,
        kind: plan.kind,
        startsOn,
        endsOn: addDays(today, plan.endsIn),
        targetVnd: plan.targetVnd,
        targetQuantity: plan.targetQuantity,
        targetUnit: plan.targetUnit,
        status: "published",
        coverAlt: plan.title,
        createdByUserId: admin.userId,
        publishedAt: new Date(opened.getTime() - 48 * HOUR_MS),
        createdAt: new Date(opened.getTime() - 72 * HOUR_MS),
        updatedAt: new Date(opened.getTime() - 48 * HOUR_MS),
      })
      .returning({ id: campaigns.id })
      .get().id;
    const joined: number[] = [];
    for (const code of plan.producerCodes) {
      const producerId = idOf(db, "SELECT id FROM producers WHERE code = ?", code);
      db.insert(campaignProducers)
        .values({
          campaignId,
          producerId,
          status: "joined",
          joinedAt: opened,
          decidedByUserId: admin.userId,
          decidedAt: opened,
          createdAt: opened,
        })
        .run();
      const listingIds = prepared<{ id: number }>(
        db,
        "SELECT id FROM listings WHERE producer_id = ? AND status = 'published' ORDER BY id",
      )
        .all(producerId)
        .map((row) => row.id);
      for (const listingId of listingIds) {
        db.insert(campaignListings)
          .values({ campaignId, listingId, joinedAt: opened, addedByUserId: admin.userId })
          .run();
      }
      joined.push(...listingIds);
    }
    indexListings(db, joined);
    return { campaignId, startsOn };
  };

  /** One order placed `day` days into the campaign, walked to completion through the module. */
  const completedOrder = (startsOn: string, order: DemoCampaign["orders"][number]) => {
    const buyer = buyers[order.buyer % buyers.length]!;
    const placedAt = at(addDays(startsOn, order.day), 9 + order.buyer);
    const step = (hours: number) => new Date(placedAt.getTime() + hours * HOUR_MS);
    let producerId = 0;
    for (const [sku, qty] of order.items) {
      const listing = listingOf.get(sku);
      if (!listing) throw new Error(`demo campaigns: no listing ${sku}`);
      producerId = listing.producerId;
      const stock = stockOf.get(listing.id)?.stock ?? 0;
      if (!catalogueStock.has(listing.id)) catalogueStock.set(listing.id, stock);
      if (stock < qty) {
        setStock(db, {
          listingId: listing.id,
          stock: qty * 2,
          cause: "producer_edit",
          actorUserId: admin.userId,
        });
      }
    }
    const producer = prepared<{ code: string; name: string }>(
      db,
      "SELECT code, name FROM producers WHERE id = ?",
    ).get(producerId);
    // The CSV producers have no account: the Union admin works their orders for them.
    const actor: SignedInActor = {
      ...admin,
      producers: [
        {
          producerId,
          producerCode: producer?.code ?? "",
          producerName: producer?.name ?? "",
          role: "owner",
        },
      ],
    };
    const placed = placeOrder(db, {
      buyerUserId: buyer.userId,
      items: order.items.map(([sku, qty]) => ({ sku, qty })),
      shipping: {
        name: buyer.name,
        phone: buyer.phone.replace(/^\+84/, "0"),
        province: buyer.province,
        commune: buyer.city,
        address: `Số ${10 + order.day}, đường Hùng Vương`,
      },
      paymentMethod: "cod",
      idempotency: { scope: "demo-campaigns", key: `${startsOn}-${order.day}-${order.buyer}` },
      now: placedAt,
    }).orders[0];
    if (!placed) throw new Error("demo campaigns: an order made nothing");
    datePayment.run(placedAt.getTime(), placedAt.getTime(), placed.id);
    stamp(placedAt, true);
    const steps: [number, () => unknown][] = [
      [3, () => acceptOrder(db, actor, placed.id, step(3))],
      [20, () => shipOrder(db, actor, placed.id, step(20))],
      [40, () => deliverOrder(db, actor, placed.id, step(40))],
      [46, () => confirmReceipt(db, buyer.userId, placed.id, step(46))],
    ];
    for (const [hours, run] of steps) {
      run();
      stamp(step(hours), true);
    }
    result.orders += 1;
  };

  const addPartner = (campaignId: number, startsOn: string) => {
    const restaurant = buyers[0]!;
    const partnerId = db
      .insert(campaignPartners)
      .values({
        campaignId,
        name: "Nhà hàng Sông Hiếu (demo)",
        kind: "business",
        buyerUserId: restaurant.userId,
        createdByUserId: admin.userId,
        createdAt: at(startsOn, 10),
      })
      .returning({ id: campaignPartners.id })
      .get().id;
    const pledge = (
      sku: string,
      goods: string,
      quantity: number,
      unit: Unit,
      byIn: number,
      made: Date,
      approved: boolean,
    ) =>
      db
        .insert(campaignPledges)
        .values({
          campaignId,
          partnerId,
          recordedByUserId: restaurant.userId,
          buyerUserId: restaurant.userId,
          goods,
          listingId: listingOf.get(sku)?.id ?? null,
          quantity,
          unit,
          byDate: addDays(today, byIn),
          note: approved ? "Dùng cho bếp nhà hàng trong tháng." : "",
          status: approved ? "approved" : "pending",
          decidedByUserId: approved ? admin.userId : null,
          decidedAt: approved ? new Date(made.getTime() + 20 * HOUR_MS) : null,
          createdAt: made,
          updatedAt: made,
        })
        .run();
    pledge("SP0002", "Hồ tiêu đen Vĩnh Linh túi 1kg", 30, "túi", 10, at(startsOn, 11), true);
    pledge(
      "SP0012",
      "Nghệ tươi Bến Quan",
      80,
      "kg",
      14,
      new Date(now.getTime() - 20 * HOUR_MS),
      false,
    );
  };

  db.$client
    .transaction(() => {
      for (const plan of DEMO_CAMPAIGNS) {
        const { campaignId, startsOn } = insertCampaign(plan);
        result.campaigns += 1;
        for (const order of plan.orders) completedOrder(startsOn, order);
        if (plan.endsIn >= 0) addPartner(campaignId, startsOn);
      }
      // Every listing ends at the stock it had, as the demo history leaves the catalogue.
      for (const [listingId, stock] of catalogueStock) {
        if (stockOf.get(listingId)?.stock === stock) continue;
        setStock(db, { listingId, stock, cause: "producer_edit", actorUserId: admin.userId });
      }
    })
    .immediate();
  return result;
}

/** Gives every demo campaign without a cover a generated card through the image pipeline. */
export async function addDemoCampaignCovers(
  db: Db,
  options: { cacheDir?: string | null } = {},
): Promise<number> {
  const rows = prepared<{ id: number; title: string; unitName: string }>(
    db,
    `SELECT c.id, c.title, u.name AS unitName FROM campaigns c
       JOIN org_units u ON u.id = c.org_unit_id
      WHERE c.cover_storage_key IS NULL ORDER BY c.id`,
  ).all();
  const setCover = prepared(
    db,
    `UPDATE campaigns SET cover_storage_key = ?, cover_width = ?, cover_height = ?,
       cover_placeholder = ? WHERE id = ?`,
  );
  for (const row of rows) {
    const stored = await demoCardImage(
      demoCardSvg({
        title: row.title,
        label: "Chiến dịch hỗ trợ",
        footer: row.unitName,
        colourIndex: row.id + 4,
      }),
      options.cacheDir,
    );
    setCover.run(stored.storageKey, stored.width, stored.height, stored.placeholder, row.id);
  }
  return rows.length;
}
