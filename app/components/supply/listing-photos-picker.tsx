import { useEffect, useRef, useState } from "react";
import { useT } from "~/lib/i18n";
import { MAX_LISTING_IMAGES } from "~/lib/schemas/listing";
import { downscaleInputFiles } from "./downscale-photos";
import { ResponsiveImage, type StoredImageData } from "./responsive-image";

/** Photos picked on a submit that came back, waiting on the server under `token`. */
export interface PendingPhotos {
  token: string;
  images: Omit<StoredImageData, "alt">[];
  error: string | null;
}

/**
 * The photos of a new listing, sent with the form's first save (multipart, no JavaScript
 * needed). Photos kept from a submit that came back are shown ticked with their token in a
 * hidden field; unticking one drops it. With JavaScript the chosen files are made smaller
 * before sending, and the file input is emptied once the server has them.
 */
export function ListingPhotosPicker({ pending }: { pending: PendingPhotos | null }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [shrinking, setShrinking] = useState(false);
  useEffect(() => {
    // The server now holds what was picked (as `pending`): don't send the same files twice.
    if (input.current) input.current.value = "";
  }, [pending]);
  const kept = pending?.images ?? [];
  return (
    <fieldset className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
      <legend className="px-1 font-semibold">
        {t("listingtools.photos.legend", { max: MAX_LISTING_IMAGES })}
      </legend>
      <p id="listing-photos-hint" className="text-sm text-stone-600">
        {t("listingtools.photos.hint", { max: MAX_LISTING_IMAGES })}
      </p>
      {pending ? <input type="hidden" name="photoToken" value={pending.token} /> : null}
      {kept.length > 0 ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {kept.map((image, index) => (
            <li key={image.storageKey}>
              <ResponsiveImage
                image={{ ...image, alt: "" }}
                alt={t("images.numbered", { n: index + 1 })}
                sizes="(min-width: 640px) 150px, 45vw"
                className="aspect-[4/3] rounded-md"
              />
              <label className="mt-1 flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="keepPhoto"
                  value={image.storageKey}
                  defaultChecked
                  className="h-5 w-5 rounded border-stone-400"
                />
                {t("listingtools.photos.keep", { n: index + 1 })}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <label htmlFor="listing-photos" className="block font-medium">
          {kept.length > 0 ? t("listingtools.photos.addMore") : t("listingtools.photos.choose")}
        </label>
        <input
          ref={input}
          id="listing-photos"
          name="photos"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp"
          aria-describedby={
            pending?.error ? "listing-photos-hint listing-photos-error" : "listing-photos-hint"
          }
          aria-invalid={pending?.error ? true : undefined}
          onChange={async (event) => {
            setShrinking(true);
            await downscaleInputFiles(event.currentTarget);
            setShrinking(false);
          }}
          className="mt-1 block w-full text-sm"
        />
        {shrinking ? (
          <p role="status" className="mt-1 text-sm text-stone-700">
            {t("listingtools.photos.shrinking")}
          </p>
        ) : null}
        {pending?.error ? (
          <p id="listing-photos-error" className="mt-1 text-sm font-medium text-red-700">
            {pending.error}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
