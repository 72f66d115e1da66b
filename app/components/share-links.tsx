import { useEffect, useId, useState } from "react";
import { copyText } from "~/lib/clipboard";
import { useT } from "~/lib/i18n";
import { facebookShareUrl, zaloShareUrl } from "~/lib/share-links";

const LINK_CLASS =
  "inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50";

/**
 * Share a page: Zalo and Facebook as plain links (they work without JavaScript), the link
 * itself in a read-only box anyone can select, and with JavaScript a "copy link" button. On a
 * page sent without React the island (app/islands/copy-link.ts) shows and runs the button,
 * reading the link and the words of the status line from their data attributes.
 */
export function ShareLinks({ url }: { url: string }) {
  const t = useT();
  const id = useId();
  // Copying needs JavaScript, so the button is hidden until the page is interactive.
  const [canCopy, setCanCopy] = useState(false);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => setCanCopy(true), []);
  const copy = async () => setCopyState((await copyText(url)) ? "copied" : "failed");
  return (
    <section aria-labelledby={`${id}-title`} className="mt-4">
      <h2 id={`${id}-title`} className="text-sm font-semibold text-stone-800">
        {t("journey.share.title")}
      </h2>
      <div className="mt-2 flex flex-wrap gap-2">
        <a
          href={zaloShareUrl(url)}
          target="_blank"
          rel="noopener noreferrer"
          className={LINK_CLASS}
        >
          {t("journey.share.zalo")}
          <span className="sr-only"> {t("journey.share.newWindow")}</span>
        </a>
        <a
          href={facebookShareUrl(url)}
          target="_blank"
          rel="noopener noreferrer"
          className={LINK_CLASS}
        >
          {t("journey.share.facebook")}
          <span className="sr-only"> {t("journey.share.newWindow")}</span>
        </a>
        <button
          type="button"
          hidden={!canCopy}
          onClick={copy}
          className={LINK_CLASS}
          data-copy-url={url}
          data-copy-status={`${id}-status`}
        >
          {t("journey.share.copy")}
        </button>
      </div>
      <label htmlFor={`${id}-url`} className="sr-only">
        {t("journey.share.linkLabel")}
      </label>
      <input
        id={`${id}-url`}
        type="url"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        data-select-on-focus
        className="mt-2 w-full rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-700"
      />
      <p
        id={`${id}-status`}
        role="status"
        className="text-sm text-brand-800"
        data-copied={t("journey.share.copied")}
        data-copy-failed={t("journey.share.copyFailed")}
      >
        {copyState === "copied" ? t("journey.share.copied") : null}
        {copyState === "failed" ? t("journey.share.copyFailed") : null}
      </p>
    </section>
  );
}
