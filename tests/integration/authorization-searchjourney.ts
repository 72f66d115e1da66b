import type { RouteCases } from "./authorization-cases";

/** Authorization cases of the routes issue 14 adds for this area (filled in by its owner). */
export const searchjourneyAuthorizationCases: Record<string, RouteCases> = {
  // Suggestions for the header's search box: the public catalog, like /tim-kiem itself.
  "tim-kiem_.goi-y": { loader: "public" },
};
