import type { DeniedCase, RouteCases } from "./authorization-cases";

/**
 * Authorization cases of matching (issue 11): the producers' request inbox and the
 * workspace frame that counts its waiting requests. A producer sees only its own producers'
 * inbox (a code of another producer is not found: tests/integration/request-inbox.test.ts).
 */

const notProducer: DeniedCase[] = [
  { as: "anonymous", expect: "redirect-login" },
  { as: "buyer", expect: 403 },
  { as: "reporter", expect: 403 },
  { as: "moderator", expect: 403, note: "staff are not the producer" },
  { as: "staff-other-subtree", expect: 403, note: "staff are not the producer" },
];

export const matchingAuthorizationCases: Record<string, RouteCases> = {
  // The frame only counts the asker's own waiting requests (0 for anyone not a producer);
  // each workspace page below it refuses on its own.
  "ban-hang": { loader: "public" },
  "ban-hang.yeu-cau": { loader: notProducer },
};
