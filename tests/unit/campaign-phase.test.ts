import { describe, expect, it } from "vitest";
import { campaignDaysLeft, campaignPhase } from "~/modules/campaigns/phase";

const campaign = { status: "published" as const, startsOn: "2026-12-01", endsOn: "2026-12-10" };

describe("a campaign's phase on a Vietnam day", () => {
  it("a draft stays a draft whatever the date", () => {
    expect(campaignPhase({ ...campaign, status: "draft" }, "2026-12-05")).toBe("draft");
  });

  it("a published campaign is upcoming, running on both end days, then ended", () => {
    expect(campaignPhase(campaign, "2026-11-30")).toBe("upcoming");
    expect(campaignPhase(campaign, "2026-12-01")).toBe("running");
    expect(campaignPhase(campaign, "2026-12-10")).toBe("running");
    expect(campaignPhase(campaign, "2026-12-11")).toBe("ended");
  });

  it("a campaign staff ended early reads as ended inside its dates", () => {
    expect(campaignPhase({ ...campaign, status: "ended" }, "2026-12-05")).toBe("ended");
  });

  it("counts the days left with today and the last day included", () => {
    expect(campaignDaysLeft(campaign, "2026-12-10")).toBe(1);
    expect(campaignDaysLeft(campaign, "2026-12-01")).toBe(10);
    expect(campaignDaysLeft(campaign, "2026-11-20")).toBe(10);
    expect(campaignDaysLeft(campaign, "2026-12-11")).toBe(0);
  });
});
