import { Form } from "@remix-run/react";
import { MatchSummary } from "~/components/demand/request-matches";
import { Alert } from "~/components/supply/alert";
import { isMessageKey, useT } from "~/lib/i18n";
import { CONNECT_LIMITS } from "~/lib/schemas/connect";
import type { InviteMatch, InviteProducerOption } from "~/modules/demand/connecting.server";

/**
 * Why the last invitation was refused: a message for the whole form (in the reader's
 * language) or errors by field (catalog keys).
 */
export interface InviteRefusal {
  formError: string | null;
  fieldErrors: Record<string, string> | null;
  /** The form as it was sent. */
  values: { producerCode: string; note: string };
}

/**
 * The stored matches of a request, best first, each with why it matches (the buyer's page
 * renders them the same way) and whether it was invited or lies outside the staff's subtree.
 */
export function InviteMatches({ matches }: { matches: readonly InviteMatch[] }) {
  const t = useT();
  return (
    <section aria-labelledby="invite-matches">
      <h2 id="invite-matches" className="text-lg font-semibold">
        {t("connect.invite.matchesTitle")}
      </h2>
      {matches.length === 0 ? (
        <p className="mt-2 rounded-lg bg-stone-100 px-3 py-2 text-stone-800">
          {t("connect.invite.noMatches")}
        </p>
      ) : (
        <ol className="mt-2 space-y-3">
          {matches.map((match) => (
            <li
              key={`${match.producer.code}-${match.listing?.sku ?? ""}`}
              className="rounded-xl border border-stone-200 bg-white p-3"
            >
              <MatchSummary match={match} />
              {match.invited || !match.inScope ? (
                <p className="mt-1 text-sm font-medium text-stone-900">
                  {t(match.invited ? "connect.invite.invitedMark" : "connect.invite.outOfScope")}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The invitation form: one select, the matched producers of the subtree first, then the
 * others; the invited ones shown but disabled. A plain form: works without JavaScript.
 */
export function InviteForm({
  action,
  matched,
  others,
  refusal,
}: {
  action: string;
  matched: readonly InviteProducerOption[];
  others: readonly InviteProducerOption[];
  refusal: InviteRefusal | null;
}) {
  const t = useT();
  const errors = refusal?.fieldErrors ?? null;
  const message = (key: string | undefined) => (key && isMessageKey(key) ? t(key) : key);
  const option = (producer: InviteProducerOption) => (
    <option key={producer.code} value={producer.code} disabled={producer.invited}>
      {producer.invited
        ? t("connect.invite.alreadyInvited", { name: producer.name })
        : producer.name}
    </option>
  );
  if (matched.length + others.length === 0) {
    return <p className="text-stone-700">{t("connect.invite.noProducers")}</p>;
  }
  return (
    <Form method="post" action={action} className="space-y-3">
      {refusal?.formError ? <Alert className="mt-0">{refusal.formError}</Alert> : null}
      <div>
        <label htmlFor="invite-producer" className="block font-medium">
          {t("connect.invite.producer")}
        </label>
        <select
          id="invite-producer"
          name="producerCode"
          required
          defaultValue={refusal?.values.producerCode ?? ""}
          aria-invalid={errors?.producerCode ? true : undefined}
          aria-describedby={errors?.producerCode ? "invite-producer-error" : undefined}
          className="mt-1 min-h-11 w-full max-w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
        >
          <option value="" disabled>
            {t("connect.invite.choose")}
          </option>
          {matched.length > 0 ? (
            <optgroup label={t("connect.invite.matched")}>{matched.map(option)}</optgroup>
          ) : null}
          {others.length > 0 ? (
            <optgroup label={t("connect.invite.others")}>{others.map(option)}</optgroup>
          ) : null}
        </select>
        {errors?.producerCode ? (
          <p id="invite-producer-error" className="mt-1 text-sm font-medium text-red-700">
            {message(errors.producerCode)}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="invite-note" className="block font-medium">
          {t("connect.invite.note")}
        </label>
        <textarea
          id="invite-note"
          name="note"
          rows={3}
          defaultValue={refusal?.values.note}
          maxLength={CONNECT_LIMITS.noteMax}
          aria-invalid={errors?.note ? true : undefined}
          aria-describedby={errors?.note ? "invite-note-error" : undefined}
          className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
        />
        {errors?.note ? (
          <p id="invite-note-error" className="mt-1 text-sm font-medium text-red-700">
            {message(errors.note)}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        className="min-h-11 w-full rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 sm:w-auto"
      >
        {t("connect.invite.submit")}
      </button>
    </Form>
  );
}
