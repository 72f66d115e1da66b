import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { formatQuantity } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import type { CampaignFigures } from "~/modules/campaigns/figures.server";

/** The target and the figures a progress bar needs (figures from `campaignFigures` only). */
export interface CampaignProgressData {
  targetVnd: number | null;
  targetQuantity: number | null;
  targetUnit: string | null;
  figures: CampaignFigures;
}

/**
 * A campaign's progress: a native <progress> bar (no inline styles, read by screen readers)
 * toward the đồng target, or the quantity target when there is no đồng target, with the
 * words beside it: "Đã bán X / mục tiêu Y" for each target, what is ordered, and the buyers.
 */
export function CampaignProgress({
  campaign,
  compact = false,
}: {
  campaign: CampaignProgressData;
  compact?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const { figures } = campaign;
  const quantity = (n: number) => formatQuantity(locale, n, campaign.targetUnit ?? "");
  const lines: { sold: number; target: number; text: string; ordered: string }[] = [];
  if (campaign.targetVnd !== null) {
    lines.push({
      sold: figures.soldVnd,
      target: campaign.targetVnd,
      text: t("campaignpage.progress.sold", {
        sold: formatVnd(figures.soldVnd, locale),
        target: formatVnd(campaign.targetVnd, locale),
      }),
      ordered: formatVnd(figures.orderedVnd, locale),
    });
  }
  if (campaign.targetQuantity !== null && campaign.targetUnit !== null) {
    lines.push({
      sold: figures.soldQuantity,
      target: campaign.targetQuantity,
      text: t("campaignpage.progress.sold", {
        sold: quantity(figures.soldQuantity),
        target: quantity(campaign.targetQuantity),
      }),
      ordered: quantity(figures.orderedQuantity),
    });
  }
  const main = lines[0];
  return (
    <div className="space-y-1">
      {main ? (
        <progress
          className="h-3 w-full overflow-hidden rounded-full accent-brand-700"
          max={main.target}
          value={Math.min(main.sold, main.target)}
          aria-label={t("campaignpage.progress.label")}
          aria-valuetext={main.text}
        >
          {main.text}
        </progress>
      ) : null}
      {lines.map((line) => (
        <p key={line.text} className="font-semibold text-stone-900">
          {line.text}
        </p>
      ))}
      <p className={`text-sm text-stone-700 ${compact ? "" : "sm:text-base"}`}>
        {lines
          .map((line) => t("campaignpage.progress.ordered", { ordered: line.ordered }))
          .join(" · ")}
        {lines.length > 0 ? " · " : ""}
        {t("campaignpage.progress.buyers", { count: formatNumber(figures.buyers, locale) })}
      </p>
    </div>
  );
}
