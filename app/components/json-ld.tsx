import { useNonce } from "./nonce-provider";

/**
 * Structured data for search engines. `<` is escaped so no value can close the script
 * element; the nonce keeps the CSP strict even though JSON-LD never executes.
 */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  const nonce = useNonce();
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return (
    <script
      type="application/ld+json"
      nonce={nonce || undefined}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: json }}
    />
  );
}
