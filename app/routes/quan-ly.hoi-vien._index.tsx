import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { MemberFilterForm } from "~/components/members/member-filters";
import { MemberList } from "~/components/members/member-list";
import { DoneNotice, MembersHeader } from "~/components/members/members-header";
import { Pagination } from "~/components/pagination";
import { formatNumber, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { memberFiltersOf, memberFiltersQuery } from "~/lib/schemas/members";
import { requireStaff } from "~/modules/auth/session.server";
import {
  canManageMembers,
  listMembers,
  producerChoices,
  unitChoices,
} from "~/modules/members/members.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("members.list.title");

/**
 * The members of the staff member's subtree (`member:view`), filtered by unit, producer or
 * name, a page at a time; filtered by a producer, its declared women members stand beside
 * the linked ones. No sensitive field is listed.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "member:view");
  const url = new URL(request.url);
  const filters = memberFiltersOf(url.searchParams);
  const db = getDb();
  const members = listMembers(db, actor, filters, Number(url.searchParams.get("trang")) || 1);
  return {
    filters,
    query: memberFiltersQuery(filters),
    members,
    units: unitChoices(db, actor, "member:view"),
    producers: producerChoices(db, actor, "member:view"),
    canManage: canManageMembers(actor),
    done: url.searchParams.get("xong"),
  };
});

const DONE_KEYS = {
  "da-xoa": "members.done.erased",
  "da-nhap": "members.done.imported",
} as const;

export default function MembersPage() {
  const { filters, query, members, units, producers, canManage, done } =
    useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const doneKey = done && done in DONE_KEYS ? DONE_KEYS[done as keyof typeof DONE_KEYS] : null;
  return (
    <div className="space-y-5">
      <MembersHeader title={t("members.list.title")} intro={t("members.list.intro")} />
      <DoneNotice message={doneKey ? t(doneKey) : null} />
      <div className="flex flex-wrap gap-3">
        {canManage ? (
          <Link
            to="/quan-ly/hoi-vien/moi"
            className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {t("members.list.add")}
          </Link>
        ) : null}
        <a
          href={`/quan-ly/hoi-vien.csv${query}`}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-medium text-brand-800"
        >
          {t("members.export.csv")}
        </a>
        <a
          href={`/quan-ly/hoi-vien.xlsx${query}`}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-medium text-brand-800"
        >
          {t("members.export.xlsx")}
        </a>
      </div>
      <p className="text-sm text-stone-600">{t("members.export.audited")}</p>
      <MemberFilterForm filters={filters} units={units} producers={producers} />
      {members.producer ? (
        <p className="rounded-lg border border-stone-200 bg-white px-4 py-3">
          {t("members.list.producerCounts", {
            name: members.producer.name,
            declared: formatNumber(members.producer.membersWomen, locale),
            linked: formatNumber(members.producer.linkedMembers, locale),
          })}
        </p>
      ) : null}
      <section aria-labelledby="members-list-title">
        <h2 id="members-list-title" className="mb-2 text-lg font-semibold">
          {t("members.list.count", { count: formatNumber(members.total, locale) })}
        </h2>
        <MemberList members={members.items} />
        <Pagination page={members.page} pageCount={members.pageCount} />
      </section>
    </div>
  );
}
