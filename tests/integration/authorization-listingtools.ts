import type { DeniedCase, RouteCases } from "./authorization-cases";

/**
 * Authorization cases of the routes issue 13 adds for the listing tools: the import template
 * downloads. The producer's templates are for producers only; the staff's (which add the
 * producers file) need `catalog:import`, and a producer asking for the producers template on
 * her own page finds nothing.
 */

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const products = { file: "san-pham.xlsx" };

export const listingtoolsAuthorizationCases: Record<string, RouteCases> = {
  "ban-hang.nhap-du-lieu_.mau.$file": {
    loader: [
      { ...login, params: products },
      { as: "buyer", expect: 403, params: products },
      { as: "reporter", expect: 403, params: products, note: "staff are not the producer" },
      { as: "moderator", expect: 403, params: products, note: "staff are not the producer" },
      {
        as: "producer",
        expect: 404,
        params: { file: "nha-san-xuat.csv" },
        note: "only staff import producers",
      },
    ],
  },
  "quan-ly.nhap-du-lieu_.mau.$file": {
    loader: [
      { ...login, params: products },
      { as: "buyer", expect: 403, params: products },
      { as: "producer", expect: 403, params: products },
      { as: "reporter", expect: 403, params: products, note: "reports only, no catalog:import" },
    ],
  },
};
