import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { Invalid } from "~/lib/errors";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import {
  listNotifications,
  markAllNotificationsRead,
  openNotification,
} from "~/modules/notifications/inbox.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("notifications.title");

const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The signed-in user's notifications, newest first: the bell in the header leads here. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const url = new URL(request.url);
  const page = pageParam.parse(url.searchParams.get("trang") ?? 1);
  const marked = z.coerce.number().int().min(0).catch(0).parse(url.searchParams.get("da-doc"));
  return { ...listNotifications(getDb(), actor.userId, page, actor.locale), marked };
});

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read-all") }),
  z.object({ intent: z.literal("open"), id: z.coerce.number().int().positive() }),
]);

/** Open one notification (marks it read, then follows its link) or mark them all read. */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Invalid("notifications.error.badRequest");
  const db = getDb();
  if (parsed.data.intent === "read-all") {
    const count = markAllNotificationsRead(db, actor.userId);
    return redirect(`/thong-bao?da-doc=${count}`, 303);
  }
  const link = openNotification(db, actor.userId, parsed.data.id);
  return redirect(link ?? "/thong-bao", 303);
});

export default function Notifications() {
  const { items, total, unread, page, pages, marked } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("notifications.title")}</h1>
      <p className="mt-1 text-stone-700">{t("notifications.intro")}</p>
      {marked > 0 ? (
        <p role="status" className="mt-4 rounded-lg bg-green-50 px-3 py-2 text-green-900">
          {t("notifications.markedAllRead", { count: marked })}
        </p>
      ) : null}
      {total === 0 ? (
        <section className="mt-8 rounded-xl border border-dashed border-stone-300 bg-white p-6 text-center">
          <h2 className="text-lg font-semibold">{t("notifications.emptyTitle")}</h2>
          <p className="mt-2 text-stone-700">{t("notifications.emptyBody")}</p>
        </section>
      ) : (
        <>
          <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
            <p className="text-stone-700">
              {unread > 0
                ? t("notifications.unreadCount", { count: unread })
                : t("notifications.allRead")}
            </p>
            {unread > 0 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="read-all" />
                <button
                  type="submit"
                  disabled={busy}
                  className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-semibold text-stone-800 hover:border-brand-700 disabled:opacity-60"
                >
                  {t("notifications.markAllRead")}
                </button>
              </Form>
            ) : null}
          </div>
          <ul className="mt-4 space-y-3" aria-busy={busy}>
            {items.map((item) => (
              <li
                key={item.id}
                className={`rounded-xl border bg-white p-4 ${
                  item.read ? "border-stone-200" : "border-brand-700 shadow-sm"
                }`}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold text-stone-900">
                    {item.read ? null : (
                      <span className="mr-2 inline-block rounded-full bg-brand-700 px-2 py-0.5 text-xs font-bold text-white">
                        {t("notifications.unread")}
                      </span>
                    )}
                    {item.title}
                  </h2>
                  <time
                    dateTime={new Date(item.createdAt).toISOString()}
                    className="text-sm text-stone-600"
                  >
                    {formatDate(item.createdAt, locale)}
                  </time>
                </div>
                {item.body ? <p className="mt-1 text-stone-700">{item.body}</p> : null}
                {item.link || !item.read ? (
                  <Form method="post" className="mt-3">
                    <input type="hidden" name="intent" value="open" />
                    <input type="hidden" name="id" value={item.id} />
                    <button
                      type="submit"
                      disabled={busy}
                      className="font-semibold text-brand-800 underline underline-offset-2 disabled:opacity-60"
                    >
                      {item.link ? t("notifications.open") : t("notifications.markRead")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav
              aria-label={t("notifications.pagination")}
              className="mt-6 flex items-center justify-between gap-3"
            >
              {page > 1 ? (
                <Link
                  to={`/thong-bao?trang=${page - 1}`}
                  className="font-semibold text-brand-800 underline"
                >
                  {t("notifications.previous")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-sm text-stone-600">
                {t("notifications.pageOf", { page, pages })}
              </span>
              {page < pages ? (
                <Link
                  to={`/thong-bao?trang=${page + 1}`}
                  className="font-semibold text-brand-800 underline"
                >
                  {t("notifications.next")}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
