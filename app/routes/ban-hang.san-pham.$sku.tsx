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
import { Link } from "~/components/link";
import { z } from "zod";
import { ActionOutcome } from "~/components/supply/alert";
import { ConfirmButtons, IntentButton } from "~/components/supply/intent-button";
import {
  ListingFields,
  ListingFormErrors,
  useListingForm,
} from "~/components/supply/listing-fields";
import { ListingImagesPanel } from "~/components/supply/listing-images-panel";
import { Panel } from "~/components/supply/panel";
import { revisionFieldNames } from "~/components/supply/revision-fields";
import { ModerationNote } from "~/components/supply/moderation-note";
import { DomainError, Invalid } from "~/lib/errors";
import { t, useT } from "~/lib/i18n";
import { localeFromMatches, pageMeta } from "~/lib/i18n/meta";
import { ImageActionSchema, ListingFormSchema, ListingIntentSchema } from "~/lib/schemas/listing";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { ImageRefused } from "~/modules/images/detect.server";
import { fileBytes, readUploadForm } from "~/modules/images/upload.server";
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
import { formError, handle, replyWithDomainError } from "~/modules/platform/http.server";

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
  const actor = await requireProducerActor(request, "listings");
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
      moderationNoteAt: view.listing.moderationNoteAt,
      updatedAt: view.listing.updatedAt,
    },
    categories: categoryOptions(db),
    query,
  };
});

type FormReply = { kind: "form"; reply: ReturnType<typeof localizeReply> };

function back(sku: string, search: string) {
  return redirect(`/ban-hang/san-pham/${sku}${search}`);
}

/** Every change of the page goes through here, told apart by `intent`. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireProducerActor(request, "listings");
  assertSameOrigin(request);
  const db = getDb();
  const sku = params.sku ?? "";
  // Someone else's listing is not found, whatever the form carries.
  findOwnedListing(db, actor, sku);
  try {
    const form = await readUploadForm(request);
    const intent = String(form.get("intent") ?? "");
    if (intent === "save") {
      const submission = parseWithZod(form, { schema: ListingFormSchema });
      if (submission.status !== "success") {
        return data<FormReply>(
          { kind: "form", reply: localizeReply(submission.reply(), actor.locale) },
          { status: 400 },
        );
      }
      try {
        const saved = await updateListing(db, actor, sku, submission.value);
        return back(sku, `?thong-bao=${saved.revisionPending ? "savedRevision" : "saved"}`);
      } catch (error) {
        return data<FormReply>(
          { kind: "form", reply: replyWithDomainError(submission, error, actor.locale) },
          { status: 400 },
        );
      }
    }
    if (intent === "image-upload") {
      const bytes = await fileBytes(form, "image");
      if (!bytes) throw new ImageRefused("empty");
      await addListingImage(db, actor, sku, bytes, String(form.get("alt") ?? ""));
      return back(sku, "?thong-bao=uploaded#anh");
    }
    if (intent.startsWith("image-")) {
      const parsed = parseWithZod(form, { schema: ImageActionSchema });
      if (parsed.status !== "success") throw new Invalid("workspace.error.badRequest");
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
    if (!parsed.success) throw new Invalid("workspace.error.badRequest");
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
    if (error instanceof DomainError && error.status !== 404) return formError(error, actor.locale);
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
  const [form, fields] = useListingForm(
    `listing-${listing.sku}`,
    result && "reply" in result ? result.reply : undefined,
    values,
  );
  const busy = navigation.state === "submitting";
  const canSubmit = ["draft", "changes_requested", "rejected"].includes(listing.status);
  const archived = listing.status === "archived";
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-stone-900">
        {t("listingForm.editTitle", { sku: listing.sku })}
      </h1>
      <p className="text-stone-700">{producer?.name}</p>
      <p className="mt-2">
        <span className="text-stone-600">{t("listingEdit.status")}: </span>
        <strong>{t(`listingStatus.${listing.status}`)}</strong>
      </p>
      <ActionOutcome
        notice={query.notice ? t(NOTICE_KEYS[query.notice]) : null}
        error={result && "formError" in result ? result.formError : null}
      />
      <ModerationNote listing={listing} />
      {revision?.status === "pending" ? (
        <p className="mt-4 rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
          {t("listingEdit.revisionPending", {
            fields: revisionFieldNames(t, revision.fields),
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
            <ConfirmButtons
              intent="archive"
              confirmLabel={t("listingEdit.confirmArchive")}
              cancelTo={`/ban-hang/san-pham/${listing.sku}`}
            />
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
          <ListingFormErrors form={form} />
          <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
            <ListingFields fields={fields} categories={categories} />
            <IntentButton intent="save" disabled={busy}>
              {t("listingForm.save")}
            </IntentButton>
          </Form>
          <ListingImagesPanel
            sku={listing.sku}
            images={images}
            confirmDeleteId={query.confirmDeleteImage}
          />
        </>
      )}

      <Panel titleId="listing-actions" title={t("listingEdit.actions")}>
        <div className="mt-3 flex flex-wrap gap-3">
          {canSubmit ? (
            <Form method="post">
              <IntentButton intent="submit" look="smallPrimary">
                {t("listingEdit.submit")}
              </IntentButton>
            </Form>
          ) : null}
          <Form method="post">
            <IntentButton intent="duplicate" look="small">
              {t("listingEdit.duplicate")}
            </IntentButton>
          </Form>
          {archived ? (
            <Form method="post">
              <IntentButton intent="restore" look="small">
                {t("listingEdit.restore")}
              </IntentButton>
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
      </Panel>
    </div>
  );
}
