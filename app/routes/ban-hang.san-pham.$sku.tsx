import { getFormProps, useForm } from "@conform-to/react";
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
import { FormErrors, FormSuccess } from "~/components/auth-form";
import { ListingFields, listingDefaults } from "~/components/supply/listing-fields";
import { ListingImagesPanel } from "~/components/supply/listing-images-panel";
import { WorkspaceNav } from "~/components/supply/workspace-nav";
import { DomainError } from "~/lib/errors";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { ImageActionSchema, ListingFormSchema, ListingIntentSchema } from "~/lib/schemas/listing";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { IMAGE_MESSAGES } from "~/modules/images/detect.server";
import { fileBytes, readUploadForm } from "~/modules/images/upload.server";
import { replyWithDomainError } from "~/modules/listings/forms.server";
import {
  addListingImage,
  deleteListingImage,
  moveListingImage,
  setListingCover,
} from "~/modules/listings/images.server";
import {
  archiveListing,
  duplicateListing,
  restoreListing,
  submitListing,
  updateListing,
} from "~/modules/listings/lifecycle.server";
import { categoryOptions, getWorkspaceListing } from "~/modules/listings/queries.server";
import { findOwnedListing } from "~/modules/listings/shared.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

const NOTICES = [
  "created",
  "saved",
  "savedRevision",
  "submitted",
  "duplicated",
  "archived",
  "restored",
  "uploaded",
  "deleted",
  "updated",
] as const;
type Notice = (typeof NOTICES)[number];
const NOTICE_KEYS = {
  created: "listingEdit.saved",
  saved: "listingEdit.saved",
  savedRevision: "listingEdit.savedRevision",
  submitted: "listingEdit.submitted",
  duplicated: "listingEdit.duplicated",
  archived: "listingEdit.archived",
  restored: "listingEdit.restored",
  uploaded: "images.uploaded",
  deleted: "images.deleted",
  updated: "images.updated",
} as const satisfies Record<Notice, string>;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const locale = localeFromMatches(matches);
  return pageMeta(locale, t(locale, "listingForm.editTitle", { sku: data?.listing.sku ?? "" }));
};

const PageQuery = z.object({
  notice: z.enum(NOTICES).nullable().catch(null),
  confirmArchive: z.boolean(),
  confirmDeleteImage: z.coerce.number().int().positive().nullable().catch(null),
});

