import type { viGroups } from "./vi";

/** Bank transfer for buyers: which producers take it, the transfer details, copy buttons, the QR download, the deadline (issue 14). */
export const transferEn: Record<keyof typeof viGroups.transfer, string> = {};
