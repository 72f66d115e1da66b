import type { DeniedCase, RouteCases } from "./authorization-cases";

/**
 * Authorization cases of purchase requests' life (issue 11): the owner's edit and state
 * changes, moderators' hiding within their subtree, and a buyer's own list. The request is
 * the other buyer's `YC-AZ-0001`, delivered in commune A.
 */

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const request = { code: "YC-AZ-0001" };
const crossSite: DeniedCase = {
  as: "other-buyer",
  expect: 403,
  origin: "https://evil.example",
  params: request,
  note: "the owner, but from another origin",
};

/** Someone other than the owner: the request is not theirs to see in an edit form. */
const notOwner: DeniedCase[] = [
  { as: "buyer", expect: 404, params: request, note: "another buyer's request" },
  { as: "producer", expect: 404, params: request },
  { as: "moderator", expect: 404, params: request, note: "staff do not edit buyers' requests" },
];

export const requestsAuthorizationCases: Record<string, RouteCases> = {
  "yeu-cau-mua.$code_.sua": {
    loader: [{ ...login, params: request }, ...notOwner],
    action: [{ ...login, params: request }, ...notOwner, crossSite],
  },
  "yeu-cau-mua.$code_.trang-thai": {
    action: [
      { ...login, params: request, form: { intent: "close" } },
      { as: "buyer", expect: 404, params: request, form: { intent: "close" }, note: "not hers" },
      { as: "buyer", expect: 404, params: request, form: { intent: "reopen" }, note: "not hers" },
      {
        as: "other-producer",
        expect: 404,
        params: request,
        form: { intent: "close" },
        note: "offering on a request gives no say over it",
      },
      { as: "buyer", expect: 403, params: request, form: { intent: "hide" } },
      { as: "producer", expect: 403, params: request, form: { intent: "unhide" } },
      { as: "reporter", expect: 403, params: request, form: { intent: "hide" } },
      {
        as: "staff-other-subtree",
        expect: 404,
        params: request,
        form: { intent: "hide" },
        note: "commune A is outside commune B's subtree",
      },
      { ...crossSite, form: { intent: "close" } },
    ],
  },
  "tai-khoan_.yeu-cau-mua": { loader: login },
  "dia-danh.$tinh": { loader: "public" },
};
