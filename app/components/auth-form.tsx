import type { FieldMetadata } from "@conform-to/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { isMessageKey, useT, type MessageParams } from "~/lib/i18n";

/** Pieces shared by the account forms (log in, sign up, producer application, account page). */

export const inputClass =
  "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 aria-[invalid=true]:border-red-600";

/** An error as shown: i18n keys (from the browser's validation) translated, texts as they are. */
export function useMessage(): (message: string, params?: MessageParams) => string {
  const t = useT();
  return (message, params) => (isMessageKey(message) ? t(message, params) : message);
}

/** A labelled field with its hint and its first error, tied to the control by conform's ids. */
export function Field({
  field,
  label,
  hint,
  params,
  children,
}: {
  field: FieldMetadata<unknown>;
  label: string;
  hint?: string;
  /** Values for the error message's placeholders ("at most {max} characters"). */
  params?: MessageParams;
  children: ReactNode;
}) {
  const message = useMessage();
  const error = field.errors?.[0];
  return (
    <div>
      <label htmlFor={field.id} className="block font-medium text-stone-900">
        {label}
      </label>
      {hint ? (
        <p id={field.descriptionId} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={field.errorId} className="mt-1 text-sm font-medium text-red-700">
          {message(error, params)}
        </p>
      ) : null}
    </div>
  );
}

/** Errors about the whole form (wrong password, too many attempts), announced when they appear. */
export function FormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const message = useMessage();
  if (!errors || errors.length === 0) return null;
  return (
    <div
      id={id}
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800"
    >
      {errors.map((error) => (
        <p key={error}>{message(error)}</p>
      ))}
    </div>
  );
}

/** A success message, announced politely. */
export function FormSuccess({ children }: { children: ReactNode }) {
  return (
    <div
      role="status"
      className="rounded-lg border border-brand-600 bg-brand-50 px-4 py-3 font-medium text-brand-800"
    >
      {children}
    </div>
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={busy}
      className="w-full rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-70 sm:w-auto"
    >
      {children}
    </button>
  );
}

/**
 * The links under the log-in and sign-up forms: the other form (`question` + `linkText`),
 * then the way in for producers.
 */
export function AccountFormLinks({
  question,
  linkText,
  to,
}: {
  question: string;
  linkText: string;
  to: string;
}) {
  const t = useT();
  return (
    <div className="mt-8 space-y-2 border-t border-stone-200 pt-6 text-stone-700">
      <p>
        {question}{" "}
        <Link to={to} className="font-medium text-brand-700 underline">
          {linkText}
        </Link>
      </p>
      <p>
        {t("auth.login.producerQuestion")}{" "}
        <Link to="/dang-ky/nha-san-xuat" className="font-medium text-brand-700 underline">
          {t("auth.login.producerLink")}
        </Link>
      </p>
    </div>
  );
}
