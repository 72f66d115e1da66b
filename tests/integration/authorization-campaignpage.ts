import type { RouteCases } from "./authorization-cases";

/** Authorization cases of support campaigns (issue 16): campaignpage. */
export const campaignpageAuthorizationCases: Record<string, RouteCases> = {};
