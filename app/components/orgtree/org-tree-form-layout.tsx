import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { StaffNav } from "~/components/supply/workspace-nav";
import { useT } from "~/lib/i18n";

/** The frame of every org tree form: staff menu, a way back to the unit, the title, the form. */
export function OrgTreeFormLayout({
  unit,
  title,
  intro,
  children,
}: {
  unit: { code: string; name: string };
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <StaffNav />
        <Link
          to={`/quan-ly/to-chuc/${unit.code}`}
          className="text-sm text-brand-800 underline underline-offset-2"
        >
          ← {t("orgtree.backToUnit", { name: unit.name })}
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-stone-900 [overflow-wrap:anywhere]">{title}</h1>
        {intro ? <p className="mt-1 text-stone-700">{intro}</p> : null}
      </div>
      {children}
    </div>
  );
}

/** Options of a unit select, indented by depth so the tree shows inside the list. */
export function UnitOptions({
  units,
}: {
  units: readonly { code: string; name: string; depth: number }[];
}) {
  return (
    <>
      {units.map((unit) => (
        <option key={unit.code} value={unit.code}>
          {`${"\u00a0\u00a0".repeat(unit.depth)}${unit.name} (${unit.code})`}
        </option>
      ))}
    </>
  );
}

export const orgTreeInputClass =
  "mt-1 min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600";
