import type { DeniedCase, RouteCases } from "./authorization-cases";

/**
 * Authorization cases of the routes issue 15 adds for the business buyer: her API tokens and
 * her business profile. The invoice forms on the two order pages are checked on the real
 * server in business-pages.test.ts (another buyer, another producer, anonymous), since those
 * routes' cases live in authorization-cases.ts.
 */

const anonymousToLogin: DeniedCase = { as: "anonymous", expect: "redirect-login" };

const crossSite: DeniedCase = {
  as: "buyer",
  expect: 403,
  origin: "https://evil.example",
  note: "from another origin",
};

/** A token id that is nobody's: what another user's token looks like to her (a 404). */
const NOBODYS_TOKEN = "987654321";

export const businessAuthorizationCases: Record<string, RouteCases> = {
  // Her own tokens only: the queries are scoped to her, anyone else's token is a 404.
  "tai-khoan_.api": {
    loader: [
      anonymousToLogin,
      {
        as: "other-buyer",
        expect: 404,
        query: { "thu-hoi": NOBODYS_TOKEN },
        note: "asking to revoke a token that is not hers",
      },
    ],
    action: [
      anonymousToLogin,
      { ...crossSite, form: { intent: "create", name: "ERP" } },
      {
        as: "other-buyer",
        expect: 404,
        form: { intent: "revoke", id: NOBODYS_TOKEN, confirm: "yes" },
        note: "revoking a token that is not hers",
      },
    ],
  },
  // A buyer's page: a producer or staff account has no buyer profile to edit.
  "tai-khoan_.doanh-nghiep": {
    loader: [
      anonymousToLogin,
      { as: "producer", expect: 403, note: "not a buyer" },
      { as: "reporter", expect: 403, note: "staff are not buyers" },
    ],
    action: [
      anonymousToLogin,
      { ...crossSite, form: { kind: "individual" } },
      { as: "producer", expect: 403, form: { kind: "individual" }, note: "not a buyer" },
    ],
  },
};
