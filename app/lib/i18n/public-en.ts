/** The English counterpart of public-vi.ts (same replacement in the browser build). */
export { en as messages } from "./en";
