import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useId, type ReactNode } from "react";
import { z } from "zod";
import { CampaignFacts } from "~/components/campaigns/public-card";
import { CampaignProgress } from "~/components/campaigns/public-progress";
import { ConfirmButtons } from "~/components/supply/intent-button";
import { Invalid } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireProducerActor } from "~/modules/auth/session.server";
import { leaveCampaign, requestToJoin } from "~/modules/campaigns/membership.server";
import { producerCampaigns, type ProducerCampaign } from "~/modules/campaigns/public.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("campaignpage.producer.title");

const HERE = "/ban-hang/chien-dich";
const Id = z.coerce.number().int().positive();

/** `?roi=<campaignId>&nsx=<producerId>` asks before leaving; `?xong=` says what was done. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request, "listings");
  const url = new URL(request.url);
  const done = url.searchParams.get("xong");
  return {
    producers: producerCampaigns(getDb(), actor),
    confirmLeave: {
      campaignId: Id.safeParse(url.searchParams.get("roi")).data ?? null,
      producerId: Id.safeParse(url.searchParams.get("nsx")).data ?? null,
    },
    done: done === "xin" || done === "roi" ? done : null,
  };
});

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("join"),
    campaignId: Id,
    producerId: Id,
    note: z.string().trim().max(1000).default(""),
  }),
  z.object({
    intent: z.literal("leave"),
    campaignId: Id,
    producerId: Id,
    confirm: z.literal("yes").optional(),
  }),
]);

/** "Xin tham gia" (with an optional note) or "Rời chiến dịch" (after the question). */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireProducerActor(request, "listings");
  const input = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) {
    const tooLong = input.error.issues.some((issue) => issue.path[0] === "note");
    return formError(
      new Invalid(
        tooLong ? "campaignpage.producer.noteTooLong" : "campaignpage.producer.badRequest",
      ),
      actor.locale,
    );
  }
  const change = input.data;
  if (change.intent === "leave" && change.confirm !== "yes") {
    return redirect(`${HERE}?roi=${change.campaignId}&nsx=${change.producerId}`, 303);
  }
  try {
    if (change.intent === "join") {
      requestToJoin(getDb(), actor, change.campaignId, change.producerId, change.note);
    } else {
      leaveCampaign(getDb(), actor, change.campaignId, change.producerId);
    }
  } catch (error) {
    return formError(error, actor.locale);
  }
  return redirect(`${HERE}?xong=${change.intent === "join" ? "xin" : "roi"}`, 303);
});

const BUTTON = "rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800";

export default function ProducerCampaignsPage() {
  const { producers, confirmLeave, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const several = producers.length > 1;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("campaignpage.producer.title")}</h1>
      <p className="max-w-prose text-stone-700">{t("campaignpage.producer.intro")}</p>
      {done ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {t(
            done === "xin"
              ? "campaignpage.producer.done.requested"
              : "campaignpage.producer.done.left",
          )}
        </p>
      ) : null}
      {actionData && "formError" in actionData ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {actionData.formError}
        </p>
      ) : null}
      {producers.map((producer) => (
        <div key={producer.producerId} className="space-y-6">
          {several ? (
            <h2 className="text-xl font-bold text-stone-900">
              {t("campaignpage.producer.forProducer", { name: producer.producerName })}
            </h2>
          ) : null}
          <CampaignSection
            title={t("campaignpage.producer.mineTitle")}
            empty={t("campaignpage.producer.noneMine")}
            campaigns={producer.mine}
            nested={several}
          >
            {(campaign) => (
              <LeaveForm
                campaign={campaign}
                producerId={producer.producerId}
                asking={
                  confirmLeave.campaignId === campaign.id &&
                  confirmLeave.producerId === producer.producerId
                }
              />
            )}
          </CampaignSection>
          <CampaignSection
            title={t("campaignpage.producer.openTitle")}
            empty={t("campaignpage.producer.noneOpen")}
            campaigns={producer.open}
            nested={several}
          >
            {(campaign) => <JoinForm campaignId={campaign.id} producerId={producer.producerId} />}
          </CampaignSection>
        </div>
      ))}
    </div>
  );
}

/** A list of campaigns with a form under each. */
function CampaignSection({
  title,
  empty,
  campaigns,
  nested,
  children,
}: {
  title: string;
  empty: string;
  campaigns: ProducerCampaign[];
  nested: boolean;
  children: (campaign: ProducerCampaign) => ReactNode;
}) {
  const t = useT();
  const id = useId();
  const Heading = nested ? "h3" : "h2";
  const Title = nested ? "h4" : "h3";
  return (
    <section aria-labelledby={id}>
      <Heading id={id} className="text-lg font-semibold">
        {title}
      </Heading>
      {campaigns.length === 0 ? (
        <p className="mt-2 text-stone-700">{empty}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {campaigns.map((campaign) => (
            <li
              key={campaign.id}
              className="space-y-2 rounded-xl border border-stone-200 bg-white p-4"
            >
              <Title className="text-base font-semibold">
                <Link
                  to={`/chien-dich/${campaign.slug}`}
                  className="text-brand-800 underline underline-offset-2"
                >
                  {campaign.title}
                </Link>
              </Title>
              <CampaignFacts campaign={campaign} />
              {campaign.membership ? (
                <p className="text-sm font-semibold text-stone-900">
                  {t(`campaignpage.producer.status.${campaign.membership}`)}
                </p>
              ) : null}
              <CampaignProgress campaign={campaign} compact />
              {children(campaign)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function JoinForm({ campaignId, producerId }: { campaignId: number; producerId: number }) {
  const t = useT();
  const id = useId();
  return (
    <Form method="post" className="space-y-2">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="producerId" value={producerId} />
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {t("campaignpage.producer.note")}
      </label>
      <textarea
        id={id}
        name="note"
        rows={2}
        maxLength={1000}
        className="w-full rounded-lg border border-stone-300 px-3 py-2"
      />
      <button type="submit" name="intent" value="join" className={BUTTON}>
        {t("campaignpage.producer.join")}
      </button>
    </Form>
  );
}

function LeaveForm({
  campaign,
  producerId,
  asking,
}: {
  campaign: ProducerCampaign;
  producerId: number;
  asking: boolean;
}) {
  const t = useT();
  if (campaign.phase === "ended") return null;
  return (
    <Form method="post" className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="campaignId" value={campaign.id} />
      <input type="hidden" name="producerId" value={producerId} />
      {asking ? (
        <>
          <p role="alert" className="w-full font-semibold text-red-800">
            {t("campaignpage.producer.leaveConfirm", { title: campaign.title })}
          </p>
          <ConfirmButtons
            intent="leave"
            confirmLabel={t("campaignpage.producer.leaveYes")}
            cancelTo={HERE}
          />
        </>
      ) : (
        <button
          type="submit"
          name="intent"
          value="leave"
          className="rounded-lg border border-red-600 bg-white px-4 py-2 font-semibold text-red-800"
        >
          {t("campaignpage.producer.leave")}
        </button>
      )}
    </Form>
  );
}
