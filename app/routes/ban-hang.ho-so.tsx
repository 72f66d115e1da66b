import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, inputClass } from "~/components/auth-form";
import { ActionOutcome } from "~/components/supply/alert";
import { ConfirmButtons, IntentButton } from "~/components/supply/intent-button";
import { BankAccountPanel } from "~/components/supply/bank-account-panel";
import { Panel } from "~/components/supply/panel";
import { PhotoUploadForm } from "~/components/supply/photo-upload-form";
import { ResponsiveImage } from "~/components/supply/responsive-image";
import { DomainError, Invalid } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { ProducerBankSchema } from "~/lib/schemas/bank";
import {
  MAX_PRODUCER_IMAGES,
  PICKUP_HOURS_MAX,
  ProducerProfileSchema,
} from "~/lib/schemas/listing";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { ImageRefused } from "~/modules/images/detect.server";
import { fileBytes, readUploadForm } from "~/modules/images/upload.server";
import {
  addProducerImage,
  deleteProducerImage,
  getProducerProfile,
  isProducerOwner,
  updateProducerBank,
  updateProducerProfile,
} from "~/modules/listings/producer-profile.server";
import { selectedProducer } from "~/modules/listings/shared.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("profile.title");

const NOTICE_KEYS = {
  saved: "profile.saved",
  bankSaved: "listingtools.bank.saved",
  uploaded: "images.uploaded",
  deleted: "images.deleted",
} as const;
const Query = z.object({
  notice: z.enum(["saved", "bankSaved", "uploaded", "deleted"]).nullable().catch(null),
  confirmDelete: z.coerce.number().int().positive().nullable().catch(null),
});

/** The profile of the producer the user acts for (`?nsx=<code>` when several). */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  const url = new URL(request.url);
  const current = selectedProducer(actor, url.searchParams.get("nsx"));
  const { producer, images } = getProducerProfile(getDb(), actor, current.producerId);
  return {
    producer: {
      code: producer.code,
      name: producer.name,
      story: producer.story,
      address: producer.address,
      phone: producer.phone ?? "",
      showPhone: producer.showPhone ? "on" : "",
      email: producer.email ?? "",
      deliveryFeeVnd: String(producer.deliveryFeeVnd),
      pickupHours: producer.pickupHours ?? "",
    },
    bank: {
      values: {
        bankBin: producer.bankBin ?? "",
        bankAccountNumber: producer.bankAccountNumber ?? "",
        bankAccountName: producer.bankAccountName ?? "",
      },
      canChange: isProducerOwner(actor, current.producerId),
    },
    images,
    producers: actor.producers.map((p) => ({ code: p.producerCode, name: p.producerName })),
    query: Query.parse({
      notice: url.searchParams.get("thong-bao"),
      confirmDelete: url.searchParams.get("xoa-anh"),
    }),
  };
});

type FormReply = { kind: "form" | "bank"; reply: ReturnType<typeof localizeReply> };

const PhotoId = z.coerce.number().int().positive();

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireProducerActor(request);
  assertSameOrigin(request);
  const db = getDb();
  try {
    const form = await readUploadForm(request);
    const current = selectedProducer(actor, String(form.get("producer") ?? "") || null);
    // Stay on the same producer's profile when the user acts for several.
    const here = (search: string) =>
      redirect(
        `/ban-hang/ho-so${search}${actor.producers.length > 1 ? `&nsx=${current.producerCode}` : ""}`,
      );
    const intent = String(form.get("intent") ?? "");
    if (intent === "profile") {
      const submission = parseWithZod(form, { schema: ProducerProfileSchema });
      if (submission.status !== "success") {
        return data<FormReply>(
          { kind: "form", reply: localizeReply(submission.reply(), actor.locale) },
          { status: 400 },
        );
      }
      updateProducerProfile(db, actor, current.producerId, submission.value);
      return here("?thong-bao=saved");
    }
    if (intent === "bank") {
      const submission = parseWithZod(form, { schema: ProducerBankSchema });
      if (submission.status !== "success") {
        return data<FormReply>(
          { kind: "bank", reply: localizeReply(submission.reply(), actor.locale) },
          { status: 400 },
        );
      }
      updateProducerBank(db, actor, current.producerId, submission.value, {
        ipAddress: context.clientIp ?? null,
      });
      return here("?thong-bao=bankSaved");
    }
    if (intent === "photo-upload") {
      const bytes = await fileBytes(form, "image");
      if (!bytes) throw new ImageRefused("empty");
      await addProducerImage(db, actor, current.producerId, bytes, String(form.get("alt") ?? ""));
      return here("?thong-bao=uploaded");
    }
    const imageId = PhotoId.safeParse(form.get("imageId"));
    if (intent !== "photo-delete" || !imageId.success)
      throw new Invalid("workspace.error.badRequest");
    if (form.get("confirm") !== "yes") return here(`?xoa-anh=${imageId.data}`);
    await deleteProducerImage(db, actor, current.producerId, imageId.data);
    return here("?thong-bao=deleted");
  } catch (error) {
    // A refused photo or a full album: say so on the page; a producer not found is a 404.
    if (error instanceof DomainError && error.status !== 404) return formError(error, actor.locale);
    throw error;
  }
});

