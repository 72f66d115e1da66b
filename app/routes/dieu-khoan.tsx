import type { MetaFunction } from "@remix-run/node";
import { LegalPage } from "~/components/legal-page";
import { titledPage } from "~/lib/i18n/meta";

// A page to read: no scripts in its document (docs/decisions/035).
export { NO_HYDRATION as handle } from "~/lib/hydration";

export const meta: MetaFunction = titledPage("privacy.terms.title");

/** /dieu-khoan: the terms of use everyone accepts at sign-up (version TERMS_VERSION). Public. */
export default function TermsPage() {
  return (
    <LegalPage
      title="privacy.terms.title"
      intro="privacy.terms.intro"
      sections={[
        ["privacy.terms.accountTitle", "privacy.terms.account"],
        ["privacy.terms.ordersTitle", "privacy.terms.orders"],
        ["privacy.terms.sellersTitle", "privacy.terms.sellers"],
        ["privacy.terms.conductTitle", "privacy.terms.conduct"],
        ["privacy.terms.dataTitle", "privacy.terms.data"],
        ["privacy.terms.changesTitle", "privacy.terms.changes"],
      ]}
      link={{ to: "/quyen-rieng-tu", label: "privacy.footer.privacy" }}
    />
  );
}
