import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, FormSuccess, inputClass } from "~/components/auth-form";
import { ResponsiveImage } from "~/components/supply/responsive-image";
import { WorkspaceNav } from "~/components/supply/workspace-nav";
import { DomainError } from "~/lib/errors";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { MAX_PRODUCER_IMAGES, ProducerProfileSchema } from "~/lib/schemas/listing";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { IMAGE_MESSAGES } from "~/modules/images/detect.server";
import { fileBytes, readUploadForm } from "~/modules/images/upload.server";
import {
  addProducerImage,
  deleteProducerImage,
  getProducerProfile,
  updateProducerProfile,
} from "~/modules/listings/producer-profile.server";
import { selectedProducer } from "~/modules/listings/shared.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "profile.title"));
};

const NOTICE_KEYS = {
  saved: "profile.saved",
  uploaded: "images.uploaded",
  deleted: "images.deleted",
} as const;
const Query = z.object({
  notice: z.enum(["saved", "uploaded", "deleted"]).nullable().catch(null),
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
      email: producer.email ?? "",
      bankBin: producer.bankBin ?? "",
      bankAccountNumber: producer.bankAccountNumber ?? "",
      bankAccountName: producer.bankAccountName ?? "",
      deliveryFeeVnd: String(producer.deliveryFeeVnd),
    },
    images,
    producers: actor.producers.map((p) => ({ code: p.producerCode, name: p.producerName })),
    query: Query.parse({
      notice: url.searchParams.get("thong-bao"),
      confirmDelete: url.searchParams.get("xoa-anh"),
    }),
  };
});

type ActionResult =
  { kind: "form"; reply: ReturnType<typeof localizeReply> } | { kind: "error"; message: string };

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireProducerActor(request);
  assertSameOrigin(request);
  const upload = await readUploadForm(request);
  if (upload.tooLarge) {
    return data<ActionResult>({ kind: "error", message: IMAGE_MESSAGES.tooLarge }, { status: 413 });
  }
  const form = upload.form;
  const current = selectedProducer(actor, String(form.get("producer") ?? "") || null);
  const db = getDb();
  // Stay on the same producer's profile when the user acts for several.
  const here = (search: string) =>
    redirect(
      `/ban-hang/ho-so${search}${actor.producers.length > 1 ? `&nsx=${current.producerCode}` : ""}`,
    );
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "profile") {
      const submission = parseWithZod(form, { schema: ProducerProfileSchema });
      if (submission.status !== "success") {
        return data<ActionResult>(
          { kind: "form", reply: localizeReply(submission.reply(), actor.locale) },
          { status: 400 },
        );
      }
      updateProducerProfile(db, actor, current.producerId, submission.value);
      return here("?thong-bao=saved");
    }
    if (intent === "photo-upload") {
      const bytes = await fileBytes(form, "image");
      if (!bytes)
        return data<ActionResult>(
          { kind: "error", message: IMAGE_MESSAGES.empty },
          { status: 400 },
        );
      await addProducerImage(db, actor, current.producerId, bytes, String(form.get("alt") ?? ""));
      return here("?thong-bao=uploaded");
    }
    if (intent === "photo-delete") {
      const imageId = z.coerce.number().int().positive().parse(form.get("imageId"));
      if (form.get("confirm") !== "yes") return here(`?xoa-anh=${imageId}`);
      await deleteProducerImage(db, actor, current.producerId, imageId);
      return here("?thong-bao=deleted");
    }
    throw new Response("Bad Request", { status: 400 });
  } catch (error) {
    if (error instanceof DomainError && error.status !== 404 && error.status < 500) {
      return data<ActionResult>(
        { kind: "error", message: error.message },
        { status: error.status },
      );
    }
    if (error instanceof z.ZodError) throw new Response("Bad Request", { status: 400 });
    throw error;
  }
});

export default function ProducerProfilePage() {
  const { producer, images, producers, query } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: `profile-${producer.code}`,
    lastResult: result?.kind === "form" ? result.reply : undefined,
    defaultValue: producer,
    constraint: getZodConstraint(ProducerProfileSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProducerProfileSchema }),
  });
  const busy = navigation.state === "submitting";
  return (
    <div className="mx-auto max-w-2xl">
      <WorkspaceNav />
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
      {query.notice ? (
        <div className="mt-4">
          <FormSuccess>{t(NOTICE_KEYS[query.notice])}</FormSuccess>
        </div>
      ) : null}
      {result?.kind === "error" ? (
        <p
          role="alert"
          className="mt-4 rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800"
        >
          {result.message}
        </p>
      ) : null}
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
        <fieldset className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t("profile.bankLegend")}</legend>
          <p className="text-sm text-stone-600">{t("profile.bankHint")}</p>
          <Field field={fields.bankBin} label={t("profile.bankBin")}>
            <input
              {...getInputProps(fields.bankBin, { type: "text" })}
              inputMode="numeric"
              maxLength={6}
              className={inputClass}
            />
          </Field>
          <Field field={fields.bankAccountNumber} label={t("profile.bankAccountNumber")}>
            <input
              {...getInputProps(fields.bankAccountNumber, { type: "text" })}
              inputMode="numeric"
              maxLength={20}
              className={inputClass}
            />
          </Field>
          <Field field={fields.bankAccountName} label={t("profile.bankAccountName")}>
            <input
              {...getInputProps(fields.bankAccountName, { type: "text" })}
              maxLength={100}
              className={inputClass}
            />
          </Field>
        </fieldset>
        <Field field={fields.deliveryFeeVnd} label={t("profile.deliveryFee")}>
          <input
            {...getInputProps(fields.deliveryFeeVnd, { type: "text" })}
            inputMode="numeric"
            className={inputClass}
          />
        </Field>
        <button
          type="submit"
          name="intent"
          value="profile"
          disabled={busy}
          className="rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800"
        >
          {t("profile.save")}
        </button>
      </Form>

      <section
        aria-labelledby="photos-title"
        className="mt-8 rounded-xl border border-stone-200 bg-white p-4"
      >
        <h2 id="photos-title" className="text-lg font-semibold">
          {t("profile.photos", { count: images.length, max: MAX_PRODUCER_IMAGES })}
        </h2>
        <p className="text-sm text-stone-600">{t("profile.photosHint")}</p>
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
                    <input type="hidden" name="confirm" value="yes" />
                    <div className="mt-1 flex flex-wrap gap-2">
                      <button
                        type="submit"
                        name="intent"
                        value="photo-delete"
                        className="rounded-lg bg-red-700 px-3 py-1 text-sm font-semibold text-white"
                      >
                        {t("images.confirmDelete")}
                      </button>
                      <Link
                        to="/ban-hang/ho-so"
                        className="rounded-lg border border-stone-300 px-3 py-1 text-sm"
                      >
                        {t("form.cancel")}
                      </Link>
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
          <Form method="post" encType="multipart/form-data" className="mt-4 space-y-3">
            <input type="hidden" name="producer" value={producer.code} />
            <div>
              <label htmlFor="photo-file" className="block font-medium">
                {t("images.file")}
              </label>
              <input
                id="photo-file"
                name="image"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                required
                className="mt-1 block w-full text-sm"
              />
            </div>
            <div>
              <label htmlFor="photo-alt" className="block font-medium">
                {t("images.alt")}
              </label>
              <input id="photo-alt" name="alt" type="text" maxLength={200} className={inputClass} />
            </div>
            <button
              type="submit"
              name="intent"
              value="photo-upload"
              className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white"
            >
              {t("images.upload")}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
