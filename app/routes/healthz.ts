import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIpOf } from "~/modules/auth/session.server";
import { getDb, type Db } from "~/modules/platform/db.server";
import { getEnv } from "~/modules/platform/env.server";
import {
  checkHealth,
  mayReadOperations,
  operationsDetails,
} from "~/modules/platform/health.server";
import { logger } from "~/modules/platform/logger.server";
import { searchStatus, type SearchStatus } from "~/modules/search/search.server";

function openedDb(): Db | null {
  try {
    return getDb();
  } catch (error) {
    logger.error({ err: error }, "health check: cannot open the database");
    return null;
  }
}

function searchStatusOf(db: Db | null): Partial<SearchStatus> {
  if (db === null) return {};
  try {
    return searchStatus(db);
  } catch (error) {
    logger.error({ err: error }, "health check: cannot read the search status");
    return {};
  }
}

/**
 * GET /healthz: for load balancers, uptime checks and the start-up test. Never cached.
 * Besides the database, it says which search engine answers now and how many index
 * changes wait in the outbox (for Meilisearch while it is unreachable). Callers from this
 * machine, or with `Authorization: Bearer <OPS_TOKEN>`, also read the operations details:
 * the outbox backlog, the notification delivery queue and the last backup.
 */
export function loader({ request, context }: LoaderFunctionArgs) {
  const env = getEnv();
  const db = openedDb();
  const health = checkHealth(db, env.APP_MODE);
  const search = searchStatusOf(db);
  const operations =
    db !== null &&
    mayReadOperations(clientIpOf(context), request.headers.get("Authorization"), env.OPS_TOKEN)
      ? operationsDetails(db)
      : null;
  return Response.json(
    {
      ...health,
      search: {
        ...health.search,
        answering: search.answering,
        meilisearch: search.meilisearch,
        pending_outbox: search.pendingOutbox,
      },
      ...(operations ? { operations } : {}),
    },
    {
      status: health.status === "ok" ? 200 : 503,
      headers: { "Cache-Control": "no-store" },
    },
  );
}