/** One of the producer's listings: its form, photos, moderation state and actions. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  const url = new URL(request.url);
  const db = getDb();
  const view = getWorkspaceListing(db, actor, params.sku ?? "");
  const query = PageQuery.parse({
    notice: url.searchParams.get("thong-bao"),
    confirmArchive: url.searchParams.get("xac-nhan") === "luu-tru",
    confirmDeleteImage: url.searchParams.get("xoa-anh"),
  });
  return {
    ...view,
    listing: {
      id: view.listing.id,
      sku: view.listing.sku,
      slug: view.listing.slug,
      status: view.listing.status,
      moderationNote: view.listing.moderationNote,
    },
    categories: categoryOptions(db),
    query,
  };
});

type ActionResult =
  { kind: "form"; reply: ReturnType<typeof localizeReply> } | { kind: "error"; message: string };

function back(sku: string, search: string) {
  return redirect(`/ban-hang/san-pham/${sku}${search}`);
}

/** Every change of the page goes through here, told apart by `intent`. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireProducerActor(request);
  assertSameOrigin(request);
  const db = getDb();
  const sku = params.sku ?? "";
  // Someone else's listing is not found, whatever the form carries.
  findOwnedListing(db, actor, sku);
  const upload = await readUploadForm(request);
  if (upload.tooLarge) {
    return data<ActionResult>({ kind: "error", message: IMAGE_MESSAGES.tooLarge }, { status: 413 });
  }
  const form = upload.form;
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "save") {
      const submission = parseWithZod(form, { schema: ListingFormSchema });
      if (submission.status !== "success") {
        return data<ActionResult>(
          { kind: "form", reply: localizeReply(submission.reply(), actor.locale) },
          { status: 400 },
        );
      }
      try {
        const saved = await updateListing(db, actor, sku, submission.value);
        return back(sku, `?thong-bao=${saved.revisionPending ? "savedRevision" : "saved"}`);
      } catch (error) {
        return data<ActionResult>(
          {
            kind: "form",
            reply: localizeReply(replyWithDomainError(submission, error), actor.locale),
          },
          { status: 400 },
        );
      }
    }
    if (intent === "image-upload") {
      const bytes = await fileBytes(form, "image");
      if (!bytes)
        return data<ActionResult>(
          { kind: "error", message: IMAGE_MESSAGES.empty },
          { status: 400 },
        );
      await addListingImage(db, actor, sku, bytes, String(form.get("alt") ?? ""));
      return back(sku, "?thong-bao=uploaded#anh");
    }
    if (intent.startsWith("image-")) {
      const parsed = parseWithZod(form, { schema: ImageActionSchema });
      if (parsed.status !== "success") throw new Response("Bad Request", { status: 400 });
      const value = parsed.value;
      if (value.intent === "image-cover") await setListingCover(db, actor, sku, value.imageId);
      else if (value.intent === "image-move") {
        await moveListingImage(db, actor, sku, value.imageId, value.direction);
      } else {
        if (value.confirm !== "yes") return back(sku, `?xoa-anh=${value.imageId}#anh`);
        await deleteListingImage(db, actor, sku, value.imageId);
        return back(sku, "?thong-bao=deleted#anh");
      }
      return back(sku, "?thong-bao=updated#anh");
    }
    const parsed = ListingIntentSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) throw new Response("Bad Request", { status: 400 });
    switch (parsed.data.intent) {
      case "submit":
        submitListing(db, actor, sku);
        return back(sku, "?thong-bao=submitted");
      case "duplicate": {
        const copy = await duplicateListing(db, actor, sku);
        return redirect(`/ban-hang/san-pham/${copy.sku}?thong-bao=duplicated`);
      }
      case "archive":
        if (parsed.data.confirm !== "yes") return back(sku, "?xac-nhan=luu-tru");
        await archiveListing(db, actor, sku);
        return back(sku, "?thong-bao=archived");
      case "restore":
        restoreListing(db, actor, sku);
        return back(sku, "?thong-bao=restored");
    }
  } catch (error) {
    // A refused photo or a step that does not fit the listing's state: say so on the page.
    if (error instanceof DomainError && error.status !== 404 && error.status < 500) {
      return data<ActionResult>(
        { kind: "error", message: error.message },
        { status: error.status },
      );
    }
    throw error;
  }
});

export default function EditListingPage() {
  const {
    listing,
    form: values,
    images,
    revision,
    producer,
    categories,
    query,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: `listing-${listing.sku}`,
    lastResult: result?.kind === "form" ? result.reply : undefined,
    defaultValue: listingDefaults(values),
    constraint: getZodConstraint(ListingFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ListingFormSchema }),
  });
  const busy = navigation.state === "submitting";
  const canSubmit = ["draft", "changes_requested", "rejected"].includes(listing.status);
  const archived = listing.status === "archived";
  return (
    <div className="mx-auto max-w-2xl">
      <WorkspaceNav />
      <h1 className="text-2xl font-bold text-stone-900">
        {t("listingForm.editTitle", { sku: listing.sku })}
      </h1>
      <p className="text-stone-700">{producer?.name}</p>
      <p className="mt-2">
        <span className="text-stone-600">{t("listingEdit.status")}: </span>
        <strong>{t(`listingStatus.${listing.status}`)}</strong>
      </p>
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
      {listing.moderationNote && listing.status !== "published" ? (
        <p className="mt-4 rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
          {t("listingEdit.moderationNote", { note: listing.moderationNote })}
        </p>
      ) : null}
      {revision?.status === "pending" ? (
        <p className="mt-4 rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
          {t("listingEdit.revisionPending", {
            fields: revision.fields.map((f) => t(`moderation.field.${fieldKey(f)}`)).join(", "),
          })}
        </p>
      ) : null}
      {revision?.status === "changes_requested" ? (
        <p className="mt-4 rounded-lg bg-red-50 px-4 py-3 text-red-900">
          {t("listingEdit.revisionChangesRequested", { note: revision.note ?? "" })}
        </p>
      ) : null}
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        {listing.status === "published" ? (
          <Link to={`/san-pham/${listing.slug}`} className="font-semibold text-brand-800 underline">
            {t("listingEdit.viewPublic")}
          </Link>
        ) : null}
        <a
          href={`/san-pham/${listing.sku}/qr.svg`}
          className="font-semibold text-brand-800 underline"
        >
          {t("listingEdit.qr")}
        </a>
      </p>

      {query.confirmArchive && !archived ? (
        <section
          aria-labelledby="archive-confirm"
          className="mt-6 rounded-xl border-2 border-red-300 bg-red-50 p-4"
        >
          <h2 id="archive-confirm" className="text-lg font-semibold text-red-900">
            {t("listingEdit.archiveConfirmTitle")}
          </h2>
          <p className="mt-1 text-red-900">{t("listingEdit.archiveConfirmBody")}</p>
          <Form method="post" className="mt-3 flex flex-wrap gap-3">
            <input type="hidden" name="confirm" value="yes" />
            <button
              type="submit"
              name="intent"
              value="archive"
              className="rounded-lg bg-red-700 px-4 py-2 font-semibold text-white"
            >
              {t("listingEdit.confirmArchive")}
            </button>
            <Link
              to={`/ban-hang/san-pham/${listing.sku}`}
              className="rounded-lg border border-stone-300 bg-white px-4 py-2 font-semibold"
            >
              {t("form.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}

      {listing.status === "published" ? (
        <p className="mt-6 rounded-lg bg-stone-100 px-4 py-3 text-sm text-stone-800">
          {t("listingForm.publishedNotice")}
        </p>
      ) : null}

      {archived ? null : (
        <>
          <FormErrors id={form.errorId} errors={form.errors} />
          {form.status === "error" ? (
            <p
              role="alert"
              className="mt-4 rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800"
            >
              {t("form.errorSummary")}
            </p>
          ) : null}
          <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
            <ListingFields fields={fields} categories={categories} />
            <button
              type="submit"
              name="intent"
              value="save"
              disabled={busy}
              className="rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800"
            >
              {t("listingForm.save")}
            </button>
          </Form>
          <ListingImagesPanel
            sku={listing.sku}
            images={images}
            confirmDeleteId={query.confirmDeleteImage}
          />
        </>
      )}

      <section
        aria-labelledby="listing-actions"
        className="mt-8 rounded-xl border border-stone-200 bg-white p-4"
      >
        <h2 id="listing-actions" className="text-lg font-semibold">
          {t("listingEdit.actions")}
        </h2>
        <div className="mt-3 flex flex-wrap gap-3">
          {canSubmit ? (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="submit"
                className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white"
              >
                {t("listingEdit.submit")}
              </button>
            </Form>
          ) : null}
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="duplicate"
              className="rounded-lg border border-stone-300 px-4 py-2 font-semibold"
            >
              {t("listingEdit.duplicate")}
            </button>
          </Form>
          {archived ? (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="restore"
                className="rounded-lg border border-stone-300 px-4 py-2 font-semibold"
              >
                {t("listingEdit.restore")}
              </button>
            </Form>
          ) : (
            <Link
              to="?xac-nhan=luu-tru"
              className="rounded-lg border border-red-300 px-4 py-2 font-semibold text-red-800"
            >
              {t("listingEdit.archive")}
            </Link>
          )}
        </div>
      </section>
    </div>
  );
}

/** Revision field names as the i18n keys name them. */
function fieldKey(field: string) {
  const known = [
    "title",
    "description",
    "categoryId",
    "ocop",
    "certifications",
    "imageIds",
  ] as const;
  return known.find((k) => k === field) ?? "title";
}
