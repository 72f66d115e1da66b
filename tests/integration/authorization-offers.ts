import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of offers (issue 11): the request page, the offer form, an offer's
 * thread and the owner's accept/decline page. `world.offerId` is producer B's offer on the
 * other buyer's request YC-AZ-0001: producer A, the buyer and staff (of any subtree) have no
 * business with it; only its owner decides and only she and B's members read the thread.
 */

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const request = (w: World) => ({ code: w.purchaseRequestCode });
const offer = (w: World) => ({ code: w.purchaseRequestCode, offerId: String(w.offerId) });

const notProducer: DeniedCase[] = [
  { ...login, params: request },
  { as: "buyer", expect: 403, params: request },
  { as: "other-buyer", expect: 403, params: request, note: "the owner is no producer" },
  { as: "moderator", expect: 403, params: request, note: "staff are not producers" },
];

/** Everyone but the request's owner and producer B's members. */
const outsidersOfOffer = (form?: Record<string, string>): DeniedCase[] => [
  { ...login, params: offer, form },
  { as: "producer", expect: 404, params: offer, form, note: "another producer's offer" },
  { as: "buyer", expect: 404, params: offer, form, note: "another buyer's request" },
  { as: "admin", expect: 404, params: offer, form, note: "staff do not read threads" },
  { as: "staff-other-subtree", expect: 404, params: offer, form },
];

/** Everyone but the request's owner: producer B itself cannot accept its own offer. */
const notOwner = (form?: Record<string, string>): DeniedCase[] => [
  ...outsidersOfOffer(form),
  { as: "other-producer", expect: 404, params: offer, form, note: "the offering producer" },
];

const acceptForm = {
  intent: "accept",
  name: "Người nhận",
  phone: "0912345678",
  province: "Quảng Trị",
  commune: "Phường Đông Hà",
  address: "1 Lê Duẩn",
  deliveryMethod: "delivery",
  paymentMethod: "cod",
};

export const offersAuthorizationCases: Record<string, RouteCases> = {
  // The request itself is public; the parts for its owner, producers and staff are checked
  // in tests/integration/offers-pages.test.ts (prices and threads only for the owner).
  "yeu-cau-mua.$code": { loader: "public" },
  "yeu-cau-mua.$code_.chao-gia": {
    loader: notProducer,
    action: [
      ...notProducer.map((c) => ({ ...c, form: { intent: "submit" } })),
      {
        as: "other-buyer",
        expect: 403,
        origin: "https://evil.example",
        params: request,
        note: "from another origin",
      },
      {
        as: "producer",
        expect: 404,
        params: request,
        form: (w: World) => ({ intent: "withdraw", offerId: String(w.offerId), confirm: "yes" }),
        note: "withdrawing producer B's offer",
      },
    ],
  },
  "yeu-cau-mua.$code_.hoi-dap.$offerId": {
    loader: outsidersOfOffer(),
    action: [
      ...outsidersOfOffer({ body: "Cho hỏi số điện thoại?" }),
      {
        as: "other-buyer",
        expect: 403,
        origin: "https://evil.example",
        params: offer,
        form: { body: "Xin chào" },
        note: "from another origin",
      },
    ],
  },
  "yeu-cau-mua.$code_.nhan.$offerId": {
    loader: notOwner(),
    action: [
      ...notOwner(acceptForm),
      ...notOwner({ intent: "decline", confirm: "yes" }),
      {
        as: "other-buyer",
        expect: 403,
        origin: "https://evil.example",
        params: offer,
        form: acceptForm,
        note: "from another origin",
      },
    ],
  },
};
