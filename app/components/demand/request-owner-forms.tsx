import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { useT } from "~/lib/i18n";

const buttonClass = "rounded-lg border border-stone-300 px-4 py-2.5 font-semibold text-stone-800";

/**
 * The owner's edit link and close/reopen forms (posting to /yeu-cau-mua/<code>/trang-thai),
 * and staff's hide form. Closing asks for a ticked box first, which works without JavaScript.
 */
export function RequestOwnerForms({ code, status }: { code: string; status: string }) {
  const t = useT();
  return (
    <section
      aria-labelledby="owner-heading"
      className="mt-6 rounded-xl border border-stone-200 p-4"
    >
      <h2 id="owner-heading" className="font-semibold">
        {t("offers.owner.title")}
      </h2>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <Link to={`/yeu-cau-mua/${code}/sua`} className={buttonClass}>
          {t("offers.owner.edit")}
        </Link>
        {status === "open" ? (
          <Form method="post" action={`/yeu-cau-mua/${code}/trang-thai`} className="space-y-2">
            <input type="hidden" name="intent" value="close" />
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="confirm" value="yes" required className="mt-1" />
              {t("offers.owner.closeConfirm")}
            </label>
            <button type="submit" className={buttonClass}>
              {t("offers.owner.close")}
            </button>
          </Form>
        ) : status === "closed" ? (
          <Form method="post" action={`/yeu-cau-mua/${code}/trang-thai`}>
            <input type="hidden" name="intent" value="reopen" />
            <button type="submit" className={buttonClass}>
              {t("offers.owner.reopen")}
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}

/** Union staff with purchase-request:hide over the request's org unit hide it, with a reason. */
export function RequestHideForm({ code }: { code: string }) {
  const t = useT();
  return (
    <Form
      method="post"
      action={`/yeu-cau-mua/${code}/trang-thai`}
      className="mt-6 space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4"
    >
      <h2 className="font-semibold">{t("offers.staff.title")}</h2>
      <input type="hidden" name="intent" value="hide" />
      <label htmlFor="hide-reason" className="block text-sm font-medium">
        {t("offers.staff.reason")}
      </label>
      <input
        id="hide-reason"
        name="reason"
        required
        maxLength={500}
        className="w-full rounded-lg border border-stone-300 px-3 py-2.5"
      />
      <button type="submit" className={buttonClass}>
        {t("offers.staff.hide")}
      </button>
    </Form>
  );
}
