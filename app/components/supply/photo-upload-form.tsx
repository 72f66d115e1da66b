import { Form, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { inputClass } from "~/components/auth-form";
import { useT } from "~/lib/i18n";
import { IntentButton } from "./intent-button";

/** The form adding one photo (a listing's or a producer's): the file and a short description. */
export function PhotoUploadForm({
  idPrefix,
  intent,
  children,
}: {
  idPrefix: string;
  intent: string;
  /** Hidden inputs the action needs besides the photo. */
  children?: ReactNode;
}) {
  const t = useT();
  // A new location (the redirect after an upload) gives a new form: the file input is empty
  // again instead of still showing the photo just sent.
  const { key } = useLocation();
  return (
    <Form key={key} method="post" encType="multipart/form-data" className="mt-4 space-y-3">
      {children}
      <div>
        <label htmlFor={`${idPrefix}-file`} className="block font-medium">
          {t("images.file")}
        </label>
        <input
          id={`${idPrefix}-file`}
          name="image"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          required
          className="mt-1 block w-full text-sm"
        />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-alt`} className="block font-medium">
          {t("images.alt")}
        </label>
        <input
          id={`${idPrefix}-alt`}
          name="alt"
          type="text"
          maxLength={200}
          className={inputClass}
        />
      </div>
      <IntentButton intent={intent} look="smallPrimary">
        {t("images.upload")}
      </IntentButton>
    </Form>
  );
}
