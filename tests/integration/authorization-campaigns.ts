import type { RouteCases } from "./authorization-cases";

/** Authorization cases of support campaigns (issue 16): campaigns. */
export const campaignsAuthorizationCases: Record<string, RouteCases> = {};
