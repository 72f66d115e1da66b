import { Link } from "~/components/link";
import { formatDate, formatNumber, useLocale, useT } from "~/lib/i18n";
import { unitLabel } from "~/lib/i18n/labels";
import type { ConnectRequest } from "~/modules/demand/connecting.server";

/** What a request card and the invite page both say about a request. */
export type RequestFacts = Pick<
  ConnectRequest,
  | "categoryNameVi"
  | "categoryNameEn"
  | "quantity"
  | "unit"
  | "deliveryLocation"
  | "neededBy"
  | "recurrence"
  | "orgUnitName"
  | "offerCount"
>;

/** The request's category and quantity, place, dates, offers and org unit, one per line. */
export function RequestFactList({
  request,
  daysOpen,
}: {
  request: RequestFacts;
  /** Left out where the page does not know how long it has waited. */
  daysOpen?: number;
}) {
  const t = useT();
  const locale = useLocale();
  const category =
    (locale === "en" ? request.categoryNameEn : request.categoryNameVi) ??
    t("connect.request.noCategory");
  const offers = t("connect.request.offers", { count: request.offerCount });
  return (
    <ul className="mt-1 space-y-0.5 text-sm text-stone-700">
      <li>
        {category} ·{" "}
        {t("product.quantityUnit", {
          qty: formatNumber(request.quantity, locale),
          unit: unitLabel(locale, request.unit),
        })}
      </li>
      <li>{request.deliveryLocation}</li>
      <li>
        {request.recurrence === "none"
          ? t("connect.request.neededBy", { date: formatDate(request.neededBy, locale) })
          : t("connect.request.runsUntil", {
              recurrence: t(`recurrence.${request.recurrence}`),
              date: formatDate(request.neededBy, locale),
            })}
      </li>
      <li className="font-medium text-stone-900">
        {daysOpen === undefined
          ? offers
          : `${t("connect.request.daysOpen", { days: daysOpen })} · ${offers}`}
      </li>
      <li>{t("connect.request.orgUnit", { name: request.orgUnitName })}</li>
    </ul>
  );
}

/**
 * One open request on the staff's connecting page: what is wanted, where, how long it has
 * waited, its offers, matches and invitations, with links to its invite page and to record
 * a deal made offline. No form here: the producers' list lives on the invite page, so a
 * list of requests stays light on a phone over mobile data.
 */
export function ConnectRequestCard({
  request,
  listQuery,
}: {
  request: Omit<ConnectRequest, "createdAt">;
  /** The list's query (`?ngay=…&trang=…`), so the invite page can come back to it. */
  listQuery: string;
}) {
  const t = useT();
  return (
    <li className="rounded-xl border border-stone-200 bg-white p-4">
      <p className="text-sm text-stone-600">{request.code}</p>
      <h3 className="font-semibold break-words text-stone-900">
        <Link
          to={`/yeu-cau-mua/${request.code}`}
          className="text-brand-800 underline underline-offset-2"
        >
          {request.title}
        </Link>
      </h3>
      <RequestFactList request={request} daysOpen={request.daysOpen} />
      <p className="mt-0.5 text-sm text-stone-700">
        {t("connect.request.matchesInvited", {
          matches: request.matchCount,
          invited: request.invitedCount,
        })}
      </p>
      <div className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
        <Link
          to={`/quan-ly/ket-noi/moi/${encodeURIComponent(request.code)}${listQuery}`}
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("connect.invite.summary")}
        </Link>
        <Link
          to={`/quan-ly/ket-noi/giao-dich?yeu-cau=${encodeURIComponent(request.code)}`}
          className="inline-flex min-h-11 items-center text-sm text-brand-800 underline underline-offset-2"
        >
          {t("connect.recordDeal")}
        </Link>
      </div>
    </li>
  );
}
