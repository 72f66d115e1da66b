/**
 * Plain share links (no SDK, no third-party script: they work without JavaScript and load
 * nothing until tapped). Zalo has no documented share URL without its SDK; this is the
 * form its web share button opens, widely used by Vietnamese sites; change it here if Zalo
 * moves it.
 */
export function zaloShareUrl(pageUrl: string): string {
  return `https://sp.zalo.me/share?url=${encodeURIComponent(pageUrl)}`;
}

/** Facebook's sharer: it reads the page's Open Graph tags for the preview. */
export function facebookShareUrl(pageUrl: string): string {
  return `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(pageUrl)}`;
}
