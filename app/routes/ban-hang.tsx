import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { WorkspaceNav } from "~/components/supply/workspace-nav";
import { getActor } from "~/modules/auth/session.server";
import { producerInboxCount } from "~/modules/demand/inbox.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { countOwedRefunds } from "~/modules/producers/home.server";
import { narrowToPermission, workspaceAccess } from "~/modules/team/access";

/**
 * The producer workspace's frame: its one menu (WorkspaceNav) above every workspace page,
 * with the work waiting — purchase requests to answer, refunds to send back. Each page checks
 * who may see it; for anyone who is not a producer's member there is no menu.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await getActor(request);
  if (actor.kind !== "user" || actor.producers.length === 0) return { menu: null };
  const db = getDb();
  // Counts only for the producers whose work she may open (a member of a team).
  const orders = narrowToPermission(actor, "orders");
  return {
    menu: {
      waitingRequests: producerInboxCount(
        db,
        orders.producers.map((m) => m.producerId),
      ),
      refundsOwed: countOwedRefunds(db, narrowToPermission(actor, "statement")),
      access: workspaceAccess(actor),
    },
  };
});

export default function Workspace() {
  const { menu } = useLoaderData<typeof loader>();
  return (
    <>
      {menu ? <WorkspaceNav {...menu} /> : null}
      <Outlet />
    </>
  );
}
