import { imageSrcSet, imageUrlFor } from "~/lib/images";

export interface StoredImageData {
  storageKey: string;
  width: number;
  height: number;
  placeholder: string;
  alt: string;
}

/**
 * An uploaded image with every WebP width in `srcset`, lazy by default, over its tiny
 * blurred placeholder (an <img> too: the CSP forbids inline styles, so no background-image).
 */
export function ResponsiveImage({
  image,
  sizes,
  alt = image.alt,
  eager = false,
  className = "",
}: {
  image: StoredImageData;
  sizes: string;
  alt?: string;
  eager?: boolean;
  className?: string;
}) {
  return (
    <div className={`relative overflow-hidden bg-stone-100 ${className}`}>
      {image.placeholder ? (
        <img
          src={image.placeholder}
          alt=""
          aria-hidden
          width={image.width}
          height={image.height}
          className="absolute inset-0 h-full w-full scale-110 object-cover blur-md"
        />
      ) : null}
      <img
        src={imageUrlFor(image.storageKey, image.width, 640)}
        srcSet={imageSrcSet(image.storageKey, image.width)}
        sizes={sizes}
        alt={alt}
        width={image.width}
        height={image.height}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
        {...(eager ? { fetchpriority: "high" } : {})}
        className="relative h-full w-full object-cover"
      />
    </div>
  );
}
