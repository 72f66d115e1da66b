import type { RouteCases } from "./authorization-cases";

/** Authorization cases of support campaigns (issue 16): pledges. */
export const pledgesAuthorizationCases: Record<string, RouteCases> = {};
