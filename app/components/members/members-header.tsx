import { NavLink } from "@remix-run/react";
import { StaffNav } from "~/components/supply/workspace-nav";
import { useT, type MessageKey } from "~/lib/i18n";

const SECTIONS: readonly { to: string; key: MessageKey; end: boolean }[] = [
  { to: "/quan-ly/hoi-vien", key: "members.tabs.members", end: true },
  { to: "/quan-ly/hoi-vien/can-bo", key: "members.tabs.officers", end: true },
  { to: "/quan-ly/hoi-vien/nhap", key: "members.tabs.import", end: true },
];

/**
 * The staff menu, then the members area's own sections (members, officers, import) and the
 * page's title and introduction.
 */
export function MembersHeader({ title, intro }: { title: string; intro?: string }) {
  const t = useT();
  return (
    <div>
      <StaffNav />
      <nav aria-label={t("members.tabs.label")}>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 border-b border-stone-200 pb-2 text-sm">
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink
                to={section.to}
                end={section.end}
                className={({ isActive }) =>
                  `font-medium underline-offset-4 ${
                    isActive ? "text-stone-900 underline decoration-2" : "text-brand-800 underline"
                  }`
                }
              >
                {t(section.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <h1 className="mt-4 text-2xl font-bold text-stone-900">{title}</h1>
      {intro ? <p className="mt-1 max-w-prose text-stone-700">{intro}</p> : null}
    </div>
  );
}

/** A notice that something was done, announced politely. */
export function DoneNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
      {message}
    </p>
  );
}

export const memberInputClass =
  "mt-1 min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600";
