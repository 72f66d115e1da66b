import type { viGroups } from "./vi";

/** Notification channels: each user's choice of channels per event (issue 15). */
export const channelsEn: Record<keyof typeof viGroups.channels, string> = {
  "channels.title": "How you get notifications",
  "channels.link": "How you get notifications",
  "channels.intro":
    "Choose how you want to hear about each thing. Notifications in the app (the bell) are always on.",
  "channels.caption": "What you hear about and how",
  "channels.eventHeader": "What",
  "channels.inApp": "In the app",
  "channels.always": "Always on",
  "channels.channel.email": "E-mail",
  "channels.channel.sms": "Text message (SMS)",
  "channels.channel.zalo": "Zalo",
  "channels.event.order_new": "New order",
  "channels.event.order_status": "Order status changes",
  "channels.event.request_match": "Matching purchase request",
  "channels.event.offer": "Offers",
  "channels.event.moderation": "Review decisions",
  "channels.event.certificate_expiry": "Certificate about to expire",
  "channels.box": "{event}: {channel}",
  "channels.notOffered": "Not available",
  "channels.smsOnlyNewOrders":
    "Text messages are only for new orders: at most {hour} an hour and {day} a day to one phone number.",
  "channels.needEmail": "Add an e-mail address to your account to get notifications by e-mail.",
  "channels.needPhone": "Confirm your phone number to get notifications by text message.",
  "channels.save": "Save choices",
  "channels.saved": "Your notification choices are saved.",
  "channels.error.notOffered":
    "That way of hearing is not available for what you chose. Please reload the page and choose again.",
} as const;
