import { useForm, type SubmissionResult } from "@conform-to/react";
import { useMemo } from "react";
import { PlacePicker, type PlaceOption } from "~/components/place-picker";

/**
 * The place picker (province, then one of its official communes) inside a form that is not a
 * conform form (the checkout, the address book): conform only keeps these two fields, with
 * the server's errors under them. `formId` must be the id of the surrounding <form>: the
 * picker's selects belong to it by their `form` attribute.
 */
export function PlaceFields({
  formId,
  province,
  commune,
  errors,
  provinces,
  communes,
}: {
  formId: string;
  /** The official codes the fields start with. */
  province: string;
  commune: string;
  /** Message keys (or texts) by field name, from the server. */
  errors: { province?: string; commune?: string };
  provinces: PlaceOption[];
  communes: PlaceOption[];
}) {
  const provinceError = errors.province;
  const communeError = errors.commune;
  // A new answer of the server is a new result (conform reports it once per object).
  const lastResult = useMemo<SubmissionResult<string[]>>(
    () => ({
      status: provinceError || communeError ? "error" : undefined,
      initialValue: { province, commune },
      // Only fields with an error are named: conform marks any named field invalid.
      error: {
        ...(provinceError ? { province: [provinceError] } : {}),
        ...(communeError ? { commune: [communeError] } : {}),
      },
    }),
    [province, commune, provinceError, communeError],
  );
  const [, fields] = useForm<{ province: string; commune: string }>({
    id: formId,
    defaultValue: { province, commune },
    lastResult,
  });
  return (
    <PlacePicker
      province={fields.province}
      commune={fields.commune}
      provinces={provinces}
      communes={communes}
    />
  );
}
