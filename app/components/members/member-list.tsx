import { Link } from "~/components/link";
import { EmptyState } from "~/components/empty-state";
import { useT } from "~/lib/i18n";

/** A member as the list shows her (no sensitive field). */
export interface MemberListItem {
  id: number;
  fullName: string;
  birthYear: number | null;
  unitName: string;
  producerName: string | null;
  hasConsent: boolean;
}

/**
 * The members of a page as a list of rows that wrap on a phone: the name (to her record),
 * then year of birth, unit and producer.
 */
export function MemberList({ members }: { members: MemberListItem[] }) {
  const t = useT();
  if (members.length === 0) return <EmptyState title={t("members.list.empty")} />;
  return (
    <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
      {members.map((member) => (
        <li key={member.id} className="px-4 py-3">
          <Link
            to={`/quan-ly/hoi-vien/${member.id}`}
            className="font-semibold text-brand-800 underline underline-offset-2"
          >
            {member.fullName}
          </Link>
          <p className="text-sm text-stone-700">
            {member.birthYear
              ? t("members.list.born", { year: member.birthYear })
              : t("members.list.bornUnknown")}
            {" · "}
            {member.unitName}
          </p>
          {member.producerName ? (
            <p className="text-sm text-stone-700">
              {t("members.list.producer", { name: member.producerName })}
            </p>
          ) : null}
          {member.hasConsent ? (
            <p className="text-xs text-stone-600">{t("members.list.consentOnFile")}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
