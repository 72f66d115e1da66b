import { createContext, useContext } from "react";

/**
 * The CSP nonce of the current document, given by app/entry.server.tsx. In the browser there
 * is no provider: the value is "" and React keeps the server's attribute (browsers hide nonces
 * from the DOM anyway, so nothing can read and reuse it).
 */
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

/** The nonce to put on every <script> rendered by the app. */
export function useNonce(): string {
  return useContext(NonceContext);
}
