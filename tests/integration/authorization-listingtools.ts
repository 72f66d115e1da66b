import type { RouteCases } from "./authorization-cases";

/** Authorization cases of the routes issue 13 adds for this area (filled in by its owner). */
export const listingtoolsAuthorizationCases: Record<string, RouteCases> = {};
