import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { FormSuccess } from "~/components/auth-form";
import { LegalPage } from "~/components/legal-page";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { getEnv } from "~/modules/platform/env.server";
import { handle } from "~/modules/platform/http.server";

// A page to read: no scripts in its document (docs/decisions/035).
export { NO_HYDRATION as handle } from "~/lib/hydration";

export const meta: MetaFunction = titledPage("privacy.notice.title");

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
    <LegalPage
      title="privacy.notice.title"
      intro="privacy.notice.intro"
      params={{ days: retentionDays }}
      notice={closed ? <FormSuccess>{t("privacy.notice.closed")}</FormSuccess> : null}
      sections={[
        ["privacy.notice.whatTitle", "privacy.notice.what"],
        ["privacy.notice.whyTitle", "privacy.notice.why"],
        ["privacy.notice.whoTitle", "privacy.notice.who"],
        ["privacy.notice.howLongTitle", "privacy.notice.howLong"],
        ["privacy.notice.backupsTitle", "privacy.notice.backups"],
        ["privacy.notice.rightsTitle", "privacy.notice.rights"],
        ["privacy.notice.contactTitle", "privacy.notice.contact"],
      ]}
      extras={{
        "privacy.notice.rightsTitle": (
          <p className="mt-2">
            <Link to="/tai-khoan/du-lieu" className="text-emerald-800 underline">
              {t("privacy.notice.myData")}
            </Link>
          </p>
        ),
      }}
      link={{ to: "/dieu-khoan", label: "privacy.footer.terms" }}
    />
  );
}
