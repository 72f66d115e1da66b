import { Form, useLocation } from "@remix-run/react";
import { useLocale, useT } from "~/lib/i18n";

/** Switches between Vietnamese and English with a POST (works without JavaScript). */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const target = locale === "vi" ? "en" : "vi";
  return (
    <Form method="post" action="/ngon-ngu">
      <input type="hidden" name="lang" value={target} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        title={t("language.switchLabel")}
        className="rounded-lg px-2 py-2 text-sm font-medium text-stone-700 underline-offset-2 hover:bg-stone-100 hover:underline"
      >
        <span lang={target}>{t("language.switchTo")}</span>
      </button>
    </Form>
  );
}
