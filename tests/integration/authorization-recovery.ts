import type { DeniedCase, RouteCases } from "./authorization-cases";

/** Authorization cases of the routes issue 15 adds for account recovery and confirmed phones. */

const anonymousToLogin: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const crossSite: DeniedCase = {
  as: "buyer",
  expect: 403,
  origin: "https://evil.example",
  note: "from another origin",
};
/** `account:reset` is the moderators' and admins' (permissions.server.ts). */
const resettersOnly: DeniedCase[] = [
  anonymousToLogin,
  { as: "buyer", expect: 403 },
  { as: "producer", expect: 403 },
  { as: "team-member", expect: 403 },
  { as: "reporter", expect: 403, note: "a reporter may not reset accounts" },
];

export const recoveryAuthorizationCases: Record<string, RouteCases> = {
  // Anyone who forgot a password: the same answer whether or not the account exists.
  "quen-mat-khau": { loader: "public", action: ["public", crossSite] },
  "dat-lai-mat-khau": { loader: "public", action: ["public", crossSite] },
  // Her own phone only.
  "xac-nhan-so-dien-thoai": { loader: anonymousToLogin, action: [anonymousToLogin, crossSite] },
  "quan-ly.ma-khoi-phuc": {
    loader: resettersOnly,
    action: [...resettersOnly, { ...crossSite, as: "moderator" }],
  },
  // Only in demo mode (the tests' mode); a 404 in live mode (recovery-pages.test.ts).
  "demo.tin-nhan": { loader: "public" },
};
