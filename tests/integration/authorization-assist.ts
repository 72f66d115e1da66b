import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of assisted mode's routes (issue 15). Acting for a producer needs
 * `producer:assist` (moderators and admins) over the producer's unit; the context itself
 * (what an assisted session reaches) is covered by tests/integration/assist-context.test.ts.
 */

const startForA = (w: World) => ({ intent: "start", producerId: String(w.producerId) });

const newProducerInA = (w: World) => ({
  producerName: "Tổ hợp tác thử quyền",
  producerKind: "tho",
  orgUnitId: String(w.communeA.id),
  address: "Thôn 1, xã A",
  membersTotal: "5",
  memberName: "Chị Thử",
  memberPhone: "0988000111",
});

const notStaff: DeniedCase[] = [
  { as: "anonymous", expect: "redirect-login" },
  { as: "buyer", expect: 403 },
  { as: "producer", expect: 403 },
  { as: "reporter", expect: 403, note: "reporters do not act for producers" },
];

export const assistAuthorizationCases: Record<string, RouteCases> = {
  "quan-ly.thao-tac-thay": {
    action: [
      { as: "anonymous", expect: "redirect-login", form: startForA },
      { as: "buyer", expect: 403, form: startForA },
      { as: "producer", expect: 403, form: startForA, note: "a producer cannot act for itself" },
      { as: "reporter", expect: 403, form: startForA },
      {
        as: "staff-other-subtree",
        expect: 403,
        form: startForA,
        note: "commune B's moderator cannot act for producer A",
      },
      {
        as: "moderator",
        expect: 403,
        form: startForA,
        origin: "https://evil.example",
        note: "another site's form",
      },
    ],
  },
  "quan-ly.nha-san-xuat.moi": {
    loader: notStaff,
    action: [
      ...notStaff.map((denied) => ({ ...denied, form: newProducerInA })),
      {
        as: "staff-other-subtree",
        expect: 403,
        form: newProducerInA,
        note: "a producer in commune A, outside her subtree",
      },
      {
        as: "moderator",
        expect: 403,
        form: newProducerInA,
        origin: "https://evil.example",
        note: "another site's form",
      },
    ],
  },
  "ban-hang.lich-su": {
    loader: [
      { as: "anonymous", expect: "redirect-login" },
      { as: "buyer", expect: 403 },
      { as: "reporter", expect: 403 },
      {
        as: "other-producer",
        expect: 404,
        query: (w) => ({ nsx: w.producerCode }),
        note: "producer A's history",
      },
    ],
  },
};
