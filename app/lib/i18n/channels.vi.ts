/** Notification channels: each user's choice of channels per event (issue 15). */
export const channelsVi = {} as const;
