import { pledgesAuthorizationCases } from "./authorization-pledges";
import { campaignpageAuthorizationCases } from "./authorization-campaignpage";
import { campaignsAuthorizationCases } from "./authorization-campaigns";
import { privacyAuthorizationCases } from "./authorization-privacy";
import { businessAuthorizationCases } from "./authorization-business";
import { channelsAuthorizationCases } from "./authorization-channels";
import { teamAuthorizationCases } from "./authorization-team";
import { assistAuthorizationCases } from "./authorization-assist";
import { recoveryAuthorizationCases } from "./authorization-recovery";
import { transferAuthorizationCases } from "./authorization-transfer";
import { checkoutflowAuthorizationCases } from "./authorization-checkoutflow";
import { journeyAuthorizationCases } from "./authorization-journey";
import { searchjourneyAuthorizationCases } from "./authorization-searchjourney";
import type { UserKind, World } from "./authorization-world";
import { connectAuthorizationCases } from "./authorization-connect";
import { matchingAuthorizationCases } from "./authorization-matching";
import { membersAuthorizationCases } from "./authorization-members";
import { offersAuthorizationCases } from "./authorization-offers";
import { orgtreeAuthorizationCases } from "./authorization-orgtree";
import { moneyAuthorizationCases } from "./authorization-money";
import { dailyAuthorizationCases } from "./authorization-daily";
import { listingtoolsAuthorizationCases } from "./authorization-listingtools";
import { staffproducersAuthorizationCases } from "./authorization-staffproducers";
import { oversightAuthorizationCases } from "./authorization-oversight";
import { reportsAuthorizationCases } from "./authorization-reports";
import { requestsAuthorizationCases } from "./authorization-requests";
import { supplyAuthorizationCases } from "./authorization-supply";

/**
 * The authorization manifest: for every route module in app/routes (route id = file name
 * without extension, plus "root"), what each exported loader and action must do when the
 * wrong kind of user calls it. tests/integration/authorization.test.ts fails when a route
 * exports a loader or action that has no entry here, or when an entry names something that
 * does not exist. Add the cases together with the route.
 *
 * - `"public"`: anyone may call it; an anonymous GET (loader) or an empty POST (action) must
 *   not end in a 5xx.
 * - `{ as, expect }`: calling it as that kind of user (see authorization-world.ts) must be
 *   refused with that status; `"redirect-login"` means a redirect to /dang-nhap.
 */
export type Expectation = 401 | 403 | 404 | "redirect-login";

/** Route params, fixed or computed from the test world (ids are only known at run time). */
export type ParamsSpec = Record<string, string> | ((world: World) => Record<string, string>);

export interface DeniedCase {
  as: UserKind;
  expect: Expectation;
  /** Values of the dynamic segments; missing ones default to "khong-ton-tai". */
  params?: ParamsSpec;
  /** The query string's fields (e.g. another unit's `don-vi=` for a report), maybe from the world. */
  query?: ParamsSpec;
  /** Form fields of an action request (e.g. `{ intent: "approve" }`), maybe from the world. */
  form?: Record<string, string> | ((world: World) => Record<string, string>);
  /**
   * How a signed-in user proves who they are: the session cookie (pages), or an API token in
   * `Authorization: Bearer` (the default for routes under /api/v1/).
   */
  via?: "cookie" | "token";
  /** The Origin header of an action request; another site's origin must be refused (403). */
  origin?: string;
  /** Why this case exists, when not obvious. */
  note?: string;
}

export type Case = "public" | DeniedCase | ("public" | DeniedCase)[];

export interface RouteCases {
  loader?: Case;
  action?: Case;
}

/** Cases every page reserved to a signed-in user shares. */
const anonymousToLogin: DeniedCase = { as: "anonymous", expect: "redirect-login" };

/** A producer-workspace page: buyers and staff are refused, anonymous visitors log in. */
const producerOnly: DeniedCase[] = [
  anonymousToLogin,
  { as: "buyer", expect: 403 },
  { as: "reporter", expect: 403 },
];

