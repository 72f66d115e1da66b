import { useLocation } from "@remix-run/react";
import { Link } from "~/components/link";
import { useT } from "~/lib/i18n";

/**
 * Previous / next links that keep the page's other query parameters (works without JS). A
 * page with two lists gives each its own `param` and `label`.
 */
export function Pagination({
  page,
  pageCount,
  param = "trang",
  label,
}: {
  page: number;
  pageCount: number;
  param?: string;
  label?: string;
}) {
  const t = useT();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target <= 1) params.delete(param);
    else params.set(param, String(target));
    const query = params.toString();
    return query ? `${location.pathname}?${query}` : location.pathname;
  };
  const linkClass =
    "rounded-lg border border-stone-300 bg-white px-3 py-2 font-medium text-brand-800 hover:bg-brand-50";
  return (
    <nav
      aria-label={label ?? t("pagination.label")}
      className="mt-8 flex items-center justify-between gap-2"
    >
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className={linkClass}>
          {t("pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-stone-700">{t("pagination.status", { page, pages: pageCount })}</p>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className={linkClass}>
          {t("pagination.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
