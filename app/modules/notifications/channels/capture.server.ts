import type { OutboundChannel } from "~db/schema";
import type { ChannelAdapter } from "./adapter";

/**
 * The stand-in for a provider: the row in `outbound_messages` already is the captured copy
 * (readable on the demo-only messages page), so sending does nothing and counts as delivered.
 */
export function captureAdapter(channel: OutboundChannel): ChannelAdapter {
  return { channel, kind: "capture", send: () => Promise.resolve() };
}
