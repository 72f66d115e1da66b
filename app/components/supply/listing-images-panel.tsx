import { Form, Link } from "@remix-run/react";
import { useT } from "~/lib/i18n";
import { MAX_LISTING_IMAGES } from "~/lib/schemas/listing";
import { ResponsiveImage, type StoredImageData } from "./responsive-image";

type PanelImage = StoredImageData & { id: number; isCover: boolean; isProposed: boolean };

const small =
  "rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-700";

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
    <section
      id="anh"
      aria-labelledby="images-title"
      className="mt-8 rounded-xl border border-stone-200 bg-white p-4"
    >
      <h2 id="images-title" className="text-lg font-semibold">
        {t("images.title", { count: working.length, max: MAX_LISTING_IMAGES })}
      </h2>
      <p className="text-sm text-stone-600">{t("images.hint")}</p>
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
                  <input type="hidden" name="confirm" value="yes" />
                  <button
                    type="submit"
                    name="intent"
                    value="image-delete"
                    className="rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white"
                  >
                    {t("images.confirmDelete")}
                  </button>
                  <Link to={`/ban-hang/san-pham/${sku}#anh`} className={small}>
                    {t("form.cancel")}
                  </Link>
                </Form>
              </div>
            ) : (
              <div className="mt-2 flex flex-wrap gap-2">
                {index > 0 ? (
                  <Form method="post">
                    <input type="hidden" name="imageId" value={image.id} />
                    <button type="submit" name="intent" value="image-cover" className={small}>
                      {t("images.makeCover")}
                    </button>
                  </Form>
                ) : null}
                {index > 0 ? (
                  <Form method="post">
                    <input type="hidden" name="imageId" value={image.id} />
                    <input type="hidden" name="direction" value="up" />
                    <button type="submit" name="intent" value="image-move" className={small}>
                      {t("images.moveUp")}
                    </button>
                  </Form>
                ) : null}
                {index < working.length - 1 ? (
                  <Form method="post">
                    <input type="hidden" name="imageId" value={image.id} />
                    <input type="hidden" name="direction" value="down" />
                    <button type="submit" name="intent" value="image-move" className={small}>
                      {t("images.moveDown")}
                    </button>
                  </Form>
                ) : null}
                <Form method="post">
                  <input type="hidden" name="imageId" value={image.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="image-delete"
                    className={`${small} text-red-800`}
                  >
                    {t("images.delete")}
                  </button>
                </Form>
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
        <Form method="post" encType="multipart/form-data" className="mt-4 space-y-3">
          <div>
            <label htmlFor="image-file" className="block font-medium">
              {t("images.file")}
            </label>
            <input
              id="image-file"
              name="image"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              required
              className="mt-1 block w-full text-sm"
            />
          </div>
          <div>
            <label htmlFor="image-alt" className="block font-medium">
              {t("images.alt")}
            </label>
            <input
              id="image-alt"
              name="alt"
              type="text"
              maxLength={200}
              className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2"
            />
          </div>
          <button
            type="submit"
            name="intent"
            value="image-upload"
            className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white"
          >
            {t("images.upload")}
          </button>
        </Form>
      )}
    </section>
  );
}
