import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of staff's producer directory and producer page (issue 13, item 5),
 * and of the producer's resubmission after staff asked for changes. Every staff role reads
 * the directory of its subtree (`producer:view`); suspending, reinstating and unpublishing
 * need `producer:suspend` (moderators, admins), so the reporter is refused; staff of
 * commune B do not find producer A (404). The resubmission is a workspace page: another
 * producer's code is not found.
 */

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const notStaff: DeniedCase[] = [
  login,
  { as: "buyer", expect: 403 },
  { as: "producer", expect: 403 },
];
const notProducer: DeniedCase[] = [
  login,
  { as: "buyer", expect: 403 },
  { as: "reporter", expect: 403 },
];
const producerA = (w: World) => ({ code: w.producerCode });
const suspendForm = { intent: "suspend", reason: "Lý do thử quyền truy cập", confirm: "on" };
const otherSubtree: DeniedCase = {
  as: "staff-other-subtree",
  expect: 404,
  params: producerA,
  note: "a producer of another commune is not in her directory",
};
const resubmitForm = (w: World) => ({
  producer: w.producerCode,
  address: "thôn 2, xã Thử Nghiệm",
  membersTotal: "10",
  membersWomen: "9",
  membersEthnicMinority: "0",
  membersPoorHousehold: "0",
});

export const staffproducersAuthorizationCases: Record<string, RouteCases> = {
  "quan-ly.nha-san-xuat._index": { loader: notStaff },
  "quan-ly.nha-san-xuat.$code": {
    loader: [...notStaff.map((c) => ({ ...c, params: producerA })), otherSubtree],
    action: [
      ...notStaff.map((c) => ({ ...c, params: producerA, form: suspendForm })),
      {
        as: "reporter",
        expect: 403,
        params: producerA,
        form: suspendForm,
        note: "reads the directory, may not suspend (no producer:suspend)",
      },
      { ...otherSubtree, form: suspendForm },
      {
        ...otherSubtree,
        form: (w) => ({
          intent: "unpublish",
          listingId: String(w.listingId),
          reason: "Gỡ thử quyền",
        }),
        note: "unpublishing a listing of another commune's producer",
      },
      {
        ...otherSubtree,
        form: (w) => ({
          intent: "cancelOrder",
          orderId: String(w.buyerOrderId),
          reason: "Huỷ thử quyền truy cập",
          confirm: "on",
        }),
        note: "cancelling an order of another commune's producer",
      },
      {
        as: "moderator",
        expect: 404,
        params: (w) => ({ code: w.otherProducerCode }),
        form: (w) => ({
          intent: "cancelOrder",
          orderId: String(w.buyerOrderId),
          reason: "Huỷ thử quyền truy cập",
          confirm: "on",
        }),
        note: "an order of producer A posted on producer B's page",
      },
      {
        as: "moderator",
        expect: 404,
        params: (w) => ({ code: w.otherProducerCode }),
        form: (w) => ({
          intent: "unpublish",
          listingId: String(w.listingId),
          reason: "Gỡ thử quyền",
        }),
        note: "a listing of producer A posted on producer B's page",
      },
      {
        as: "admin",
        expect: 403,
        params: producerA,
        form: suspendForm,
        origin: "https://evil.example",
        note: "from another origin",
      },
    ],
  },
  "ban-hang.ho-so_.gui-lai": {
    loader: [
      ...notProducer,
      {
        as: "other-producer",
        expect: 404,
        query: (w) => ({ nsx: w.producerCode }),
        note: "the first producer's application",
      },
    ],
    action: [
      ...notProducer.map((c) => ({ ...c, form: resubmitForm })),
      {
        as: "other-producer",
        expect: 404,
        form: resubmitForm,
        note: "resubmitting the first producer's application",
      },
      {
        as: "producer",
        expect: 403,
        form: resubmitForm,
        origin: "https://evil.example",
        note: "from another origin",
      },
    ],
  },
};
