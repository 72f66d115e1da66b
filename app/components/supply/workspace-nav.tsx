import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useT, type MessageKey } from "~/lib/i18n";

interface NavItem {
  to: string;
  key: MessageKey;
  /** Whether only the exact path marks the link as the current page. */
  end: boolean;
}

const WORKSPACE_LINKS: readonly NavItem[] = [
  { to: "/ban-hang", key: "workspace.nav.overview", end: true },
  { to: "/ban-hang/san-pham", key: "workspace.nav.listings", end: true },
  { to: "/ban-hang/san-pham/moi", key: "workspace.nav.newListing", end: true },
  { to: "/ban-hang/ho-so", key: "workspace.nav.profile", end: true },
  { to: "/ban-hang/nhap-du-lieu", key: "workspace.nav.import", end: true },
  { to: "/ban-hang/don-hang", key: "workspace.nav.orders", end: false },
  { to: "/ban-hang/yeu-cau", key: "demand.nav.inbox", end: true },
  { to: "/ban-hang/so-du", key: "workspace.nav.statement", end: true },
];

const STAFF_LINKS: readonly NavItem[] = [
  { to: "/quan-ly", key: "moderation.nav.home", end: true },
  { to: "/quan-ly/kiem-duyet", key: "moderation.nav.queue", end: true },
  { to: "/quan-ly/nhap-du-lieu", key: "moderation.nav.import", end: true },
  { to: "/quan-ly/danh-gia", key: "moderation.nav.reviews", end: true },
  { to: "/quan-ly/thanh-toan", key: "moderation.nav.payouts", end: true },
  { to: "/quan-ly/ket-noi", key: "connect.nav.link", end: false },
  { to: "/quan-ly/bao-cao", key: "reports.nav.link", end: false },
  { to: "/quan-ly/hoi-vien", key: "members.nav.link", end: false },
  { to: "/quan-ly/to-chuc", key: "orgtree.nav.link", end: false },
];

/** The purchase-request inbox's link, which shows how many requests wait for an answer. */
const INBOX_PATH = "/ban-hang/yeu-cau";

/**
 * An area's sections as a row of links that wraps on a phone; the current one stands out.
 * `waiting` puts a count on the request inbox's link.
 */
function SectionNav({
  label,
  links,
  waiting = 0,
}: {
  label: string;
  links: readonly NavItem[];
  waiting?: number;
}) {
  const t = useT();
  return (
    <nav aria-label={label} className="mb-6">
      <ul className="flex flex-wrap gap-2 text-sm">
        {links.map((link) => (
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
              {link.to === INBOX_PATH && waiting > 0 ? (
                <>
                  {" "}
                  <span
                    aria-hidden="true"
                    className="ml-1 inline-block min-w-[1.5rem] rounded-full bg-amber-500 px-1.5 text-center text-xs font-bold text-stone-900"
                  >
                    {waiting}
                  </span>
                  <span className="sr-only">({t("demand.nav.waiting", { count: waiting })})</span>
                </>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The producer workspace's sections, with the requests waiting for an answer (routes/ban-hang). */
export function WorkspaceNav() {
  const t = useT();
  const workspace = useRouteLoaderData<{ waitingRequests?: number }>("routes/ban-hang");
  return (
    <SectionNav
      label={t("workspace.nav.label")}
      links={WORKSPACE_LINKS}
      waiting={workspace?.waitingRequests ?? 0}
    />
  );
}

/** The staff pages' sections: home, moderation queue, import, reviews, payouts, connecting. */
export function StaffNav() {
  const t = useT();
  return <SectionNav label={t("moderation.navLabel")} links={STAFF_LINKS} />;
}
