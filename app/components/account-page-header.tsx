import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { useT } from "~/lib/i18n";

/** The top of a page under /tai-khoan: the way back to the account, the title, its intro. */
export function AccountPageHeader({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  /** Further lines under the intro: a link, a saved message. */
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="space-y-3">
      <p>
        <Link to="/tai-khoan" className="text-brand-800 underline">
          {t("auth.account.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-stone-700">{intro}</p>
      {children}
    </div>
  );
}
