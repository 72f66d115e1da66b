import QRCode from "qrcode";
import { eq } from "drizzle-orm";
import { NotFound } from "~/lib/errors";
import type { Actor } from "~/modules/auth/actor";
import type { Db } from "~db/client.server";
import { listings } from "~db/schema";
import { producerIdsOf } from "./shared.server";

/** The permanent address printed on packaging: it redirects to the current slug. */
function productShortUrl(publicUrl: string, sku: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/p/${encodeURIComponent(sku)}`;
}

/**
 * A printable QR code (SVG) for one product. Anyone may have the code of a published
 * product; before publication only the producer's members can (others: not found).
 */
export async function productQrSvg(
  db: Db,
  actor: Actor,
  sku: string,
  publicUrl: string,
): Promise<string> {
  const listing = db
    .select({ sku: listings.sku, status: listings.status, producerId: listings.producerId })
    .from(listings)
    .where(eq(listings.sku, sku))
    .get();
  const visible =
    listing &&
    (listing.status === "published" || producerIdsOf(actor).includes(listing.producerId));
  if (!listing || !visible) throw new NotFound();
  return QRCode.toString(productShortUrl(publicUrl, listing.sku), {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    width: 512,
  });
}
