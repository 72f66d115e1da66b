/** Strings of the platform layer (requests, limits, configuration) shown to readers. */
export const platformVi = {
  "platform.errors.badRequest": "Yêu cầu không hợp lệ.",
} as const;
