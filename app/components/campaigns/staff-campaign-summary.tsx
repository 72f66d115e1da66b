import { useLocale, useT } from "~/lib/i18n";
import { formatDate, formatNumber } from "~/lib/i18n/format";
import { unitLabel } from "~/lib/i18n/labels";
import { formatVnd } from "~/lib/money";
import type { CampaignFigures } from "~/modules/campaigns/figures.server";
import type { CampaignPhase } from "~/modules/campaigns/phase";

interface SummaryCampaign {
  kind: "disaster_recovery" | "harvest_glut" | "disadvantaged_group" | "other";
  orgUnitName: string;
  phase: CampaignPhase;
  startsOn: string;
  endsOn: string;
  targetVnd: number | null;
  targetQuantity: number | null;
  targetUnit: string | null;
  figures: CampaignFigures;
}

const PHASE_LOOK: Record<CampaignPhase, string> = {
  draft: "bg-stone-200 text-stone-800",
  upcoming: "bg-sky-100 text-sky-900",
  running: "bg-green-100 text-green-900",
  ended: "bg-stone-100 text-stone-700",
};

/** A campaign's phase, kind, unit, dates, target and figures (the one count), for staff. */
export function StaffCampaignSummary({ campaign }: { campaign: SummaryCampaign }) {
  const t = useT();
  const locale = useLocale();
  const { figures } = campaign;
  const quantity = (value: number) =>
    `${formatNumber(value, locale)} ${campaign.targetUnit ? unitLabel(locale, campaign.targetUnit, value) : ""}`;
  return (
    <div className="mt-1 space-y-1 text-sm text-stone-700">
      <p className="flex flex-wrap items-center gap-2">
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${PHASE_LOOK[campaign.phase]}`}
        >
          {t(`campaigns.phase.${campaign.phase}`)}
        </span>
        <span>
          {t("campaigns.page.kindUnit", {
            kind: t(`campaigns.kind.${campaign.kind}`),
            unit: campaign.orgUnitName,
          })}
        </span>
      </p>
      <p>
        {t("campaigns.dates", {
          from: formatDate(campaign.startsOn, locale),
          to: formatDate(campaign.endsOn, locale),
        })}
      </p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4">
        <div>
          <dt className="text-stone-600">{t("campaigns.figures.ordered")}</dt>
          <dd className="font-semibold text-stone-900">
            {campaign.targetVnd
              ? t("campaigns.figures.ofTarget", {
                  value: formatVnd(figures.orderedVnd, locale),
                  target: formatVnd(campaign.targetVnd, locale),
                })
              : formatVnd(figures.orderedVnd, locale)}
          </dd>
        </div>
        <div>
          <dt className="text-stone-600">{t("campaigns.figures.sold")}</dt>
          <dd className="font-semibold text-stone-900">{formatVnd(figures.soldVnd, locale)}</dd>
        </div>
        <div>
          <dt className="text-stone-600">{t("campaigns.figures.buyers")}</dt>
          <dd className="font-semibold text-stone-900">{formatNumber(figures.buyers, locale)}</dd>
        </div>
        <div>
          <dt className="text-stone-600">{t("campaigns.figures.orders")}</dt>
          <dd className="font-semibold text-stone-900">{formatNumber(figures.orders, locale)}</dd>
        </div>
        {campaign.targetQuantity ? (
          <>
            <div>
              <dt className="text-stone-600">{t("campaigns.figures.orderedQuantity")}</dt>
              <dd className="font-semibold text-stone-900">
                {t("campaigns.figures.ofTarget", {
                  value: quantity(figures.orderedQuantity),
                  target: quantity(campaign.targetQuantity),
                })}
              </dd>
            </div>
            <div>
              <dt className="text-stone-600">{t("campaigns.figures.soldQuantity")}</dt>
              <dd className="font-semibold text-stone-900">{quantity(figures.soldQuantity)}</dd>
            </div>
          </>
        ) : null}
      </dl>
    </div>
  );
}
