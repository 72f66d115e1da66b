import { eq } from "drizzle-orm";
import { getDb } from "~/modules/platform/db.server";
import { purchaseRequests } from "~db/schema";
import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of the Union's connecting work and the purchase-request API (issue 11,
 * items 5 and 6). The connecting pages need `deal:record` (moderators and admins) and act
 * only within the staff member's subtree: staff of commune B inviting to, or recording a
 * deal for, what belongs to commune A get 404. The API reads are public but a hidden request
 * does not exist there; posting needs the orders API's Bearer token.
 */

/** A request a moderator hid, created on first use in the database the test handed the routes. */
const HIDDEN_REQUEST_CODE = "YC-AZ-9001";

function ensureHiddenRequest(world: World): void {
  const db = getDb();
  const exists = db
    .select({ id: purchaseRequests.id })
    .from(purchaseRequests)
    .where(eq(purchaseRequests.code, HIDDEN_REQUEST_CODE))
    .get();
  if (exists) return;
  db.insert(purchaseRequests)
    .values({
      code: HIDDEN_REQUEST_CODE,
      buyerUserId: world.userIds["other-buyer"],
      title: "Yêu cầu đã bị ẩn",
      quantity: 10,
      unit: "kg",
      deliveryLocation: "Phường Đông Hà, Tỉnh Quảng Trị",
      provinceCode: "44",
      communeCode: "19333",
      orgUnitId: world.communeA.id,
      neededBy: "2099-12-31",
      isHidden: true,
      hiddenAt: new Date(),
      hiddenReason: "Quảng cáo",
    })
    .run();
}

const hidden = (world: World) => {
  ensureHiddenRequest(world);
  return { code: HIDDEN_REQUEST_CODE };
};

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
/** Everyone without `deal:record`: buyers, producers and reporters. */
const notConnector: DeniedCase[] = [
  login,
  { as: "buyer", expect: 403 },
  { as: "producer", expect: 403 },
  { as: "reporter", expect: 403, note: "reports only, no deal:record" },
];
const crossSite: DeniedCase = {
  as: "moderator",
  expect: 403,
  origin: "https://evil.example",
  note: "from another origin",
};

/** The world's request of commune A, whose invite page staff of commune B may not open. */
const requestOfA = (w: World) => ({ code: w.purchaseRequestCode });
const invitation = (w: World) => ({ producerCode: w.otherProducerCode });
const deal = {
  buyerName: "Siêu thị Thử Nghiệm",
  producerCode: "SX901",
  goods: "Gạo thử nghiệm",
  quantity: "10",
  unit: "kg",
  amountVnd: "100000",
  dealOn: "2026-01-01",
};

export const connectAuthorizationCases: Record<string, RouteCases> = {
  "quan-ly.ket-noi": { loader: notConnector },
  "quan-ly.ket-noi_.moi.$code": {
    loader: [
      ...notConnector.map((c) => ({ ...c, params: requestOfA })),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: requestOfA,
        note: "the invite page of a request of another commune",
      },
    ],
    action: [
      ...notConnector.map((c) => ({ ...c, params: requestOfA, form: invitation })),
      { ...crossSite, params: requestOfA, form: invitation },
      {
        as: "staff-other-subtree",
        expect: 404,
        params: requestOfA,
        form: invitation,
        note: "inviting a producer to a request of another commune",
      },
    ],
  },
  "quan-ly.ket-noi_.giao-dich": {
    loader: notConnector,
    action: [
      ...notConnector.map((c) => ({ ...c, form: deal })),
      { ...crossSite, form: deal },
      {
        as: "staff-other-subtree",
        expect: 404,
        form: deal,
        note: "recording a deal for a producer of another commune",
      },
    ],
  },
  // Public reads of open requests; posting is for API tokens only (a session is not enough).
  "api.v1.purchase-requests": {
    loader: "public",
    action: [
      { as: "anonymous", expect: 401 },
      { as: "buyer", via: "cookie", expect: 401, note: "a session cookie is not an API token" },
    ],
  },
  "api.v1.purchase-requests.$code": {
    loader: [
      "public",
      { as: "anonymous", expect: 404, params: hidden, note: "a hidden request" },
      { as: "other-buyer", expect: 404, params: hidden, note: "even its owner's token" },
    ],
  },
  "api.v1.purchase-requests.$code.matches": {
    loader: [
      "public",
      { as: "anonymous", expect: 404, params: hidden, note: "a hidden request's matches" },
    ],
  },
};
