/**
 * The Vietnamese messages a public page needs (public-pages.ts). Here, for the server and the
 * tests, all of them; the browser build replaces this module's body with only the keys the
 * public pages' code names (scripts/build/public-messages.ts).
 */
export { vi as messages } from "./vi";
