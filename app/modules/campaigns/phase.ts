import { dayNumber } from "~/lib/dates";
import type { CampaignStatus } from "~db/schema";

/**
 * Where a campaign stands on a given Vietnam day. Stored status says what staff decided
 * (draft, published, ended early); the dates say the rest: a published campaign runs from its
 * first day to its last, both included, and reads as ended after it. Pure, for pages and jobs.
 */
export type CampaignPhase = "draft" | "upcoming" | "running" | "ended";

export interface CampaignDates {
  status: CampaignStatus;
  startsOn: string;
  endsOn: string;
}

export function campaignPhase(campaign: CampaignDates, today: string): CampaignPhase {
  if (campaign.status === "draft") return "draft";
  if (campaign.status === "ended" || today > campaign.endsOn) return "ended";
  return today < campaign.startsOn ? "upcoming" : "running";
}

/** Days left including today (the last day counts as 1); 0 once it has ended. */
export function campaignDaysLeft(campaign: CampaignDates, today: string): number {
  if (campaignPhase(campaign, today) === "ended") return 0;
  const from = today < campaign.startsOn ? campaign.startsOn : today;
  return Math.max(0, dayNumber(campaign.endsOn) - dayNumber(from) + 1);
}
