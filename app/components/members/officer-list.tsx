import { Link } from "~/components/link";
import { EmptyState } from "~/components/empty-state";
import { formatPhone } from "~/lib/contact";
import { formatDate, useLocale, useT } from "~/lib/i18n";

/** An officer as the list shows her. */
export interface OfficerListItem {
  id: number;
  fullName: string;
  position: string;
  unitName: string;
  termStart: string;
  termEnd: string | null;
  fullTime: boolean;
  phone: string | null;
  canManage: boolean;
}

/** The officers as rows that wrap on a phone; those who may change one get a link to its form. */
export function OfficerList({ officers }: { officers: OfficerListItem[] }) {
  const t = useT();
  const locale = useLocale();
  if (officers.length === 0) return <EmptyState title={t("members.officers.empty")} />;
  return (
    <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
      {officers.map((officer) => (
        <li key={officer.id} className="px-4 py-3">
          <p className="font-semibold text-stone-900">
            {officer.fullName} · {officer.position}
          </p>
          <p className="text-sm text-stone-700">{officer.unitName}</p>
          <p className="text-sm text-stone-700">
            {officer.termEnd
              ? t("members.officers.termEnded", {
                  start: formatDate(officer.termStart, locale),
                  end: formatDate(officer.termEnd, locale),
                })
              : t("members.officers.termRunning", { start: formatDate(officer.termStart, locale) })}
            {" · "}
            {officer.fullTime ? t("members.officers.fullTime") : t("members.officers.partTime")}
            {officer.phone ? ` · ${formatPhone(officer.phone)}` : ""}
          </p>
          {officer.canManage ? (
            <Link
              to={`/quan-ly/hoi-vien/can-bo/${officer.id}`}
              className="text-sm font-medium text-brand-800 underline underline-offset-2"
              aria-label={t("members.officers.editNamed", { name: officer.fullName })}
            >
              {t("members.officers.edit")}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
