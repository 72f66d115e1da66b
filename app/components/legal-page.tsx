import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { useT, type MessageKey, type MessageParams } from "~/lib/i18n";
import { TERMS_VERSION } from "~/lib/terms";

/**
 * A page of plain text in sections (the terms of use, the privacy notice): a heading with
 * the version in force, an optional notice, the introduction, one `h2` and paragraph per
 * section (`extras` adds something under a section), and a link to the companion page.
 */
export function LegalPage({
  title,
  intro,
  sections,
  params,
  notice,
  extras = {},
  link,
}: {
  title: MessageKey;
  intro: MessageKey;
  sections: readonly (readonly [MessageKey, MessageKey])[];
  params?: MessageParams;
  notice?: ReactNode;
  extras?: Partial<Record<MessageKey, ReactNode>>;
  link: { to: string; label: MessageKey };
}) {
  const t = useT();
  return (
    <article className="mx-auto max-w-2xl space-y-6 text-stone-800">
      <header>
        <h1 className="text-2xl font-bold text-stone-900">{t(title)}</h1>
        <p className="mt-1 text-sm text-stone-600">
          {t("privacy.version", { version: TERMS_VERSION })}
        </p>
        {notice ? <div className="mt-4">{notice}</div> : null}
        <p className="mt-3">{t(intro)}</p>
      </header>
      {sections.map(([heading, body]) => (
        <section key={heading} aria-labelledby={heading}>
          <h2 id={heading} className="text-xl font-semibold text-stone-900">
            {t(heading)}
          </h2>
          <p className="mt-2">{t(body, params)}</p>
          {extras[heading] ?? null}
        </section>
      ))}
      <p>
        <Link to={link.to} className="text-emerald-800 underline">
          {t(link.label)}
        </Link>
      </p>
    </article>
  );
}
