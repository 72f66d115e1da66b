/**
 * Image variant naming shared by the server (which writes them) and the pages (which build
 * `srcset`). Variants are WebP files at these nominal widths; an image narrower than a
 * nominal width gets that width's file at its own width (never upscaled) and no larger ones.
 */
export const IMAGE_WIDTHS = [320, 640, 1024, 1600] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

/** Nominal widths stored for an image `originalWidth` pixels wide, with their real widths. */
export function variantWidths(originalWidth: number): { nominal: ImageWidth; actual: number }[] {
  const result: { nominal: ImageWidth; actual: number }[] = [];
  for (const nominal of IMAGE_WIDTHS) {
    result.push({ nominal, actual: Math.min(nominal, originalWidth) });
    if (nominal >= originalWidth) break;
  }
  return result;
}

/** The public URL of one variant. */
export function imageUrl(storageKey: string, width: ImageWidth): string {
  return `/media/${storageKey}/${width}.webp`;
}

/** A `srcset` attribute value listing every stored variant with its real width. */
export function imageSrcSet(storageKey: string, originalWidth: number): string {
  return variantWidths(originalWidth)
    .map(({ nominal, actual }) => `${imageUrl(storageKey, nominal)} ${actual}w`)
    .join(", ");
}

/** The URL of the variant closest to `wanted` pixels wide (for `src` and Open Graph). */
export function imageUrlFor(storageKey: string, originalWidth: number, wanted: number): string {
  const variants = variantWidths(originalWidth);
  const pick = variants.find((v) => v.actual >= wanted) ?? variants[variants.length - 1];
  return imageUrl(storageKey, pick?.nominal ?? IMAGE_WIDTHS[0]);
}

/**
 * A `<link rel="preload">` for a page's largest image (as a Remix meta descriptor, so it lands
 * in <head> before the stylesheet and the scripts): the browser fetches the width it will draw
 * at high priority instead of discovering it once the layout is known.
 */
export function preloadImageDescriptor(
  image: { storageKey: string; width: number },
  sizes: string,
): { tagName: "link"; [attribute: string]: string } {
  return {
    tagName: "link",
    rel: "preload",
    as: "image",
    href: imageUrlFor(image.storageKey, image.width, 640),
    imageSrcSet: imageSrcSet(image.storageKey, image.width),
    imageSizes: sizes,
    fetchpriority: "high",
  };
}

/** True for a syntactically valid storage key (random, URL-safe); guards the media route. */
export function isStorageKey(value: string): boolean {
  return /^[a-f0-9]{32}$/.test(value);
}
