import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { destroySession, getActor } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("auth.logout.title");

/** A confirmation page: logging out changes state, so it happens only by POST. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  if (actor.kind !== "user") throw redirect("/");
  return { displayName: actor.displayName };
});

/** Deletes the session row (the old cookie is worthless from now on) and clears the cookie. */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const setCookie = destroySession(getDb(), request);
  return redirect("/", { headers: { "Set-Cookie": setCookie } });
});

export default function LogoutPage() {
  const { displayName } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold text-stone-900">{t("auth.logout.title")}</h1>
      <p className="mt-2 text-stone-700">{t("auth.logout.question", { name: displayName })}</p>
      <Form method="post" className="mt-6 flex flex-wrap items-center gap-4">
        <button
          type="submit"
          className="rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800"
        >
          {t("auth.logout.submit")}
        </button>
        <Link to="/" className="font-medium text-brand-700 underline">
          {t("auth.logout.cancel")}
        </Link>
      </Form>
    </div>
  );
}
