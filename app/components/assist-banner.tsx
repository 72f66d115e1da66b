import { useT } from "~/lib/i18n";

/**
 * Assisted mode's banner, above every page while a staff member acts for a producer: for
 * whom, and a plain form button that ends it (works without JavaScript).
 */
export function AssistBanner({ producerName }: { producerName: string }) {
  const t = useT();
  return (
    <div
      role="status"
      aria-label={t("assist.banner.label")}
      className="border-b-2 border-amber-500 bg-amber-100 text-amber-950 print:hidden"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-3 py-2 sm:px-4">
        <p className="min-w-0">
          <strong>{t("assist.banner.text", { producer: producerName })}</strong>
          <span className="block text-sm">{t("assist.banner.hint")}</span>
        </p>
        <form method="post" action="/quan-ly/thao-tac-thay">
          <input type="hidden" name="intent" value="end" />
          <button
            type="submit"
            className="rounded-lg bg-amber-900 px-4 py-2 font-semibold text-white hover:bg-amber-950"
          >
            {t("assist.banner.end")}
          </button>
        </form>
      </div>
    </div>
  );
}

/**
 * On a producer's staff page, for staff with `producer:assist` over it: what assisted mode is
 * and the button that starts it (a plain form post).
 */
export function AssistStartPanel({
  producerId,
  producerName,
  isActive,
}: {
  producerId: number;
  producerName: string;
  isActive: boolean;
}) {
  const t = useT();
  return (
    <section
      aria-labelledby="assist-start"
      className="mt-4 rounded-xl border border-amber-300 bg-amber-50 p-4"
    >
      <h2 id="assist-start" className="font-semibold">
        {t("assist.start.title")}
      </h2>
      <p className="mt-1 text-sm">{t("assist.start.hint")}</p>
      {isActive ? (
        <p className="mt-2 font-medium">{t("assist.start.active")}</p>
      ) : (
        <form method="post" action="/quan-ly/thao-tac-thay" className="mt-3">
          <input type="hidden" name="intent" value="start" />
          <input type="hidden" name="producerId" value={producerId} />
          <button
            type="submit"
            className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
          >
            {t("assist.start.button", { producer: producerName })}
          </button>
        </form>
      )}
    </section>
  );
}
