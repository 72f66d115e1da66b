import { getDb, type Db } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";
import { checkHealth } from "~/modules/platform/health.server";
import { logger } from "~/modules/platform/logger.server";

function openedDb(): Db | null {
  try {
    return getDb();
  } catch (error) {
    logger.error({ err: error }, "health check: cannot open the database");
    return null;
  }
}

/** GET /healthz: for load balancers, uptime checks and the start-up test. Never cached. */
export function loader() {
  const health = checkHealth(openedDb(), getEnv().APP_MODE);
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
