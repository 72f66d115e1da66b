import { Link } from "~/components/link";
import { useT } from "~/lib/i18n";
import type { StoredMatch } from "~/modules/demand/stored-matches.server";

/**
 * The buyer's view of the producers matched to her request (stored matches, best first):
 * each producer and listing linked, and why it matches in words. Without a match it says
 * so plainly; before the first matching (`matchedAt` null) it says the search is running.
 */
export function RequestMatches({
  matches,
  matchedAt,
}: {
  matches: readonly StoredMatch[];
  matchedAt: number | string | null;
}) {
  const t = useT();
  return (
    <section aria-labelledby="request-matches" className="mt-8">
      <h2 id="request-matches" className="text-xl font-semibold text-stone-900">
        {t("demand.matches.title")}
      </h2>
      {matches.length === 0 ? (
        <p className="mt-2 rounded-lg bg-stone-100 px-3 py-2 text-stone-800">
          {t(matchedAt === null ? "demand.matches.pending" : "demand.matches.none")}
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-700">{t("demand.matches.intro")}</p>
          <ol className="mt-3 space-y-3">
            {matches.map((match) => (
              <li
                key={`${match.producer.code}-${match.listing?.sku ?? ""}`}
                className="rounded-xl border border-stone-200 bg-white p-3"
              >
                <MatchSummary match={match} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/**
 * One match: the producer and its listing, linked, and why it matches in words. Shared by
 * the buyer's view above and the Union's invite page (quan-ly.ket-noi_.moi.$code.tsx).
 */
export function MatchSummary({ match }: { match: StoredMatch }) {
  const t = useT();
  return (
    <>
      <p className="font-semibold">
        <Link
          to={`/nha-san-xuat/${match.producer.code}`}
          className="text-brand-800 underline underline-offset-2"
        >
          {match.producer.name}
        </Link>
      </p>
      {match.listing ? (
        <p className="mt-1 break-words">
          <Link
            to={`/san-pham/${match.listing.slug}`}
            className="text-stone-900 underline underline-offset-2"
          >
            {match.listing.title}
          </Link>
        </p>
      ) : null}
      {match.reasons.length > 0 ? (
        <p className="mt-1 text-sm text-stone-700">
          <span className="font-medium">{t("demand.matches.why")} </span>
          {match.reasons.map((reason) => t(reason.key, reason.params)).join(" · ")}
        </p>
      ) : null}
    </>
  );
}
