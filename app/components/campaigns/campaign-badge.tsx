import { Link } from "~/components/link";
import { useT } from "~/lib/i18n";

/**
 * "Chiến dịch: <title>" on a product card or page while its listing is in a running campaign,
 * linking to the campaign. Above a card's stretched link, so it stays clickable on its own.
 */
export function CampaignBadge({
  campaign,
  className = "",
}: {
  campaign: { slug: string; title: string } | null | undefined;
  className?: string;
}) {
  const t = useT();
  if (!campaign) return null;
  return (
    <Link
      to={`/chien-dich/${campaign.slug}`}
      className={`relative z-10 inline-flex max-w-full items-center rounded-full bg-pink-100 px-2.5 py-1 text-xs font-semibold text-accent-700 underline-offset-2 hover:underline ${className}`}
    >
      <span className="truncate">{t("campaignpage.badge", { title: campaign.title })}</span>
    </Link>
  );
}
