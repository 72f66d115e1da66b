import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FormSuccess } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import type { MessageKey } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { TERMS_VERSION } from "~/lib/terms";
import { getEnv } from "~/modules/platform/env.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("privacy.notice.title");

const SECTIONS = [
  ["privacy.notice.whatTitle", "privacy.notice.what"],
  ["privacy.notice.whyTitle", "privacy.notice.why"],
  ["privacy.notice.whoTitle", "privacy.notice.who"],
  ["privacy.notice.howLongTitle", "privacy.notice.howLong"],
  ["privacy.notice.backupsTitle", "privacy.notice.backups"],
  ["privacy.notice.rightsTitle", "privacy.notice.rights"],
  ["privacy.notice.contactTitle", "privacy.notice.contact"],
] as const satisfies readonly (readonly [MessageKey, MessageKey])[];

/** /quyen-rieng-tu: the privacy notice (decree 13/2023/NĐ-CP). Public. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  return {
    retentionDays: getEnv().BACKUP_RETENTION_DAYS,
    // Where closing an account lands: she is logged out, so the notice says what happens next.
    closed: new URL(request.url).searchParams.has("da-dong-tai-khoan"),
  };
});

export default function PrivacyPage() {
  const { retentionDays, closed } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article className="mx-auto max-w-2xl space-y-6 text-stone-800">
      <header>
        <h1 className="text-2xl font-bold text-stone-900">{t("privacy.notice.title")}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {t("privacy.version", { version: TERMS_VERSION })}
        </p>
        {closed ? (
          <div className="mt-4">
            <FormSuccess>{t("privacy.notice.closed")}</FormSuccess>
          </div>
        ) : null}
        <p className="mt-3">{t("privacy.notice.intro")}</p>
      </header>
      {SECTIONS.map(([title, body]) => (
        <section key={title} aria-labelledby={title}>
          <h2 id={title} className="text-xl font-semibold text-stone-900">
            {t(title)}
          </h2>
          <p className="mt-2">{t(body, { days: retentionDays })}</p>
          {title === "privacy.notice.rightsTitle" ? (
            <p className="mt-2">
              <Link to="/tai-khoan/du-lieu" className="text-emerald-800 underline">
                {t("privacy.notice.myData")}
              </Link>
            </p>
          ) : null}
        </section>
      ))}
      <p>
        <Link to="/dieu-khoan" className="text-emerald-800 underline">
          {t("privacy.footer.terms")}
        </Link>
      </p>
    </article>
  );
}
