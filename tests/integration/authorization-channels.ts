import type { DeniedCase, RouteCases } from "./authorization-cases";

/**
 * Authorization cases of the notification-choices page (issue 15, notification channels). The
 * page has no id: it reads and writes only the signed-in user's own choices, so the cases are
 * the login and the origin check (tests/integration/channels-preferences.test.ts shows that
 * one user's choices never reach another's page).
 */
const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const crossSite: DeniedCase = {
  as: "buyer",
  expect: 403,
  origin: "https://evil.example",
  form: { kenh: "order_new.email" },
  note: "from another origin",
};

export const channelsAuthorizationCases: Record<string, RouteCases> = {
  "tai-khoan_.thong-bao": {
    loader: [login],
    action: [login, crossSite],
  },
};
