import { ProducePlaceholder } from "~/components/icons";
import { useT } from "~/lib/i18n";
import { ResponsiveImage, type StoredImageData } from "./responsive-image";

/**
 * A product's photos: a swipeable strip (CSS scroll snapping, no JavaScript needed) and
 * numbered thumbnails that jump to each photo. Only the first photo loads eagerly (it is the
 * page's largest paint); the rest load lazily as they come into view.
 */
/** How wide the gallery's photos are drawn; the product page preloads its first photo with it. */
export const GALLERY_SIZES = "(min-width: 1024px) 50vw, 100vw";

export function ProductGallery({ images, title }: { images: StoredImageData[]; title: string }) {
  const t = useT();
  if (images.length === 0) {
    return (
      <div className="flex aspect-[4/3] items-center justify-center rounded-2xl bg-brand-50 text-brand-600/40">
        <ProducePlaceholder className="h-24 w-24" />
      </div>
    );
  }
  return (
    <div>
      <ul
        className="flex snap-x snap-mandatory overflow-x-auto rounded-2xl"
        aria-label={t("gallery.label", { title })}
        // A scrollable region must be reachable with the keyboard.
        tabIndex={images.length > 1 ? 0 : undefined}
      >
        {images.map((image, index) => (
          <li
            key={image.storageKey}
            id={`anh-${index + 1}`}
            className="w-full shrink-0 snap-center"
          >
            <ResponsiveImage
              image={image}
              alt={image.alt || title}
              sizes={GALLERY_SIZES}
              eager={index === 0}
              className="aspect-[4/3]"
            />
          </li>
        ))}
      </ul>
      {images.length > 1 ? (
        <ol className="mt-2 flex flex-wrap gap-2" aria-label={t("gallery.thumbnails")}>
          {images.map((image, index) => (
            <li key={image.storageKey}>
              <a
                href={`#anh-${index + 1}`}
                className="block w-16 overflow-hidden rounded-md ring-1 ring-stone-300 hover:ring-brand-700"
              >
                <ResponsiveImage
                  image={image}
                  alt={t("gallery.show", { n: index + 1, total: images.length })}
                  sizes="64px"
                  className="aspect-square"
                />
              </a>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
