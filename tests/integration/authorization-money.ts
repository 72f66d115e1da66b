import type { DeniedCase, RouteCases } from "./authorization-cases";

/**
 * Authorization cases of the money pages issue 13 adds (docs/decisions/023): the producer's
 * refund tasks (a refund of another producer is not found), the admins' commission rates
 * (`commission:manage`: a unit of another subtree is not found) and the staff refund on a
 * producer's order (`payment:manage` over the order's unit).
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
const rateForm = (unitCode: string) => ({
  unitCode,
  basisPoints: "2",
  startsOn: "2099-01-01",
});
const refundForm = { amountVnd: "1000", reason: "Hoàn thử quyền", alreadySettled: "on" };
const orderOfProducerA = (w: { producerId: number; buyerOrderCode: string }) => ({
  producerId: String(w.producerId),
  orderCode: w.buyerOrderCode,
});

export const moneyAuthorizationCases: Record<string, RouteCases> = {
  "ban-hang.hoan-tien": {
    loader: notProducer,
    action: [
      ...notProducer.map((c) => ({
        ...c,
        form: (w: { owedRefundId: number }) => ({ refundId: String(w.owedRefundId) }),
      })),
      {
        as: "other-producer",
        expect: 404,
        form: (w) => ({ refundId: String(w.owedRefundId) }),
        note: "a refund producer A owes",
      },
      {
        as: "producer",
        expect: 403,
        form: (w) => ({ refundId: String(w.owedRefundId) }),
        origin: "https://evil.example",
        note: "from another origin",
      },
    ],
  },
  "quan-ly.hoa-hong": {
    loader: [...notStaff, { as: "moderator", expect: 403 }, { as: "reporter", expect: 403 }],
    action: [
      ...notStaff.map((c) => ({
        ...c,
        form: (w: { communeA: { code: string } }) => rateForm(w.communeA.code),
      })),
      { as: "moderator", expect: 403, form: (w) => rateForm(w.communeA.code) },
      {
        as: "staff-other-subtree",
        expect: 404,
        form: (w) => rateForm(w.communeA.code),
        note: "an admin of commune B setting commune A's rate",
      },
      {
        as: "staff-other-subtree",
        expect: 404,
        form: (w) => rateForm(w.province.code),
        note: "an admin of commune B setting the province's rate",
      },
      {
        as: "admin",
        expect: 403,
        form: (w) => rateForm(w.communeA.code),
        origin: "https://evil.example",
        note: "from another origin",
      },
    ],
  },
  "quan-ly.thanh-toan.$producerId_.hoan-tien.$orderCode": {
    loader: [
      ...notStaff.map((c) => ({ ...c, params: orderOfProducerA })),
      { as: "moderator", expect: 403, params: orderOfProducerA },
      { as: "reporter", expect: 403, params: orderOfProducerA },
      {
        as: "staff-other-subtree",
        expect: 404,
        params: orderOfProducerA,
        note: "an order of a producer of another commune",
      },
      {
        as: "admin",
        expect: 404,
        params: (w) => ({ producerId: String(w.otherProducerId), orderCode: w.buyerOrderCode }),
        note: "producer A's order under producer B",
      },
    ],
    action: [
      ...notStaff.map((c) => ({ ...c, params: orderOfProducerA, form: refundForm })),
      { as: "moderator", expect: 403, params: orderOfProducerA, form: refundForm },
      {
        as: "staff-other-subtree",
        expect: 404,
        params: orderOfProducerA,
        form: refundForm,
        note: "a refund on an order of another commune",
      },
      {
        as: "admin",
        expect: 403,
        params: orderOfProducerA,
        form: refundForm,
        origin: "https://evil.example",
        note: "from another origin",
      },
    ],
  },
};
