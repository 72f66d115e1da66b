import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of the outcome reports (issue 12, items 3–6): the page, its print view
 * and its CSV/XLSX downloads need `report:view` (downloads `report:export`): reporters and
 * admins. Staff of commune B asking for commune A's report, or for the province above her,
 * get 403; an unknown unit is 404. Moderators without the reporter role are refused.
 */

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
/** Everyone without a reporter or admin role somewhere. */
const notReporter: DeniedCase[] = [
  login,
  { as: "buyer", expect: 403 },
  { as: "producer", expect: 403 },
  { as: "moderator", expect: 403, note: "moderation only, no report:view" },
];
/** Staff of commune B (admin, moderator, reporter there) asking for units outside it. */
const outsideSubtree: DeniedCase[] = [
  {
    as: "staff-other-subtree",
    expect: 403,
    query: (w: World) => ({ "don-vi": w.communeA.code }),
    note: "another commune's report",
  },
  {
    as: "staff-other-subtree",
    expect: 403,
    query: { "don-vi": "AZ" },
    note: "the province above her",
  },
  {
    as: "reporter",
    expect: 404,
    query: { "don-vi": "KHONG-TON-TAI" },
    note: "an unknown unit",
  },
];

const reportCases: RouteCases = { loader: [...notReporter, ...outsideSubtree] };

export const reportsAuthorizationCases: Record<string, RouteCases> = {
  "quan-ly.bao-cao": reportCases,
  "quan-ly.bao-cao_.in": reportCases,
  "quan-ly.bao-cao[.]csv": reportCases,
  "quan-ly.bao-cao[.]xlsx": reportCases,
};
