import { imageUrlFor } from "./images";

/** The width of the image variant link previews get (Zalo, Messenger, Facebook). */
const PREVIEW_WIDTH = 1024;

/**
 * Open Graph tags of a stored image: the 1024 px WebP variant as an absolute URL (`origin`
 * is PUBLIC_URL without its trailing slash), its size and its alternative text.
 */
export function ogImageMeta(
  origin: string,
  image: { storageKey: string; width: number; height: number; alt: string },
  fallbackAlt: string,
) {
  const width = Math.min(image.width, PREVIEW_WIDTH);
  return [
    {
      property: "og:image",
      content: `${origin}${imageUrlFor(image.storageKey, image.width, PREVIEW_WIDTH)}`,
    },
    { property: "og:image:type", content: "image/webp" },
    { property: "og:image:width", content: String(width) },
    {
      property: "og:image:height",
      content: String(Math.round((image.height * width) / image.width)),
    },
    { property: "og:image:alt", content: image.alt || fallbackAlt },
  ];
}
