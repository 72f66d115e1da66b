import type { RouteCases } from "./authorization-cases";

/**
 * Authorization cases of the oversight routes (issue 13): the audit log needs `audit:view`
 * (moderators, reporters, admins), which buyers and producers lack; a signed-out visitor is
 * sent to log in. Staff of another subtree get the page with their own entries only
 * (oversight-audit.test.ts shows the scope and the masking).
 */
export const oversightAuthorizationCases: Record<string, RouteCases> = {
  "quan-ly.nhat-ky": {
    loader: [
      { as: "anonymous", expect: "redirect-login" },
      { as: "buyer", expect: 403 },
      { as: "producer", expect: 403 },
      { as: "other-producer", expect: 403, note: "a producer owner is not Union staff" },
    ],
  },
};
