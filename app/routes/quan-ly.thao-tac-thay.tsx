import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { Invalid } from "~/lib/errors";
import { AssistActionSchema } from "~/lib/schemas/assist";
import { endAssisting, startAssisting } from "~/modules/assist/context.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireStaff, requireUser } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

/**
 * Assisted mode's switch (plain form posts, no page): `intent=start` with a producer's id
 * (staff with `producer:assist` over its unit) opens the producer's workspace acting for it;
 * `intent=end` (the banner's button) ends it and goes back to the producer's staff page.
 */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  const signedIn = await requireUser(request);
  assertSameOrigin(request);
  const parsed = AssistActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Invalid("assist.error.badRequest");
  const db = getDb();
  const ip = clientIpOf(context);
  if (parsed.data.intent === "end") {
    const producerCode = signedIn.assisting?.producerCode ?? null;
    endAssisting(db, signedIn, ip);
    return redirect(
      producerCode ? `/quan-ly/nha-san-xuat/${encodeURIComponent(producerCode)}` : "/",
      303,
    );
  }
  const actor = await requireStaff(request, "producer:assist");
  startAssisting(db, actor, parsed.data.producerId, ip);
  return redirect("/ban-hang", 303);
});
