import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { StaffNav } from "~/components/supply/workspace-nav";
import { formatDate, useLocale, useT, type MessageKey } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { requireUser } from "~/modules/auth/session.server";
import { unitPage } from "~/modules/org/tree.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("orgtree.unit.pageTitle");

/** What `?xong=` after a change says on the unit's page. */
const DONE: Record<string, MessageKey> = {
  tao: "orgtree.done.created",
  "doi-ten": "orgtree.done.renamed",
  chuyen: "orgtree.done.moved",
  "sap-nhap": "orgtree.done.merged",
  "giao-vai-tro": "orgtree.done.roleAssigned",
  "ket-thuc-vai-tro": "orgtree.done.roleEnded",
};

/** One unit of the staff member's subtree: where it sits, what is below, its staff. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const page = unitPage(getDb(), actor, params.code ?? "");
  const done = new URL(request.url).searchParams.get("xong") ?? "";
  return { ...page, done: DONE[done] ?? null };
});

const linkClass = "font-medium text-brand-800 underline underline-offset-2";

export default function OrgUnitPage() {
  const { unit, parent, children, mergedUnits, staff, can, done } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const base = `/quan-ly/to-chuc/${unit.code}`;
  const actions = [
    ...(can.editUnit
      ? [
          { to: `${base}/them`, key: "orgtree.unit.addChild" as const },
          { to: `${base}/doi-ten`, key: "orgtree.unit.rename" as const },
        ]
      : []),
    ...(can.moveOrMerge
      ? [
          { to: `${base}/chuyen`, key: "orgtree.unit.move" as const },
          { to: `${base}/sap-nhap`, key: "orgtree.unit.merge" as const },
        ]
      : []),
    ...(can.manageStaff ? [{ to: `${base}/vai-tro`, key: "orgtree.unit.addRole" as const }] : []),
  ];
  return (
    <div className="space-y-6">
      <div>
        <StaffNav />
        <Link to="/quan-ly/to-chuc" className="text-sm text-brand-800 underline underline-offset-2">
          ← {t("orgtree.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-stone-900 [overflow-wrap:anywhere]">
          {unit.name}
        </h1>
      </div>
      {done ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t(done)}
        </p>
      ) : null}
      {unit.mergedInto ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-stone-900">
          {t("orgtree.unit.merged", {
            survivor: unit.mergedInto.name,
            date: unit.mergedAt ? formatDate(unit.mergedAt, locale) : "—",
          })}
        </p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-stone-700">{t("orgtree.unit.code")}</dt>
        <dd>{unit.code}</dd>
        <dt className="font-medium text-stone-700">{t("orgtree.unit.level")}</dt>
        <dd>{t(`orgLevel.${unit.level}`)}</dd>
        <dt className="font-medium text-stone-700">{t("orgtree.unit.parent")}</dt>
        <dd>
          {parent === null ? (
            t("orgtree.unit.noParent")
          ) : parent.isVisible ? (
            <Link to={`/quan-ly/to-chuc/${parent.code}`} className={linkClass}>
              {parent.name}
            </Link>
          ) : (
            parent.name
          )}
        </dd>
        <dt className="font-medium text-stone-700">{t("orgtree.unit.communeCode")}</dt>
        <dd>{unit.communeCode ?? t("orgtree.unit.none")}</dd>
      </dl>
      <p className="text-sm text-stone-700">{t("orgtree.reportsNote")}</p>

      {actions.length > 0 ? (
        <section
          aria-labelledby="unit-actions"
          className="rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 id="unit-actions" className="text-lg font-semibold">
            {t("orgtree.unit.actions")}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {actions.map((action) => (
              <li key={action.to}>
                <Link
                  to={action.to}
                  className="inline-block min-h-11 rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-brand-800 hover:border-brand-700"
                >
                  {t(action.key)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="unit-staff">
        <h2 id="unit-staff" className="text-lg font-semibold">
          {t("orgtree.unit.staff")}
        </h2>
        <p className="text-sm text-stone-600">{t("orgtree.unit.staffReach")}</p>
        {staff.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("orgtree.unit.noStaff")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {staff.map((member) => (
              <li
                key={`${member.userId}-${member.role}`}
                className="flex flex-wrap items-center justify-between gap-2 p-3"
              >
                <span>
                  <span className="font-semibold">{member.displayName}</span> ·{" "}
                  {t(`staff.role.${member.role}`)}{" "}
                  <span className="text-sm text-stone-600">
                    ({t("orgtree.unit.since", { date: formatDate(member.since, locale) })})
                  </span>
                </span>
                {can.manageStaff ? (
                  <Link
                    to={`${base}/ket-thuc-vai-tro?nguoi=${member.userId}&vai-tro=${member.role}`}
                    className={`${linkClass} text-sm`}
                  >
                    {t("orgtree.unit.endRole", {
                      role: t(`staff.role.${member.role}`),
                      name: member.displayName,
                    })}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="unit-children">
        <h2 id="unit-children" className="text-lg font-semibold">
          {t("orgtree.unit.children")}
        </h2>
        {children.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("orgtree.unit.noChildren")}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {children.map((child) => (
              <li key={child.code}>
                <Link to={`/quan-ly/to-chuc/${child.code}`} className={linkClass}>
                  {child.name}
                </Link>{" "}
                <span className="text-sm text-stone-600">
                  (
                  {t("orgtree.levelAndCode", {
                    level: t(`orgLevel.${child.level}`),
                    code: child.code,
                  })}
                  )
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {mergedUnits.length > 0 ? (
        <section aria-labelledby="unit-merged">
          <h2 id="unit-merged" className="text-lg font-semibold">
            {t("orgtree.unit.mergedUnits")}
          </h2>
          <ul className="mt-2 space-y-1">
            {mergedUnits.map((merged) => (
              <li key={merged.code}>
                <Link to={`/quan-ly/to-chuc/${merged.code}`} className={linkClass}>
                  {merged.name}
                </Link>{" "}
                <span className="text-sm text-stone-600">
                  (
                  {t("orgtree.unit.mergedOn", {
                    date: merged.mergedAt ? formatDate(merged.mergedAt, locale) : "—",
                  })}
                  )
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
