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
import { IntentButton } from "~/components/supply/intent-button";
import {
  ListingFields,
  ListingFormErrors,
  useListingForm,
} from "~/components/supply/listing-fields";
import { WorkspaceNav } from "~/components/supply/workspace-nav";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { ListingFormSchema } from "~/lib/schemas/listing";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { createListing } from "~/modules/listings/lifecycle.server";
import { categoryOptions } from "~/modules/listings/queries.server";
import { selectedProducer } from "~/modules/listings/shared.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, replyWithDomainError } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("listingForm.newTitle");

/** The empty listing form, with the producers the user acts for. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  const current = selectedProducer(actor, new URL(request.url).searchParams.get("nsx"));
  return {
    categories: categoryOptions(getDb()),
    producers: actor.producers.map((p) => ({ code: p.producerCode, name: p.producerName })),
    producerCode: current.producerCode,
  };
});

/** Creates the listing as a draft, or straight into review with intent "submit". */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireProducerActor(request);
  assertSameOrigin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ListingFormSchema });
  if (submission.status !== "success") {
    return data(localizeReply(submission.reply(), actor.locale), { status: 400 });
  }
  const producer = selectedProducer(actor, String(formData.get("producer") ?? "") || null);
  try {
    const created = createListing(getDb(), actor, producer.producerId, submission.value, {
      submit: formData.get("intent") === "submit",
    });
    return redirect(`/ban-hang/san-pham/${created.sku}?thong-bao=created`);
  } catch (error) {
    return data(replyWithDomainError(submission, error, actor.locale), {
      status: 400,
    });
  }
});

export default function NewListingPage() {
  const { categories, producers, producerCode } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useListingForm("listing-new", lastResult);
  const busy = navigation.state === "submitting";
  return (
    <div className="mx-auto max-w-2xl">
      <WorkspaceNav />
      <h1 className="text-2xl font-bold text-stone-900">{t("listingForm.newTitle")}</h1>
      <ListingFormErrors form={form} />
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
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
