import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { inputClass } from "~/components/auth-form";
import { ConfirmButtons, IntentButton } from "~/components/supply/intent-button";
import { formatDate, useLocale, useT } from "~/lib/i18n";

interface JoinedProducer {
  producerId: number;
  name: string;
  joinedAt: string | Date | null;
  listings: { id: number; title: string; inCampaign: boolean }[];
}

/**
 * The campaign's producers on its staff page: who takes part (with her listings to tick and a
 * confirmed removal), requests to accept or decline, and a producer of the unit to add.
 * Plain forms, so it all works without JavaScript.
 */
export function StaffCampaignProducers({
  base,
  readOnly,
  producers,
  candidates,
  removing,
}: {
  base: string;
  readOnly: boolean;
  producers: {
    joined: JoinedProducer[];
    requests: {
      producerId: number;
      name: string;
      requestedAt: string | Date | null;
      note: string;
    }[];
    history: { id: number; name: string; status: string; leftAt: string | Date | null }[];
  };
  candidates: { id: number; name: string }[];
  /** The producer whose removal awaits confirmation (?rut=<id>), or 0. */
  removing: number;
}) {
  const t = useT();
  const locale = useLocale();
  const day = (value: string | Date | null) => (value ? formatDate(value, locale) : "");
  return (
    <>
      <section aria-labelledby="producers-title" className="mt-6">
        <h2 id="producers-title" className="text-lg font-semibold">
          {t("campaigns.page.producersTitle", { count: producers.joined.length })}
        </h2>
        {producers.joined.length === 0 ? (
          <p className="mt-2 text-stone-600">{t("campaigns.page.noProducers")}</p>
        ) : null}
        <ul className="mt-2 space-y-3">
          {producers.joined.map((producer) => (
            <li
              key={producer.producerId}
              className="rounded-xl border border-stone-200 bg-white p-4"
            >
              <h3 className="font-semibold">{producer.name}</h3>
              <p className="text-sm text-stone-600">
                {t("campaigns.page.joinedOn", { date: day(producer.joinedAt) })}
              </p>
              <Form method="post" className="mt-2">
                <input type="hidden" name="producerId" value={producer.producerId} />
                <fieldset disabled={readOnly}>
                  <legend className="text-sm font-medium">
                    {t("campaigns.page.listingsLegend", { producer: producer.name })}
                  </legend>
                  {producer.listings.length === 0 ? (
                    <p className="text-sm text-stone-600">{t("campaigns.page.noListings")}</p>
                  ) : (
                    <ul className="mt-1 space-y-1">
                      {producer.listings.map((listing) => (
                        <li key={listing.id}>
                          <label className="flex items-center gap-2">
                            <input
                              type="checkbox"
                              name="listingId"
                              value={listing.id}
                              defaultChecked={listing.inCampaign}
                              className="h-5 w-5"
                            />
                            {listing.title}
                          </label>
                        </li>
                      ))}
                    </ul>
                  )}
                  {readOnly || producer.listings.length === 0 ? null : (
                    <p className="mt-2">
                      <IntentButton intent="listings" look="small">
                        {t("campaigns.page.saveListings")}
                      </IntentButton>
                    </p>
                  )}
                </fieldset>
              </Form>
              {readOnly ? null : removing === producer.producerId ? (
                <Form method="post" className="mt-3 space-y-2" role="alertdialog">
                  <input type="hidden" name="producerId" value={producer.producerId} />
                  <p>{t("campaigns.page.removeConfirm", { producer: producer.name })}</p>
                  <p className="flex flex-wrap gap-3">
                    <ConfirmButtons
                      intent="remove"
                      confirmLabel={t("campaigns.page.removeYes")}
                      cancelTo={base}
                      small
                    />
                  </p>
                </Form>
              ) : (
                <Link
                  to={`${base}?rut=${producer.producerId}`}
                  className="mt-3 inline-block text-sm font-semibold text-red-800 underline"
                >
                  {t("campaigns.page.remove")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </section>

      {producers.requests.length > 0 ? (
        <section aria-labelledby="requests-title" className="mt-6">
          <h2 id="requests-title" className="text-lg font-semibold">
            {t("campaigns.page.requestsTitle", { count: producers.requests.length })}
          </h2>
          <ul className="mt-2 space-y-3">
            {producers.requests.map((request) => (
              <li
                key={request.producerId}
                className="rounded-xl border border-stone-200 bg-white p-4"
              >
                <h3 className="font-semibold">{request.name}</h3>
                <p className="text-sm text-stone-600">
                  {t("campaigns.page.requestedOn", { date: day(request.requestedAt) })}
                </p>
                {request.note ? (
                  <p className="mt-1 whitespace-pre-line">
                    {t("campaigns.page.requestNote", { note: request.note })}
                  </p>
                ) : null}
                {readOnly ? null : (
                  <div className="mt-3 space-y-3">
                    <Form method="post">
                      <input type="hidden" name="producerId" value={request.producerId} />
                      <IntentButton intent="approve" look="smallPrimary">
                        {t("campaigns.page.approve")}
                      </IntentButton>
                    </Form>
                    <Form method="post" className="space-y-2">
                      <input type="hidden" name="producerId" value={request.producerId} />
                      <label
                        htmlFor={`decline-${request.producerId}`}
                        className="block text-sm font-medium"
                      >
                        {t("campaigns.page.declineNote")}
                      </label>
                      <textarea
                        id={`decline-${request.producerId}`}
                        name="note"
                        rows={2}
                        maxLength={1000}
                        className={inputClass}
                      />
                      <IntentButton intent="decline" look="danger">
                        {t("campaigns.page.decline")}
                      </IntentButton>
                    </Form>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {readOnly ? null : (
        <section
          aria-labelledby="add-title"
          className="mt-6 rounded-xl border border-stone-200 bg-white p-4"
        >
          <h2 id="add-title" className="text-lg font-semibold">
            {t("campaigns.page.addTitle")}
          </h2>
          {candidates.length === 0 ? (
            <p className="mt-2 text-stone-600">{t("campaigns.page.noCandidates")}</p>
          ) : (
            <Form method="post" className="mt-2 space-y-3">
              <label htmlFor="add-producer" className="block font-medium">
                {t("campaigns.page.addProducer")}
              </label>
              <select id="add-producer" name="producerId" className={inputClass}>
                {candidates.map((producer) => (
                  <option key={producer.id} value={producer.id}>
                    {producer.name}
                  </option>
                ))}
              </select>
              <IntentButton intent="add" look="smallPrimary">
                {t("campaigns.page.add")}
              </IntentButton>
            </Form>
          )}
        </section>
      )}

      {producers.history.length > 0 ? (
        <section aria-labelledby="history-title" className="mt-6">
          <h2 id="history-title" className="text-lg font-semibold">
            {t("campaigns.page.historyTitle")}
          </h2>
          <ul className="mt-2 list-disc pl-5 text-stone-700">
            {producers.history.map((row) => (
              <li key={row.id}>
                {row.status === "left"
                  ? t("campaigns.page.history.left", { producer: row.name, date: day(row.leftAt) })
                  : t("campaigns.page.history.declined", { producer: row.name })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
