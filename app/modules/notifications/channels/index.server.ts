import type { OutboundChannel } from "~db/schema";
import { smsProviderOf, type Env } from "~/modules/platform/env.server";
import type { ChannelAdapter } from "./adapter";
import { captureAdapter } from "./capture.server";
import { smtpAdapter } from "./email.server";

export type { ChannelAdapter, QueuedMessage } from "./adapter";

/**
 * The adapters the configuration provides, by channel. E-mail: SMTP when SMTP_URL is set,
 * else the capture in demo mode; in live mode without SMTP there is none, so e-mails wait in
 * the queue (a visible backlog) instead of being counted as sent. SMS and Zalo: the capture
 * when their provider is "capture"; no provider client exists yet.
 */
export function adaptersFromEnv(
  env: Pick<Env, "APP_MODE" | "SMTP_URL" | "MAIL_FROM" | "SMS_PROVIDER" | "ZALO_PROVIDER">,
): Partial<Record<OutboundChannel, ChannelAdapter>> {
  const adapters: Partial<Record<OutboundChannel, ChannelAdapter>> = {};
  if (env.SMTP_URL) adapters.email = smtpAdapter({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
  else if (env.APP_MODE === "demo") adapters.email = captureAdapter("email");
  if (smsProviderOf(env) === "capture") adapters.sms = captureAdapter("sms");
  if (env.ZALO_PROVIDER === "capture") adapters.zalo = captureAdapter("zalo");
  return adapters;
}

/** Whether messages of `channel` can be delivered at all: otherwise they are not queued. */
export function canDeliver(
  env: Pick<Env, "APP_MODE" | "SMS_PROVIDER" | "ZALO_PROVIDER">,
  channel: OutboundChannel,
): boolean {
  if (channel === "email") return true; // queued even unsent: SMTP may be configured later
  if (channel === "sms") return smsProviderOf(env) !== "none";
  return env.ZALO_PROVIDER !== "none";
}
