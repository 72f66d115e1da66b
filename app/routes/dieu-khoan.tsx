import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useT } from "~/lib/i18n";
import type { MessageKey } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { TERMS_VERSION } from "~/lib/terms";

export const meta: MetaFunction = titledPage("privacy.terms.title");

const SECTIONS = [
  ["privacy.terms.accountTitle", "privacy.terms.account"],
  ["privacy.terms.ordersTitle", "privacy.terms.orders"],
  ["privacy.terms.sellersTitle", "privacy.terms.sellers"],
  ["privacy.terms.conductTitle", "privacy.terms.conduct"],
  ["privacy.terms.dataTitle", "privacy.terms.data"],
  ["privacy.terms.changesTitle", "privacy.terms.changes"],
] as const satisfies readonly (readonly [MessageKey, MessageKey])[];

/** /dieu-khoan: the terms of use everyone accepts at sign-up (version TERMS_VERSION). Public. */
export default function TermsPage() {
  const t = useT();
  return (
    <article className="mx-auto max-w-2xl space-y-6 text-stone-800">
      <header>
        <h1 className="text-2xl font-bold text-stone-900">{t("privacy.terms.title")}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {t("privacy.version", { version: TERMS_VERSION })}
        </p>
        <p className="mt-3">{t("privacy.terms.intro")}</p>
      </header>
      {SECTIONS.map(([title, body]) => (
        <section key={title} aria-labelledby={title}>
          <h2 id={title} className="text-xl font-semibold text-stone-900">
            {t(title)}
          </h2>
          <p className="mt-2">{t(body)}</p>
        </section>
      ))}
      <p>
        <Link to="/quyen-rieng-tu" className="text-emerald-800 underline">
          {t("privacy.footer.privacy")}
        </Link>
      </p>
    </article>
  );
}
