import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { Link } from "~/components/link";
import { useMessage } from "~/components/auth-form";
import { useT } from "~/lib/i18n";

/**
 * The required consent box of sign-up (decree 13/2023/NĐ-CP): the two documents open in a
 * new tab so nothing typed is lost.
 */
export function TermsConsentField({ field }: { field: FieldMetadata<string | undefined> }) {
  const t = useT();
  const message = useMessage();
  const error = field.errors?.[0];
  const terms = t("recovery.terms.terms");
  const privacy = t("recovery.terms.privacy");
  // The sentence with markers where the two links go, cut around them.
  const [before = "", middle = "", after = ""] = t("recovery.terms.label", {
    terms: "[[terms]]",
    privacy: "[[privacy]]",
  }).split(/\[\[(?:terms|privacy)\]\]/);
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          {...getInputProps(field, { type: "checkbox", value: "on" })}
          required
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
        />
        <label htmlFor={field.id} className="text-stone-900">
          {before}
          <Link to="/dieu-khoan" target="_blank" className="font-medium text-brand-700 underline">
            {terms}
          </Link>
          {middle}
          <Link
            to="/quyen-rieng-tu"
            target="_blank"
            className="font-medium text-brand-700 underline"
          >
            {privacy}
          </Link>
          {after}
        </label>
      </div>
      {error ? (
        <p id={field.errorId} className="mt-1 text-sm font-medium text-red-700">
          {message(error)}
        </p>
      ) : null}
    </div>
  );
}