export default function WorkspaceProfilePage() {
  const { producer, bank, images, producers, query } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: `profile-${producer.code}`,
    lastResult: result && "reply" in result && result.kind === "form" ? result.reply : undefined,
    defaultValue: producer,
    constraint: getZodConstraint(ProducerProfileSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProducerProfileSchema }),
  });
  const busy = navigation.state === "submitting";
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("profile.title")}</h1>
      <p className="text-stone-700">
        {producer.name} · {producer.code}
      </p>
      <p className="mt-1 text-stone-700">{t("profile.intro")}</p>
      {producers.length > 1 ? (
        <Form method="get" className="mt-3 flex items-end gap-2">
          <div>
            <label htmlFor="pick-producer" className="block text-sm font-medium">
              {t("workspace.producerPicker")}
            </label>
            <select
              id="pick-producer"
              name="nsx"
              defaultValue={producer.code}
              className={inputClass}
            >
              {producers.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="rounded-lg border border-stone-300 px-3 py-2 font-semibold"
          >
            {t("workspace.producerPickerSubmit")}
          </button>
        </Form>
      ) : null}
      <ActionOutcome
        notice={query.notice ? t(NOTICE_KEYS[query.notice]) : null}
        error={result && "formError" in result ? result.formError : null}
      />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
        <input type="hidden" name="producer" value={producer.code} />
        <Field field={fields.story} label={t("profile.story")} hint={t("profile.storyHint")}>
          <textarea
            {...getTextareaProps(fields.story, { ariaDescribedBy: fields.story.descriptionId })}
            rows={6}
            maxLength={3000}
            className={inputClass}
          />
        </Field>
        <Field field={fields.address} label={t("profile.address")}>
          <input
            {...getInputProps(fields.address, { type: "text" })}
            maxLength={300}
            autoComplete="street-address"
            className={inputClass}
          />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field field={fields.phone} label={t("profile.phone")}>
            <input
              {...getInputProps(fields.phone, { type: "tel" })}
              autoComplete="tel"
              className={inputClass}
            />
          </Field>
          <Field field={fields.email} label={t("profile.email")}>
            <input
              {...getInputProps(fields.email, { type: "email" })}
              autoComplete="email"
              className={inputClass}
            />
          </Field>
        </div>
        <div className="flex items-start gap-2">
          <input
            {...getInputProps(fields.showPhone, { type: "checkbox" })}
            className="mt-1 h-5 w-5"
          />
          <label htmlFor={fields.showPhone.id}>
            {t("profile.showPhone")}
            <span className="block text-sm text-stone-600">{t("profile.showPhoneHint")}</span>
          </label>
        </div>
        <Field field={fields.deliveryFeeVnd} label={t("profile.deliveryFee")}>
          <input
            {...getInputProps(fields.deliveryFeeVnd, { type: "text" })}
            inputMode="numeric"
            className={inputClass}
          />
        </Field>
        <Field
          field={fields.pickupHours}
          label={t("checkoutFlow.pickupHoursLabel")}
          hint={t("checkoutFlow.pickupHoursHint")}
        >
          <input
            {...getInputProps(fields.pickupHours, {
              type: "text",
              ariaDescribedBy: fields.pickupHours.descriptionId,
            })}
            maxLength={PICKUP_HOURS_MAX}
            className={inputClass}
          />
        </Field>
        <IntentButton intent="profile" disabled={busy}>
          {t("profile.save")}
        </IntentButton>
      </Form>

      <BankAccountPanel
        producerCode={producer.code}
        values={bank.values}
        canChange={bank.canChange}
        lastResult={
          result && "reply" in result && result.kind === "bank" ? result.reply : undefined
        }
        busy={busy}
      />

      <Panel
        titleId="photos-title"
        title={t("profile.photos", { count: images.length, max: MAX_PRODUCER_IMAGES })}
        hint={t("profile.photosHint")}
      >
        <ul className="mt-3 grid grid-cols-2 gap-3">
          {images.map((image, index) => (
            <li key={image.id}>
              <ResponsiveImage
                image={image}
                alt={t("images.numbered", { n: index + 1 })}
                sizes="50vw"
                className="aspect-[4/3] rounded-md"
              />
              <Form method="post" className="mt-1">
                <input type="hidden" name="producer" value={producer.code} />
                <input type="hidden" name="imageId" value={image.id} />
                {query.confirmDelete === image.id ? (
                  <div className="rounded-lg border-2 border-red-300 bg-red-50 p-2">
                    <p className="text-sm font-semibold text-red-900">
                      {t("images.deleteConfirmTitle")}
                    </p>
                    <div className="mt-1 flex flex-wrap gap-2">
                      <ConfirmButtons
                        intent="photo-delete"
                        confirmLabel={t("images.confirmDelete")}
                        cancelTo="/ban-hang/ho-so"
                        small
                      />
                    </div>
                  </div>
                ) : (
                  <button
                    type="submit"
                    name="intent"
                    value="photo-delete"
                    className="text-sm font-medium text-red-800 underline"
                  >
                    {t("images.delete")}
                  </button>
                )}
              </Form>
            </li>
          ))}
        </ul>
        {images.length < MAX_PRODUCER_IMAGES ? (
          <PhotoUploadForm idPrefix="photo" intent="photo-upload">
            <input type="hidden" name="producer" value={producer.code} />
          </PhotoUploadForm>
        ) : null}
      </Panel>
    </div>
  );
}
