import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of the org tree administration (issue 12, item 1). Every staff member
 * reads the tree of her own subtree; `org:manage` (admins) changes units, over the parent for
 * a move or a merge; `staff:manage` (admins) gives and ends roles. Staff of commune B get 404
 * for commune A (it is not in their tree), and 403 for moving or merging their own commune
 * (that needs `org:manage` over the province).
 */

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const notStaff: DeniedCase[] = [
  login,
  { as: "buyer", expect: 403 },
  { as: "producer", expect: 403 },
];
/** Province staff without `org:manage` / `staff:manage`: they read the tree, never change it. */
const notAdmin: DeniedCase[] = [
  { as: "moderator", expect: 403, note: "reads the tree, no org:manage or staff:manage" },
  { as: "reporter", expect: 403, note: "reads the tree, no org:manage or staff:manage" },
];
const communeA = (w: World) => ({ code: w.communeA.code });
const communeB = (w: World) => ({ code: w.communeB.code });
const otherSubtree: DeniedCase = {
  as: "staff-other-subtree",
  expect: 404,
  params: communeA,
  note: "a unit of another commune is not in her tree",
};
const crossSite: DeniedCase = {
  as: "admin",
  expect: 403,
  origin: "https://evil.example",
  note: "from another origin",
};

/** The loader and action cases of a form page on commune A, with the form the action sends. */
function formPage(
  form: Record<string, string> | ((w: World) => Record<string, string>),
  extra: DeniedCase[] = [],
): RouteCases {
  const onA = (c: DeniedCase): DeniedCase => ({ params: communeA, ...c });
  const denied = [...notStaff, ...notAdmin, otherSubtree, ...extra].map(onA);
  return {
    loader: denied,
    action: [...denied, onA(crossSite)].map((c) => ({ ...c, form })),
  };
}

/** Moving or merging her own commune needs org:manage over the province, which she lacks. */
const ownCommune: DeniedCase = {
  as: "staff-other-subtree",
  expect: 403,
  params: communeB,
  note: "her own commune: moving or merging it needs org:manage over the province",
};

export const orgtreeAuthorizationCases: Record<string, RouteCases> = {
  "quan-ly.to-chuc": { loader: notStaff },
  "quan-ly.to-chuc_.$code": {
    loader: [...notStaff.map((c) => ({ ...c, params: communeA })), otherSubtree],
  },
  "quan-ly.to-chuc_.$code_.them": formPage({
    code: "AZ-A-CH9",
    name: "Chi hội thử quyền",
    level: "branch",
  }),
  "quan-ly.to-chuc_.$code_.doi-ten": formPage({ name: "Tên thử quyền" }),
  "quan-ly.to-chuc_.$code_.chuyen": formPage(
    (w) => ({ parentCode: w.communeB.code }),
    [ownCommune],
  ),
  "quan-ly.to-chuc_.$code_.sap-nhap": formPage(
    (w) => ({ survivorCode: w.communeB.code, confirm: "on" }),
    [ownCommune],
  ),
  "quan-ly.to-chuc_.$code_.vai-tro": formPage({ phone: "0912345678", role: "moderator" }),
  "quan-ly.to-chuc_.$code_.ket-thuc-vai-tro": formPage((w) => ({
    userId: String(w.userIds.moderator),
    role: "moderator",
  })),
};
