import Stripe from "stripe";
import { getEnv } from "~/modules/platform/env.server";

export interface StripeSettings {
  secretKey: string;
  /** A local stand-in for api.stripe.com (tests); unset in production. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
}

/** Stripe settings from the environment, or null when card payments are not configured. */
export function stripeSettingsFromEnv(): StripeSettings | null {
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY) return null;
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    host: env.STRIPE_API_HOST,
    port: env.STRIPE_API_PORT,
    protocol: env.STRIPE_API_PROTOCOL,
  };
}

const clients = new Map<string, Stripe>();

/** A Stripe client for these settings (cached: it keeps connections alive). */
export function stripeClient(settings: StripeSettings): Stripe {
  const cacheKey = JSON.stringify(settings);
  let client = clients.get(cacheKey);
  if (!client) {
    client = new Stripe(settings.secretKey, {
      maxNetworkRetries: 1,
      timeout: 20_000,
      telemetry: false,
      ...(settings.host ? { host: settings.host } : {}),
      ...(settings.port ? { port: settings.port } : {}),
      ...(settings.protocol ? { protocol: settings.protocol } : {}),
    });
    clients.set(cacheKey, client);
  }
  return client;
}
