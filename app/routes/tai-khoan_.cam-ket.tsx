import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { AccountPageHeader } from "~/components/account-page-header";
import { FormErrors, FormSuccess } from "~/components/auth-form";
import { PledgeDetails } from "~/components/campaigns/pledge-fields";
import { EmptyState } from "~/components/empty-state";
import { ConfirmButtons, IntentButton } from "~/components/supply/intent-button";
import { t as translate, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { buyerPledgeActionSchema } from "~/lib/schemas/pledges";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requirePhoneConfirmed } from "~/modules/auth/phone-confirmation.server";
import { clientIpOf, requireBuyer } from "~/modules/auth/session.server";
import {
  convertPledgeToCart,
  convertPledgeToRequest,
  myPledges,
  withdrawPledge,
} from "~/modules/campaigns/pledge-conversions.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("pledges.mine.title");

const HERE = "/tai-khoan/cam-ket";

/** The signed-in buyer's pledges; `?rut=<id>` asks before withdrawing one. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireBuyer(request);
  const pledges = myPledges(getDb(), actor);
  const asked = Number(new URL(request.url).searchParams.get("rut"));
  return {
    pledges,
    confirmWithdraw: pledges.some((p) => p.id === asked && p.status === "pending") ? asked : null,
  };
});

/**
 * `withdraw` (after the confirm step) a pending pledge of hers; `request` turns an approved
 * one into a purchase request to the campaign's producers; `cart` puts its listing in her
 * cart. Someone else's pledge is a 404.
 */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireBuyer(request);
  const db = getDb();
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: buyerPledgeActionSchema });
  if (submission.status !== "success") {
    return data({ formError: translate(actor.locale, "validation.choice") }, { status: 400 });
  }
  const { intent, pledgeId } = submission.value;
  const ipAddress = clientIpOf(context);
  try {
    switch (intent) {
      case "withdraw":
        if (form.get("confirm") !== "yes") return redirect(`${HERE}?rut=${pledgeId}`, 303);
        withdrawPledge(db, actor, pledgeId);
        return redirect(`${HERE}?xong=withdraw`, 303);
      case "request": {
        requirePhoneConfirmed(db, actor);
        const { code } = convertPledgeToRequest(db, actor, pledgeId, { ipAddress });
        return redirect(`${HERE}?xong=request&ma=${encodeURIComponent(code)}`, 303);
      }
      case "cart":
        convertPledgeToCart(db, actor, pledgeId, { ipAddress });
        return redirect(`${HERE}?xong=cart`, 303);
    }
  } catch (error) {
    return formError(error, actor.locale);
  }
});

export default function MyPledgesPage() {
  const { pledges, confirmWithdraw } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const done = search.get("xong");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <AccountPageHeader title={t("pledges.mine.title")} intro={t("pledges.mine.intro")}>
        {done === "request" ? (
          <FormSuccess>
            {t("pledges.mine.done.request", { code: search.get("ma") ?? "" })}
          </FormSuccess>
        ) : done === "cart" ? (
          <FormSuccess>
            {t("pledges.mine.inCart")}.{" "}
            <Link to="/gio-hang" className="font-semibold underline">
              {t("pledges.mine.cartLink")}
            </Link>
          </FormSuccess>
        ) : done === "withdraw" ? (
          <FormSuccess>{t("pledges.mine.done.withdraw")}</FormSuccess>
        ) : null}
        {actionData && "formError" in actionData && actionData.formError ? (
          <>
            <FormErrors id="pledge-error" errors={[actionData.formError]} />
            <Link to="/tai-khoan/dia-chi" className="font-semibold text-brand-800 underline">
              {t("auth.account.link.addresses")}
            </Link>
          </>
        ) : null}
      </AccountPageHeader>
      {pledges.length === 0 ? (
        <EmptyState title={t("pledges.mine.empty")} />
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {pledges.map((pledge) => (
            <li key={pledge.id} className="space-y-2 p-4">
              <p className="text-sm text-stone-700">
                <Link to={`/chien-dich/${pledge.campaignSlug}`} className="underline">
                  {t("pledges.mine.campaign", { campaign: pledge.campaignTitle })}
                </Link>
                {" · "}
                {pledge.partnerName}
              </p>
              <PledgeDetails pledge={pledge} />
              {pledge.requestCode ? (
                <p className="text-sm">
                  <Link to={`/yeu-cau-mua/${pledge.requestCode}`} className="underline">
                    {t("pledges.mine.request", { code: pledge.requestCode })}
                  </Link>
                </p>
              ) : null}
              {pledge.isInCart ? <p className="text-sm">{t("pledges.mine.inCart")}</p> : null}
              <PledgeActions pledge={pledge} confirming={confirmWithdraw === pledge.id} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What she can do with one pledge now: withdraw a pending one, or turn an approved one once. */
function PledgeActions({
  pledge,
  confirming,
}: {
  pledge: {
    id: number;
    status: string;
    listingId: number | null;
    requestCode: string | null;
    isInCart: boolean;
  };
  confirming: boolean;
}) {
  const t = useT();
  if (pledge.status === "pending") {
    return (
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="pledgeId" value={pledge.id} />
        {confirming ? (
          <>
            <p role="alert" className="w-full font-medium text-red-800">
              {t("pledges.mine.confirmWithdraw")}
            </p>
            <ConfirmButtons
              intent="withdraw"
              confirmLabel={t("pledges.mine.withdraw")}
              cancelTo={HERE}
              small
            />
          </>
        ) : (
          <IntentButton intent="withdraw" look="danger">
            {t("pledges.mine.withdraw")}
          </IntentButton>
        )}
      </Form>
    );
  }
  if (pledge.status !== "approved" || pledge.requestCode || pledge.isInCart) return null;
  return (
    <Form method="post" className="flex flex-wrap gap-3">
      <input type="hidden" name="pledgeId" value={pledge.id} />
      <IntentButton intent="request" look="small">
        {t("pledges.mine.toRequest")}
      </IntentButton>
      {pledge.listingId !== null ? (
        <IntentButton intent="cart" look="smallPrimary">
          {t("pledges.mine.toCart")}
        </IntentButton>
      ) : null}
    </Form>
  );
}