/** A Union staff page: buyers and producers are refused, anonymous visitors log in. */
const staffOnly: DeniedCase[] = [
  anonymousToLogin,
  { as: "buyer", expect: 403 },
  { as: "producer", expect: 403 },
];

/** A state-changing request from another site. */
const crossSite: DeniedCase = {
  as: "buyer",
  expect: 403,
  origin: "https://evil.example",
  note: "from another origin",
};

export const authorizationCases: Record<string, RouteCases> = {
  // — The shell and the public storefront —
  root: { loader: "public" },
  healthz: { loader: "public" },
  "media.$key.$file": { loader: "public" },
  _index: { loader: "public" },
  "tim-kiem": { loader: "public" },
  "nha-san-xuat.$code": { loader: "public" },
  "ngon-ngu": { action: ["public", crossSite] },
  "san-pham.$slug": {
    loader: [
      "public",
      {
        as: "anonymous",
        expect: 404,
        params: (w) => ({ slug: w.draftListingSlug }),
        note: "a draft listing",
      },
      {
        as: "other-producer",
        expect: 404,
        params: (w) => ({ slug: w.draftListingSlug }),
        note: "another producer's draft",
      },
    ],
  },
  "p.$sku": {
    loader: [
      "public",
      {
        as: "anonymous",
        expect: 404,
        params: (w) => ({ sku: w.draftListingSku }),
        note: "a draft listing",
      },
    ],
  },
  // The catch-all 404 page.
  $: { loader: "public" },

  // — Accounts: public forms, but never from another site —
  // Logging out is open to anyone (an anonymous POST just lands on /), but not cross-site:
  // another site must not be able to log our users out.
  "dang-xuat": { loader: "public", action: ["public", crossSite] },
  "tai-khoan": {
    loader: [anonymousToLogin],
    action: [anonymousToLogin, crossSite],
  },
  // Notifications are selected by the signed-in user's id: another user's id is a 404.
  "thong-bao": {
    loader: [anonymousToLogin],
    action: [
      anonymousToLogin,
      crossSite,
      { as: "buyer", expect: 404, form: { intent: "open", id: "987654321" } },
    ],
  },
  "dang-nhap": { loader: "public", action: ["public", { ...crossSite, as: "anonymous" }] },
  "dang-ky._index": { loader: "public", action: ["public", { ...crossSite, as: "anonymous" }] },
  "dang-ky.nha-san-xuat": {
    loader: "public",
    action: ["public", { ...crossSite, as: "anonymous" }, crossSite],
  },

  // A guest has a cart too (cookie); checkout needs an account.
  "gio-hang": { loader: "public", action: ["public", { ...crossSite, as: "anonymous" }] },
  "thanh-toan": { loader: [anonymousToLogin], action: [anonymousToLogin, crossSite] },

  // — Buyers' orders: the query is scoped to the buyer, so anyone else's order is a 404 —
  "don-hang._index": { loader: [anonymousToLogin] },
  "don-hang.$id": {
    loader: [
      { ...anonymousToLogin, params: (w) => ({ id: String(w.buyerOrderId) }) },
      {
        as: "buyer",
        expect: 404,
        params: (w) => ({ id: String(w.otherBuyerOrderId) }),
        note: "another buyer's order",
      },
      {
        as: "producer",
        expect: 404,
        params: (w) => ({ id: String(w.otherBuyerOrderId) }),
        note: "an order that is not the user's",
      },
    ],
    action: [
      { ...anonymousToLogin, params: (w) => ({ id: String(w.buyerOrderId) }) },
      {
        as: "buyer",
        expect: 404,
        params: (w) => ({ id: String(w.otherBuyerOrderId) }),
        form: { intent: "cancel" },
        note: "cancelling another buyer's order",
      },
      {
        as: "producer",
        expect: 404,
        params: (w) => ({ id: String(w.buyerOrderId) }),
        form: { intent: "confirm_receipt" },
        note: "the producer is not the buyer of its order",
      },
      { ...crossSite, params: (w) => ({ id: String(w.buyerOrderId) }), form: { intent: "cancel" } },
    ],
  },

  // — Producers' order inbox and statement (scoped to the member's producers) —
  "ban-hang.don-hang._index": {
    loader: producerOnly,
    action: [
      ...producerOnly,
      {
        as: "other-producer",
        expect: 404,
        form: (w) => ({ orderId: String(w.buyerOrderId), intent: "ship" }),
        note: "shipping another producer's order from the inbox",
      },
      {
        ...crossSite,
        as: "producer",
        form: (w) => ({ orderId: String(w.buyerOrderId), intent: "ship" }),
      },
    ],
  },
  "ban-hang.don-hang.$id": {
    loader: [
      ...producerOnly,
      {
        as: "other-producer",
        expect: 404,
        params: (w) => ({ id: String(w.buyerOrderId) }),
        note: "another producer's order",
      },
    ],
    action: [
      ...producerOnly,
      {
        as: "other-producer",
        expect: 404,
        params: (w) => ({ id: String(w.buyerOrderId) }),
        form: { intent: "ship" },
        note: "shipping another producer's order",
      },
      {
        ...crossSite,
        as: "producer",
        params: (w) => ({ id: String(w.buyerOrderId) }),
        form: { intent: "ship" },
      },
    ],
  },
  "ban-hang.don-hang.$id_.phieu-giao": {
    loader: [
      ...producerOnly,
      {
        as: "other-producer",
        expect: 404,
        params: (w) => ({ id: String(w.buyerOrderId) }),
        note: "another producer's delivery note",
      },
    ],
  },
  "ban-hang.so-du": { loader: producerOnly },

  // — Payments, payouts and reviews for Union staff (admins; moderators for reviews) —
  "quan-ly.thanh-toan._index": {
    loader: [...staffOnly, { as: "moderator", expect: 403 }, { as: "reporter", expect: 403 }],
    action: [
      ...staffOnly,
      { as: "moderator", expect: 403 },
      {
        as: "other-producer",
        expect: 403,
        form: (w) => ({ orderId: String(w.buyerOrderId) }),
        note: "a producer is not Union staff, even for a transfer",
      },
      {
        as: "staff-other-subtree",
        expect: 404,
        form: (w) => ({ orderId: String(w.buyerOrderId) }),
        note: "a transfer to a producer of another commune",
      },
      { ...crossSite, as: "admin", form: (w) => ({ orderId: String(w.buyerOrderId) }) },
    ],
  },
  "quan-ly.thanh-toan.$producerId": {
    loader: [
      ...staffOnly,
      { as: "moderator", expect: 403 },
      {
        as: "staff-other-subtree",
        expect: 404,
        params: (w) => ({ producerId: String(w.producerId) }),
        note: "a producer of another commune",
      },
    ],
    action: [
      ...staffOnly,
      { as: "reporter", expect: 403 },
      {
        as: "staff-other-subtree",
        expect: 404,
        params: (w) => ({ producerId: String(w.producerId) }),
        form: { amountVnd: "1000", reference: "UNC-1", paidOn: "2026-12-01" },
        note: "a payout to a producer of another commune",
      },
    ],
  },
  "quan-ly.danh-gia": {
    loader: [...staffOnly, { as: "reporter", expect: 403 }],
    action: [
      ...staffOnly,
      {
        as: "reporter",
        expect: 403,
        form: (w) => ({ reviewId: String(w.reviewId), intent: "hide" }),
      },
      {
        as: "staff-other-subtree",
        expect: 403,
        form: (w) => ({ reviewId: String(w.reviewId), intent: "hide" }),
        note: "a review of an order in another commune",
      },
      {
        ...crossSite,
        as: "moderator",
        form: (w) => ({ reviewId: String(w.reviewId), intent: "hide" }),
      },
    ],
  },

  // — Purchase requests: public to read; posting one needs a buyer profile —
  "yeu-cau-mua._index": { loader: "public" },
  "yeu-cau-mua.moi": {
    loader: [
      anonymousToLogin,
      { as: "producer", expect: 403, note: "no buyer profile" },
      { as: "moderator", expect: 403, note: "no buyer profile" },
    ],
    action: [
      anonymousToLogin,
      { as: "producer", expect: 403, note: "no buyer profile" },
      { ...crossSite, as: "buyer" },
    ],
  },

  // — Workspaces —
  "ban-hang._index": { loader: [...producerOnly, { as: "admin", expect: 403 }] },
  "quan-ly._index": { loader: staffOnly },
  // The public catalogue API: only published products exist there.
  "api.v1.openapi[.]json": { loader: "public" },
  "api.v1.products": { loader: "public" },
  "api.v1.products.$sku": {
    loader: [
      "public",
      {
        as: "anonymous",
        expect: 404,
        params: (w) => ({ sku: w.draftListingSku }),
        note: "a draft listing",
      },
      {
        as: "other-producer",
        expect: 404,
        params: (w) => ({ sku: w.draftListingSku }),
        note: "another producer's draft",
      },
    ],
  },
  // — Orders and payments (issue 5) —
  // The business API authenticates with a Bearer token only: a session cookie is not enough.
  "api.v1.orders": {
    loader: "public",
    action: [
      { as: "anonymous", expect: 401 },
      { as: "buyer", via: "cookie", expect: 401, note: "a session cookie is not an API token" },
    ],
  },
  "api.v1.orders.$id": {
    loader: [
      { as: "anonymous", expect: 401 },
      {
        as: "buyer",
        via: "cookie",
        expect: 401,
        params: (w) => ({ id: String(w.buyerOrderId) }),
        note: "even for the buyer's own order, without a token",
      },
      {
        as: "buyer",
        expect: 404,
        params: (w) => ({ id: String(w.otherBuyerOrderId) }),
        note: "another buyer's order, with the buyer's token",
      },
      {
        as: "other-producer",
        expect: 404,
        params: (w) => ({ id: String(w.buyerOrderId) }),
        note: "an order placed with another producer",
      },
    ],
  },
  // Stripe signs its events; without a valid signature nothing happens (400, or 404 when
  // no webhook secret is configured).
  "api.stripe.webhook": { loader: "public", action: "public" },
  // — Supply: producer workspace, moderation, imports, QR codes (issue 3) —
  ...supplyAuthorizationCases,
  // — Demand: requests, offers, the Union's connecting work, the requests API (issue 11) —
  ...requestsAuthorizationCases,
  ...offersAuthorizationCases,
  ...matchingAuthorizationCases,
  ...connectAuthorizationCases,
  // — The Union's side (issue 12): outcome reports, the org tree, officers and members —
  ...reportsAuthorizationCases,
  ...orgtreeAuthorizationCases,
  ...moneyAuthorizationCases,
  ...dailyAuthorizationCases,
  ...listingtoolsAuthorizationCases,
  ...staffproducersAuthorizationCases,
  ...oversightAuthorizationCases,
  ...membersAuthorizationCases,
  ...transferAuthorizationCases,
  ...privacyAuthorizationCases,
  ...pledgesAuthorizationCases,
  ...campaignpageAuthorizationCases,
  ...campaignsAuthorizationCases,
  ...businessAuthorizationCases,
  ...channelsAuthorizationCases,
  ...teamAuthorizationCases,
  ...assistAuthorizationCases,
  ...recoveryAuthorizationCases,
  ...checkoutflowAuthorizationCases,
  ...journeyAuthorizationCases,
  ...searchjourneyAuthorizationCases,
};

export { anonymousToLogin, producerOnly, staffOnly };
