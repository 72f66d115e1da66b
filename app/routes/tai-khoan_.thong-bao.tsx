import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Invalid } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import {
  TEXTS_PER_PHONE_PER_DAY,
  TEXTS_PER_PHONE_PER_HOUR,
} from "~/modules/notifications/caps.server";
import {
  eventsFor,
  getPreferences,
  savePreferences,
} from "~/modules/notifications/preferences.server";
import { getDb } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("channels.title");

const HERE = "/tai-khoan/thong-bao";

/** The checked boxes: `<event>.<channel>` each; which ones are allowed is the module's rule. */
const CheckedSchema = z.array(z.string().regex(/^[a-z_]{1,30}\.[a-z]{1,10}$/)).max(30);

/** The signed-in user's own choice of channels per event; `?da-luu` says it was saved. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const events = eventsFor({ producerCount: actor.producers.length });
  return {
    view: getPreferences(getDb(), actor.userId, events, getEnv()),
    saved: new URL(request.url).searchParams.has("da-luu"),
    caps: { hour: TEXTS_PER_PHONE_PER_HOUR, day: TEXTS_PER_PHONE_PER_DAY },
  };
});

/** Saves every box the page offered her: checked ones on, the others off. */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const checked = CheckedSchema.safeParse((await request.formData()).getAll("kenh"));
  if (!checked.success) throw new Invalid("channels.error.notOffered");
  const events = eventsFor({ producerCount: actor.producers.length });
  savePreferences(getDb(), actor.userId, { events, env: getEnv() }, checked.data);
  return redirect(`${HERE}?da-luu=1`, 303);
});

export default function NotificationChannelsPage() {
  const { view, saved, caps } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("channels.title")}</h1>
      <p className="text-stone-700">{t("channels.intro")}</p>
      {saved ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 font-medium text-brand-800">
          {t("channels.saved")}
        </p>
      ) : null}
      <Form method="post" className="space-y-4">
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("channels.caption")}</caption>
            <thead className="bg-stone-50 text-sm">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("channels.eventHeader")}
                </th>
                <th scope="col" className="px-2 py-2 text-center">
                  {t("channels.inApp")}
                </th>
                {view.channels.map((channel) => (
                  <th key={channel} scope="col" className="px-2 py-2 text-center">
                    {t(`channels.channel.${channel}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.event} className="border-t border-stone-200">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {t(`channels.event.${row.event}`)}
                  </th>
                  <td className="px-2 py-2 text-center text-sm text-stone-600">
                    {t("channels.always")}
                  </td>
                  {row.cells.map((cell) => (
                    <td key={cell.channel} className="px-2 py-2 text-center">
                      {cell.offered ? (
                        <input
                          type="checkbox"
                          name="kenh"
                          value={cell.field}
                          defaultChecked={cell.checked}
                          aria-label={t("channels.box", {
                            event: t(`channels.event.${row.event}`),
                            channel: t(`channels.channel.${cell.channel}`),
                          })}
                          className="h-6 w-6 accent-brand-700"
                        />
                      ) : (
                        <span className="text-sm text-stone-500">{t("channels.notOffered")}</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="space-y-1 text-sm text-stone-700">
          {view.channels.includes("sms") ? <li>{t("channels.smsOnlyNewOrders", caps)}</li> : null}
          {view.reach.hasEmail ? null : <li>{t("channels.needEmail")}</li>}
          {view.reach.hasConfirmedPhone ||
          !view.channels.some((channel) => channel !== "email") ? null : (
            <li>{t("channels.needPhone")}</li>
          )}
        </ul>
        <button
          type="submit"
          className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
        >
          {t("channels.save")}
        </button>
      </Form>
    </div>
  );
}
