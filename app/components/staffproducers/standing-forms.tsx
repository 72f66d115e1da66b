import { Form, useNavigation } from "@remix-run/react";
import { inputClass } from "~/components/auth-form";
import { IntentButton } from "~/components/supply/intent-button";
import { useT } from "~/lib/i18n";
import { REASON_MAX } from "~/lib/schemas/staffproducers";

/**
 * The staff forms of a producer's page: suspend or reinstate her (a reason and a ticked
 * confirmation, so the confirmation works without JavaScript) and take one of her listings
 * off the market. Each posts to /quan-ly/nha-san-xuat/<code>; a refusal comes back as
 * `RefusedForm` and shows in the form it belongs to.
 */

/** What the action answers when it refuses a form (platform/http.server.ts RefusedForm). */
export interface StandingRefusal {
  formError: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

function ReasonField({
  id,
  label,
  error,
  value,
}: {
  id: string;
  label: string;
  error: string | undefined;
  value: string | undefined;
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-stone-900">
        {label}
      </label>
      <textarea
        id={id}
        name="reason"
        rows={3}
        required
        minLength={5}
        maxLength={REASON_MAX}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The ticked confirmation a destructive form needs (required, so it works without JavaScript). */
function ConfirmField({ label, error }: { label: string; error: string | undefined }) {
  return (
    <div>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="confirm"
          required
          aria-invalid={error ? true : undefined}
          className="mt-1 h-5 w-5"
        />
        <span>{label}</span>
      </label>
      {error ? <p className="mt-1 text-sm font-medium text-red-700">{error}</p> : null}
    </div>
  );
}

/** Suspend (a verified producer) or reinstate (a suspended one). */
export function StandingForm({
  intent,
  producerName,
  refusal,
}: {
  intent: "suspend" | "reinstate";
  producerName: string;
  refusal: StandingRefusal | undefined;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const mine = refusal?.values.intent === intent ? refusal : undefined;
  const id = `standing-${intent}`;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="mt-6 rounded-xl border border-stone-200 bg-white p-4"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t(`staffproducers.${intent}.title`)}
      </h2>
      <p className="text-sm text-stone-700">{t(`staffproducers.${intent}.explain`)}</p>
      {mine?.formError ? (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 px-4 py-3 font-medium text-red-800">
          {mine.formError}
        </p>
      ) : null}
      <Form method="post" className="mt-3 space-y-3">
        <ReasonField
          id={`${id}-reason`}
          label={t(`staffproducers.${intent}.reason`)}
          error={mine?.fieldErrors.reason}
          value={mine?.values.reason}
        />
        <ConfirmField
          label={t(`staffproducers.${intent}.confirm`, { name: producerName })}
          error={mine?.fieldErrors.confirm}
        />
        <IntentButton
          intent={intent}
          look={intent === "suspend" ? "danger" : "smallPrimary"}
          disabled={busy}
        >
          {t(`staffproducers.${intent}.submit`)}
        </IntentButton>
      </Form>
    </section>
  );
}

/**
 * A form folded under its title until opened (open when it was refused): a reason, maybe a
 * ticked confirmation, posted to `action` with its intent and the id of what it acts on.
 */
function FoldedReasonForm({
  intent,
  idField,
  id,
  action,
  refusal,
  title,
  explain,
  reasonLabel,
  confirmLabel,
  submit,
}: {
  intent: "unpublish" | "cancelOrder";
  idField: "listingId" | "orderId";
  id: number;
  action: string;
  refusal: StandingRefusal | undefined;
  title: string;
  explain: string;
  reasonLabel: string;
  confirmLabel?: string;
  submit: string;
}) {
  const busy = useNavigation().state === "submitting";
  const mine =
    refusal?.values.intent === intent && refusal.values[idField] === String(id)
      ? refusal
      : undefined;
  return (
    <details open={mine !== undefined} className="mt-2">
      <summary className="cursor-pointer font-medium text-red-800 underline underline-offset-2">
        {title}
      </summary>
      <p className="mt-1 text-sm text-stone-700">{explain}</p>
      {mine?.formError ? (
        <p role="alert" className="mt-2 rounded-lg bg-red-50 px-4 py-3 font-medium text-red-800">
          {mine.formError}
        </p>
      ) : null}
      <Form method="post" action={action} className="mt-2 space-y-3">
        <input type="hidden" name={idField} value={id} />
        <ReasonField
          id={`${intent}-${id}-reason`}
          label={reasonLabel}
          error={mine?.fieldErrors.reason}
          value={mine?.values.reason}
        />
        {confirmLabel ? (
          <ConfirmField label={confirmLabel} error={mine?.fieldErrors.confirm} />
        ) : null}
        <IntentButton intent={intent} look="danger" disabled={busy}>
          {submit}
        </IntentButton>
      </Form>
    </details>
  );
}

/**
 * Takes a published listing off the market with a reason. `action` is the producer page's
 * path, so the staff listing page can use it.
 */
export function UnpublishForm({
  listingId,
  action,
  refusal,
}: {
  listingId: number;
  action: string;
  refusal: StandingRefusal | undefined;
}) {
  const t = useT();
  return (
    <FoldedReasonForm
      intent="unpublish"
      idField="listingId"
      id={listingId}
      action={action}
      refusal={refusal}
      title={t("staffproducers.unpublish.title")}
      explain={t("staffproducers.unpublish.explain")}
      reasonLabel={t("staffproducers.unpublish.reason")}
      submit={t("staffproducers.unpublish.submit")}
    />
  );
}

/** Cancels one of the producer's open orders with a reason both sides read, confirmed. */
export function CancelOrderForm({
  orderId,
  orderCode,
  action,
  refusal,
}: {
  orderId: number;
  orderCode: string;
  action: string;
  refusal: StandingRefusal | undefined;
}) {
  const t = useT();
  return (
    <FoldedReasonForm
      intent="cancelOrder"
      idField="orderId"
      id={orderId}
      action={action}
      refusal={refusal}
      title={t("staffproducers.cancelOrder.title", { code: orderCode })}
      explain={t("staffproducers.cancelOrder.explain")}
      reasonLabel={t("staffproducers.cancelOrder.reason")}
      confirmLabel={t("staffproducers.cancelOrder.confirm", { code: orderCode })}
      submit={t("staffproducers.cancelOrder.submit")}
    />
  );
}
