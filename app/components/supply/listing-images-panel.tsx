import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/lib/i18n";
import { MAX_LISTING_IMAGES } from "~/lib/schemas/listing";
import { ResponsiveImage, type StoredImageData } from "./responsive-image";
import { PhotoUploadForm } from "./photo-upload-form";
import { ConfirmButtons } from "./intent-button";
import { Panel } from "./panel";

type PanelImage = StoredImageData & { id: number; isCover: boolean; isProposed: boolean };

const small =
  "rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-700";

/** One action on one photo (make cover, move, delete), as a small form of its own. */
function ImageAction({
  imageId,
  intent,
  direction,
  danger = false,
  children,
}: {
  imageId: number;
  intent: "image-cover" | "image-move" | "image-delete";
  direction?: "up" | "down";
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="imageId" value={imageId} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button
        type="submit"
        name="intent"
        value={intent}
        className={danger ? `${small} text-red-800` : small}
      >
        {children}
      </button>
    </Form>
  );
}

/**
 * The photos of a listing in the producer's working order: upload, make cover, move, delete
 * (after a confirmation step). Every control is a plain form, so it works without JavaScript.
 */
export function ListingImagesPanel({
  sku,
  images,
  confirmDeleteId,
}: {
  sku: string;
  images: { working: PanelImage[]; removing: StoredImageData[] };
  confirmDeleteId: number | null;
}) {
  const t = useT();
  const { working, removing } = images;
  const full = working.length >= MAX_LISTING_IMAGES;
  return (
    <Panel
      titleId="images-title"
      title={t("images.title", { count: working.length, max: MAX_LISTING_IMAGES })}
      hint={t("images.hint")}
      anchor="anh"
    >
      {working.length === 0 ? <p className="mt-3 text-stone-700">{t("images.empty")}</p> : null}
      <ol className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-2">
        {working.map((image, index) => (
          <li key={image.id} className="rounded-lg border border-stone-200 p-2">
            <ResponsiveImage
              image={image}
              alt={t("images.numbered", { n: index + 1 })}
              sizes="(min-width: 640px) 320px, 90vw"
              className="aspect-[4/3] rounded-md"
            />
            <p className="mt-2 flex flex-wrap gap-2 text-sm">
              <span className="font-medium">{t("images.numbered", { n: index + 1 })}</span>
              {image.isCover ? (
                <span className="rounded-full bg-brand-50 px-2 text-brand-800">
                  {t("images.cover")}
                </span>
              ) : null}
              {image.isProposed ? (
                <span className="rounded-full bg-amber-100 px-2 text-amber-900">
                  {t("images.proposed")}
                </span>
              ) : null}
            </p>
            {confirmDeleteId === image.id ? (
              <div className="mt-2 rounded-lg border-2 border-red-300 bg-red-50 p-3">
                <p className="font-semibold text-red-900">{t("images.deleteConfirmTitle")}</p>
                <p className="text-sm text-red-900">{t("images.deleteConfirmBody")}</p>
                <Form method="post" className="mt-2 flex flex-wrap gap-2">
                  <input type="hidden" name="imageId" value={image.id} />
                  <ConfirmButtons
                    intent="image-delete"
                    confirmLabel={t("images.confirmDelete")}
                    cancelTo={`/ban-hang/san-pham/${sku}#anh`}
                    small
                  />
                </Form>
              </div>
            ) : (
              <div className="mt-2 flex flex-wrap gap-2">
                {index > 0 ? (
                  <ImageAction imageId={image.id} intent="image-cover">
                    {t("images.makeCover")}
                  </ImageAction>
                ) : null}
                {index > 0 ? (
                  <ImageAction imageId={image.id} intent="image-move" direction="up">
                    {t("images.moveUp")}
                  </ImageAction>
                ) : null}
                {index < working.length - 1 ? (
                  <ImageAction imageId={image.id} intent="image-move" direction="down">
                    {t("images.moveDown")}
                  </ImageAction>
                ) : null}
                <ImageAction imageId={image.id} intent="image-delete" danger>
                  {t("images.delete")}
                </ImageAction>
              </div>
            )}
          </li>
        ))}
      </ol>
      {removing.length > 0 ? (
        <ul className="mt-4 grid grid-cols-3 gap-2">
          {removing.map((image) => (
            <li key={image.storageKey} className="opacity-60">
              <ResponsiveImage image={image} sizes="120px" className="aspect-[4/3] rounded-md" />
              <p className="text-xs text-stone-700">{t("images.removing")}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {full ? (
        <p className="mt-4 text-stone-700">{t("images.full", { max: MAX_LISTING_IMAGES })}</p>
      ) : (
        <PhotoUploadForm idPrefix="image" intent="image-upload" />
      )}
    </Panel>
  );
}
