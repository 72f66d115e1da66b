import type { DeniedCase, RouteCases } from "./authorization-cases";

/**
 * Authorization cases of the privacy pages (issue 15): the terms and privacy notice are
 * public; a person's own data and closing her account need her signed in, and closing is
 * refused from another site before anything is read. (No case here closes an account: the
 * world's users are shared by every case.)
 */
const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const crossSite: DeniedCase = {
  as: "buyer",
  expect: 403,
  origin: "https://evil.example",
  note: "closing an account from another origin",
};

export const privacyAuthorizationCases: Record<string, RouteCases> = {
  "quyen-rieng-tu": { loader: "public" },
  "tai-khoan_.du-lieu": { loader: login, action: [login, crossSite] },
  "tai-khoan_.du-lieu[.]json": { loader: login },
};
