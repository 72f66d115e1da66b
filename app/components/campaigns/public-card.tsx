import { Link } from "~/components/link";
import { ResponsiveImage } from "~/components/supply/responsive-image";
import { ProducePlaceholder } from "~/components/icons";
import { formatDate, formatNumber, useLocale, useT } from "~/lib/i18n";
import type { PublicCampaignSummary } from "~/modules/campaigns/public.server";
import { CampaignProgress } from "./public-progress";

/** A campaign's phase as a small label: running, coming soon, ended. */
export function CampaignPhaseLabel({ phase }: { phase: PublicCampaignSummary["phase"] }) {
  const t = useT();
  if (phase === "draft") return null;
  const look =
    phase === "running"
      ? "bg-brand-100 text-brand-800"
      : phase === "upcoming"
        ? "bg-amber-100 text-amber-900"
        : "bg-stone-200 text-stone-800";
  return (
    <span className={`rounded-full px-2.5 py-1 text-xs font-semibold ${look}`}>
      {t(`campaignpage.phase.${phase}`)}
    </span>
  );
}

/** Kind, phase, dates and days left: the line under a campaign's title. */
export function CampaignFacts({ campaign }: { campaign: PublicCampaignSummary }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
      <CampaignPhaseLabel phase={campaign.phase} />
      <span className="font-medium text-accent-700">{t(`campaigns.kind.${campaign.kind}`)}</span>
      <span>
        {t("campaignpage.dates", {
          from: formatDate(campaign.startsOn, locale),
          to: formatDate(campaign.endsOn, locale),
        })}
      </span>
      {campaign.phase === "running" ? (
        <span className="font-semibold text-stone-900">
          {t("campaignpage.daysLeft", { days: formatNumber(campaign.daysLeft, locale) })}
        </span>
      ) : null}
    </div>
  );
}

/** A campaign in a list (/chien-dich, the home page): cover, title, facts and progress. */
export function CampaignCard({
  campaign,
  headingLevel = 2,
}: {
  campaign: PublicCampaignSummary;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm focus-within:ring-2 focus-within:ring-brand-700 hover:shadow-md">
      <div className="aspect-[16/9] bg-brand-50">
        {campaign.cover ? (
          <ResponsiveImage
            image={campaign.cover}
            alt=""
            sizes="(min-width: 1024px) 33vw, (min-width: 640px) 50vw, 100vw"
            className="h-full w-full"
          />
        ) : (
          <div className="flex h-full items-center justify-center text-brand-600/40">
            <ProducePlaceholder className="h-14 w-14" />
          </div>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-3">
        <Heading className="text-lg leading-snug font-semibold">
          <Link
            to={`/chien-dich/${campaign.slug}`}
            className="text-stone-900 after:absolute after:inset-0 hover:text-brand-800"
          >
            {campaign.title}
          </Link>
        </Heading>
        <CampaignFacts campaign={campaign} />
        <div className="mt-auto">
          <CampaignProgress campaign={campaign} compact />
        </div>
      </div>
    </article>
  );
}

/** Campaigns as a grid of cards. */
export function CampaignGrid({
  campaigns,
  headingLevel = 2,
}: {
  campaigns: PublicCampaignSummary[];
  headingLevel?: 2 | 3;
}) {
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {campaigns.map((campaign) => (
        <li key={campaign.slug}>
          <CampaignCard campaign={campaign} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
