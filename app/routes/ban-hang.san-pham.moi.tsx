import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { inputClass } from "~/components/auth-form";
import { Alert } from "~/components/supply/alert";
import { IntentButton } from "~/components/supply/intent-button";
import {
  ListingFields,
  ListingFormErrors,
  useListingForm,
} from "~/components/supply/listing-fields";
import { ListingPhotosPicker, type PendingPhotos } from "~/components/supply/listing-photos-picker";
import { DomainError } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import type { Locale } from "~/lib/i18n/locales";
import { titledPage } from "~/lib/i18n/meta";
import { ListingFormSchema } from "~/lib/schemas/listing";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { readUploadForm } from "~/modules/images/upload.server";
import {
  createListingWithPhotos,
  keepPickedPhotos,
  type PickedPhotos,
} from "~/modules/listings/create-with-photos.server";
import { categoryOptions } from "~/modules/listings/queries.server";
import { selectedProducer } from "~/modules/listings/shared.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle, replyWithDomainError } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("listingForm.newTitle");

/** The empty listing form, with the producers the user acts for. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "listings");
  const current = selectedProducer(actor, new URL(request.url).searchParams.get("nsx"));
  return {
    categories: categoryOptions(getDb()),
    producers: actor.producers.map((p) => ({ code: p.producerCode, name: p.producerName })),
    producerCode: current.producerCode,
  };
});

/** The photos kept for the next submit, as the form shows them. */
function pendingView(photos: PickedPhotos, locale: Locale): PendingPhotos {
  return {
    token: photos.token,
    images: photos.images,
    error: photos.error ? photos.error.messageIn(locale) : null,
  };
}

/**
 * Creates the listing as a draft, or straight into review with intent "submit", with the
 * photos picked on the form. When the form comes back, the photos wait on the server.
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireProducerActor(request, "listings");
  assertSameOrigin(request);
  let formData: FormData;
  try {
    formData = await readUploadForm(request);
  } catch (error) {
    // A photo over the size limit stops the upload: say so above the form.
    if (error instanceof DomainError && error.status === 413) return formError(error, actor.locale);
    throw error;
  }
  const submission = parseWithZod(formData, { schema: ListingFormSchema });
  const producer = selectedProducer(actor, String(formData.get("producer") ?? "") || null);
  const photos = await keepPickedPhotos(actor, formData);
  if (submission.status !== "success" || photos.error) {
    return data(
      {
        reply: localizeReply(submission.reply(), actor.locale),
        photos: pendingView(photos, actor.locale),
      },
      { status: 400 },
    );
  }
  try {
    const created = await createListingWithPhotos(
      getDb(),
      actor,
      producer.producerId,
      submission.value,
      photos.token,
      { submit: formData.get("intent") === "submit" },
    );
    return redirect(`/ban-hang/san-pham/${created.sku}?thong-bao=created`);
  } catch (error) {
    return data(
      {
        reply: replyWithDomainError(submission, error, actor.locale),
        photos: pendingView(photos, actor.locale),
      },
      { status: 400 },
    );
  }
});

export default function NewListingPage() {
  const { categories, producers, producerCode } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useListingForm(
    "listing-new",
    result && "reply" in result ? result.reply : undefined,
  );
  const busy = navigation.state === "submitting";
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("listingForm.newTitle")}</h1>
      {result && "formError" in result ? <Alert>{result.formError}</Alert> : null}
      <ListingFormErrors form={form} />
      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        className="mt-6 space-y-5"
      >
        {producers.length > 1 ? (
          <div>
            <label htmlFor="listing-producer" className="block font-medium">
              {t("listingForm.producer")}
            </label>
            <select
              id="listing-producer"
              name="producer"
              defaultValue={producerCode}
              className={inputClass}
            >
              {producers.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="producer" value={producerCode} />
        )}
        <ListingPhotosPicker pending={result && "photos" in result ? result.photos : null} />
        <ListingFields fields={fields} categories={categories} />
        <div className="flex flex-wrap gap-3">
          <IntentButton intent="draft" look="secondary" disabled={busy}>
            {t("listingForm.saveDraft")}
          </IntentButton>
          <IntentButton intent="submit" disabled={busy}>
            {t("listingForm.saveAndSubmit")}
          </IntentButton>
        </div>
      </Form>
    </div>
  );
}
