import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { ConnectRequestCard } from "~/components/connect/connect-request-card";
import { Pagination } from "~/components/pagination";
import { StaffNav } from "~/components/supply/workspace-nav";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { connectListQuery } from "~/lib/schemas/connect";
import { requireStaff } from "~/modules/auth/session.server";
import {
  producersInScope,
  STALE_AFTER_DAYS,
  staleRequests,
  unmatchedRequests,
  type ConnectRequestList,
} from "~/modules/demand/connecting.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("connect.title");

const MAX_DAYS = 90;

/** `?ngay=` as a whole number of days within 1…90; anything else is the default. */
function daysOf(url: URL): number {
  const days = Number(url.searchParams.get("ngay"));
  return Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? days : STALE_AFTER_DAYS;
}

/** The lists as the page needs them (no timestamps: the card shows whole days). */
const forPage = ({ items, total, page, pageCount }: ConnectRequestList) => ({
  total,
  page,
  pageCount,
  items: items.map(({ createdAt: _createdAt, ...item }) => item),
});

/**
 * The Union's connecting page (staff with `deal:record`, their subtree only): open requests
 * without an offer after N days and requests nothing matched, 20 a page each, every card
 * linking to its request's invite page (quan-ly.ket-noi_.moi.$code.tsx).
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "deal:record");
  const url = new URL(request.url);
  const days = daysOf(url);
  const db = getDb();
  const pageOf = (name: string) => Number(url.searchParams.get(name)) || 1;
  const invitedCode = url.searchParams.get("da-moi");
  // The notice after an invitation names the producer only if it is one of the subtree.
  const invitedProducer = invitedCode
    ? producersInScope(db, actor).find((p) => p.code === url.searchParams.get("nsx"))
    : undefined;
  return {
    days,
    stale: forPage(staleRequests(db, actor, { days, page: pageOf("trang") })),
    unmatched: forPage(unmatchedRequests(db, actor, { page: pageOf("trang-chua-khop") })),
    listQuery: connectListQuery(url.searchParams),
    sent: invitedCode && invitedProducer ? { code: invitedCode, name: invitedProducer.name } : null,
  };
});

export default function ConnectPage() {
  const { days, stale, unmatched, listQuery, sent } = useLoaderData<typeof loader>();
  const t = useT();
  const lists = [
    {
      key: "stale" as const,
      title: t("connect.stale.title", { days }),
      empty: t("connect.stale.empty", { days }),
      param: "trang",
      list: stale,
    },
    {
      key: "unmatched" as const,
      title: t("connect.unmatched.title"),
      empty: t("connect.unmatched.empty"),
      param: "trang-chua-khop",
      list: unmatched,
    },
  ];
  return (
    <div className="space-y-6">
      <div>
        <StaffNav />
        <h1 className="text-2xl font-bold text-stone-900">{t("connect.title")}</h1>
        <p className="mt-1 text-stone-700">{t("connect.intro")}</p>
        <p className="mt-2">
          <Link
            to="/quan-ly/ket-noi/giao-dich"
            className="font-semibold text-brand-800 underline underline-offset-2"
          >
            {t("connect.deals.link")} →
          </Link>
        </p>
      </div>
      {sent ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t("connect.invite.sent", sent)}
        </p>
      ) : null}
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="connect-days" className="block text-sm font-medium">
            {t("connect.daysLabel")}
          </label>
          <input
            id="connect-days"
            name="ngay"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_DAYS}
            defaultValue={days}
            className="mt-1 min-h-11 w-24 rounded-lg border border-stone-300 bg-white px-3 py-2"
          />
        </div>
        <button
          type="submit"
          className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium"
        >
          {t("connect.daysSubmit")}
        </button>
      </Form>
      {lists.map(({ key, title, empty, param, list }) => (
        <section key={key} aria-labelledby={`${key}-title`}>
          <h2 id={`${key}-title`} className="text-lg font-semibold">
            {title}{" "}
            <span className="font-normal text-stone-600">
              ({t("connect.listCount", { count: list.total })})
            </span>
          </h2>
          {list.items.length === 0 ? (
            <p className="mt-2 text-stone-700">{empty}</p>
          ) : (
            <ul className="mt-2 space-y-3">
              {list.items.map((item) => (
                <ConnectRequestCard key={item.id} request={item} listQuery={listQuery} />
              ))}
            </ul>
          )}
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            param={param}
            label={t("connect.pages", { list: title })}
          />
        </section>
      ))}
    </div>
  );
}
