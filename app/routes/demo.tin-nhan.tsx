import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { listDemoMessages } from "~/modules/auth/recovery.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta = titledPage("recovery.demo.title");

/** The demo inbox: the messages the app sent (codes included), newest first; 404 outside demo mode. */
export const loader = handle(async (_args: LoaderFunctionArgs) => {
  return { messages: listDemoMessages(getDb()) };
});

export default function DemoMessagesPage() {
  const { messages } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-stone-900">{t("recovery.demo.title")}</h1>
        <p className="mt-1 text-stone-700">{t("recovery.demo.intro")}</p>
      </div>
      {messages.length === 0 ? (
        <p className="text-stone-700">{t("recovery.demo.empty")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("recovery.demo.title")}>
          {messages.map((message) => (
            <li
              key={message.id}
              className="rounded-lg border border-stone-200 bg-white p-4"
              data-testid="demo-message"
            >
              <p className="text-sm text-stone-600">
                <span className="font-semibold text-stone-900">
                  {t(`recovery.demo.channel.${message.channel}`)}
                </span>{" "}
                · {t("recovery.demo.to", { to: message.recipient })} ·{" "}
                <time dateTime={new Date(message.createdAt).toISOString()}>
                  {formatDateTime(message.createdAt, locale)}
                </time>
              </p>
              {message.subject ? <p className="mt-1 font-medium">{message.subject}</p> : null}
              <p className="mt-1 whitespace-pre-line break-words text-stone-900">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
