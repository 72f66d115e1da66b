import type { viGroups } from "./vi";

/** Strings of the platform layer (requests, limits, configuration) shown to readers. */
export const platformEn: Record<keyof typeof viGroups.platform, string> = {
  "platform.errors.badRequest": "The request is not valid.",
  "platform.errors.bodyTooLarge":
    "What you sent is too large for the server. Please shorten it and send it again.",
  "platform.errors.tooManyFields":
    "The form you sent has too many fields (at most {max}). Please send it again from its page.",
  "platform.errors.unsupportedMediaType":
    "This address only accepts what a form on the page sends. Please send it again from that page.",
  "platform.errors.methodNotAllowed": "This address does not accept {method} requests.",
  "platform.errors.bodyTooSlow":
    "What you sent arrived too slowly and was stopped. Please check your connection and try again.",
};
