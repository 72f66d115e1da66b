import { NavLink, useRouteLoaderData } from "@remix-run/react";
import { useT, type MessageKey } from "~/lib/i18n";
import type { StaffPermission } from "~/modules/auth/permissions.server";
import type { WorkspaceAccess } from "~/modules/team/access";
import type { TeamPermission } from "~db/schema";

interface NavItem {
  to: string;
  key: MessageKey;
  /** Whether only the exact path marks the link as the current page. */
  end: boolean;
}

/**
 * A workspace page's link with what its loader needs (requireProducerActor's team permission,
 * "owner" for the team page, none for the pages every member opens): the menu hides the rest.
 */
interface WorkspaceNavItem extends NavItem {
  need?: TeamPermission | "owner";
}

export const WORKSPACE_LINKS: readonly WorkspaceNavItem[] = [
  { to: "/ban-hang", key: "workspace.nav.overview", end: true },
  { to: "/ban-hang/san-pham", key: "workspace.nav.listings", end: true, need: "listings" },
  { to: "/ban-hang/san-pham/moi", key: "workspace.nav.newListing", end: true, need: "listings" },
  { to: "/ban-hang/ho-so", key: "workspace.nav.profile", end: true },
  { to: "/ban-hang/nhap-du-lieu", key: "workspace.nav.import", end: true, need: "listings" },
  { to: "/ban-hang/don-hang", key: "workspace.nav.orders", end: false, need: "orders" },
  { to: "/ban-hang/hoan-tien", key: "daily.nav.refunds", end: true, need: "statement" },
  { to: "/ban-hang/yeu-cau", key: "demand.nav.inbox", end: true, need: "orders" },
  { to: "/ban-hang/chien-dich", key: "campaignpage.nav.workspace", end: true, need: "listings" },
  { to: "/ban-hang/so-du", key: "workspace.nav.statement", end: true, need: "statement" },
  { to: "/ban-hang/nhom", key: "team.nav.link", end: true, need: "owner" },
  { to: "/ban-hang/lich-su", key: "assist.history.nav", end: true },
];

/** The workspace links `access` may open. */
export function workspaceLinksFor(access: WorkspaceAccess): WorkspaceNavItem[] {
  return WORKSPACE_LINKS.filter(
    (link) =>
      !link.need ||
      (link.need === "owner" ? access.isOwner : access.permissions.includes(link.need)),
  );
}

/**
 * A staff page's link with the permission its loader requires (`null`: any staff member, e.g.
 * the dashboard and the org tree). The menu shows exactly the entries the actor's roles grant,
 * so no link answers 403 (tests/integration/oversight-menu.test.ts walks them per role).
 */
interface StaffNavItem extends NavItem {
  permission: StaffPermission | null;
}

export const STAFF_LINKS: readonly StaffNavItem[] = [
  { to: "/quan-ly", key: "moderation.nav.home", end: true, permission: null },
  {
    to: "/quan-ly/kiem-duyet",
    key: "moderation.nav.queue",
    end: true,
    permission: "listing:moderate",
  },
  {
    to: "/quan-ly/nha-san-xuat",
    key: "oversight.nav.producers",
    end: false,
    permission: "producer:view",
  },
  {
    to: "/quan-ly/nhap-du-lieu",
    key: "moderation.nav.import",
    end: true,
    permission: "catalog:import",
  },
  { to: "/quan-ly/danh-gia", key: "moderation.nav.reviews", end: true, permission: "review:hide" },
  {
    to: "/quan-ly/thanh-toan",
    key: "moderation.nav.payouts",
    end: false,
    permission: "payout:manage",
  },
  {
    to: "/quan-ly/hoa-hong",
    key: "oversight.nav.commission",
    end: true,
    permission: "commission:manage",
  },
  { to: "/quan-ly/ket-noi", key: "connect.nav.link", end: false, permission: "deal:record" },
  {
    to: "/quan-ly/chien-dich",
    key: "campaigns.nav.staff",
    end: false,
    permission: "campaign:manage",
  },
  { to: "/quan-ly/bao-cao", key: "reports.nav.link", end: false, permission: "report:view" },
  { to: "/quan-ly/hoi-vien", key: "members.nav.link", end: false, permission: "member:view" },
  { to: "/quan-ly/to-chuc", key: "orgtree.nav.link", end: false, permission: null },
  {
    to: "/quan-ly/ma-khoi-phuc",
    key: "recovery.staff.nav",
    end: true,
    permission: "account:reset",
  },
  { to: "/quan-ly/nhat-ky", key: "oversight.nav.audit", end: true, permission: "audit:view" },
];

/** A count shown on a link (work waiting there) and what it counts, for screen readers. */
interface NavBadge {
  count: number;
  label: MessageKey;
}

/**
 * An area's sections as a row of links that wraps on a phone; the current one stands out.
 * `badges` puts a count on the links it names by path (work waiting there). Not printed.
 */
function SectionNav({
  label,
  links,
  badges = {},
}: {
  label: string;
  links: readonly NavItem[];
  badges?: Readonly<Record<string, NavBadge>>;
}) {
  const t = useT();
  return (
    <nav aria-label={label} className="mb-6 print:hidden">
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
              <NavCount badge={badges[link.to]} />
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A link's count as a pill, read out as a sentence ("3 requests not yet answered"); none at 0. */
function NavCount({ badge }: { badge: NavBadge | undefined }) {
  const t = useT();
  if (!badge || badge.count <= 0) return null;
  return (
    <>
      {" "}
      <span
        aria-hidden="true"
        className="ml-1 inline-block min-w-[1.5rem] rounded-full bg-amber-500 px-1.5 text-center text-xs font-bold text-stone-900"
      >
        {badge.count}
      </span>
      <span className="sr-only">({t(badge.label, { count: badge.count })})</span>
    </>
  );
}

/**
 * The producer workspace's sections, rendered once by the workspace layout (routes/ban-hang)
 * with the work waiting: purchase requests to answer, refunds to send back.
 */
export function WorkspaceNav({
  waitingRequests,
  refundsOwed,
  access,
}: {
  waitingRequests: number;
  refundsOwed: number;
  /** What she may open: the links she may not are left out (a member of a team). */
  access: WorkspaceAccess;
}) {
  const t = useT();
  return (
    <SectionNav
      label={t("workspace.nav.label")}
      links={workspaceLinksFor(access)}
      badges={{
        "/ban-hang/yeu-cau": { count: waitingRequests, label: "demand.nav.waiting" },
        "/ban-hang/hoan-tien": { count: refundsOwed, label: "daily.nav.refundsWaiting" },
      }}
    />
  );
}

/** The staff pages' sections the actor's roles may open (the root loader lists her permissions). */
export function StaffNav() {
  const t = useT();
  const root = useRouteLoaderData<{ actor: { staffPermissions?: string[] } | null }>("root");
  const held = new Set(root?.actor?.staffPermissions ?? []);
  const links = STAFF_LINKS.filter((link) => link.permission === null || held.has(link.permission));
  return <SectionNav label={t("moderation.navLabel")} links={links} />;
}
