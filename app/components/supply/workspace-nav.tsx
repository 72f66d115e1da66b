import { NavLink } from "@remix-run/react";
import { useT } from "~/lib/i18n";

const LINKS = [
  { to: "/ban-hang", key: "workspace.nav.overview", end: true },
  { to: "/ban-hang/san-pham", key: "workspace.nav.listings", end: true },
  { to: "/ban-hang/san-pham/moi", key: "workspace.nav.newListing", end: true },
  { to: "/ban-hang/ho-so", key: "workspace.nav.profile", end: true },
  { to: "/ban-hang/nhap-du-lieu", key: "workspace.nav.import", end: true },
  { to: "/ban-hang/don-hang", key: "workspace.nav.orders", end: false },
  { to: "/ban-hang/so-du", key: "workspace.nav.statement", end: true },
] as const;

/** The producer workspace's sections, as a row of links that wraps on a phone. */
export function WorkspaceNav() {
  const t = useT();
  return (
    <nav aria-label={t("workspace.nav.label")} className="mb-6">
      <ul className="flex flex-wrap gap-2 text-sm">
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={link.end}
              className={({ isActive }) =>
                `inline-block rounded-full border px-3 py-1.5 font-medium ${
                  isActive
                    ? "border-brand-700 bg-brand-700 text-white"
                    : "border-stone-300 bg-white text-stone-800 hover:border-brand-700"
                }`
              }
            >
              {t(link.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The moderation pages' way back to the queue and to the staff home. */
export function StaffNav() {
  const t = useT();
  return (
    <nav aria-label={t("moderation.navLabel")} className="mb-6">
      <ul className="flex flex-wrap gap-2 text-sm">
        {(
          [
            { to: "/quan-ly", key: "moderation.nav.home" },
            { to: "/quan-ly/kiem-duyet", key: "moderation.nav.queue" },
            { to: "/quan-ly/nhap-du-lieu", key: "moderation.nav.import" },
            { to: "/quan-ly/danh-gia", key: "moderation.nav.reviews" },
            { to: "/quan-ly/thanh-toan", key: "moderation.nav.payouts" },
          ] as const
        ).map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end
              className={({ isActive }) =>
                `inline-block rounded-full border px-3 py-1.5 font-medium ${
                  isActive
                    ? "border-brand-700 bg-brand-700 text-white"
                    : "border-stone-300 bg-white text-stone-800 hover:border-brand-700"
                }`
              }
            >
              {t(link.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
