import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { getActor } from "~/modules/auth/session.server";
import { producerInboxCount } from "~/modules/demand/inbox.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

/**
 * The producer workspace's frame: what its menu (WorkspaceNav) shows on every workspace
 * page — the purchase requests waiting for an answer. Each page checks who may see it;
 * anyone else gets a count of 0 here.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  const producerIds = actor.kind === "user" ? actor.producers.map((m) => m.producerId) : [];
  return {
    waitingRequests: producerIds.length > 0 ? producerInboxCount(getDb(), producerIds) : 0,
  };
});

export default function Workspace() {
  return <Outlet />;
}
