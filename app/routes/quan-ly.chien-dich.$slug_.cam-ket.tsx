import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type FieldMetadata,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { Field, FormErrors, FormSuccess, inputClass, SubmitButton } from "~/components/auth-form";
import { PledgeDetails, PledgeFields } from "~/components/campaigns/pledge-fields";
import { IntentButton } from "~/components/supply/intent-button";
import { StaffNav } from "~/components/supply/workspace-nav";
import { vietnamToday } from "~/lib/dates";
import { DomainError } from "~/lib/errors";
import { isMessageKey, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import {
  partnerSchema,
  PARTNER_KIND_OPTIONS,
  PLEDGE_LIMITS,
  pledgeSchema,
  staffPledgeActionSchema,
  type StaffPledgeAction,
} from "~/lib/schemas/pledges";
import type { SignedInActor } from "~/modules/auth/actor";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import {
  addPartner,
  decidePledge,
  recordStaffPledge,
  scopedCampaign,
  staffPledgePage,
} from "~/modules/campaigns/pledges.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, replyWithDomainError } from "~/modules/platform/http.server";

export const meta = titledPage("pledges.title");

/** The partners and pledges of a campaign of the staff member's subtree (404 outside it). */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "campaign:manage");
  const page = staffPledgePage(getDb(), actor, params.slug ?? "");
  return { ...page, today: vietnamToday() };
});

/** One module call per intent: record a pledge, add a partner, approve or decline a pledge. */
function runAction(
  actor: SignedInActor,
  slug: string,
  input: StaffPledgeAction,
  ipAddress: string,
): void {
  const db = getDb();
  switch (input.intent) {
    case "pledge":
      recordStaffPledge(db, actor, slug, input, { ipAddress });
      return;
    case "partner":
      addPartner(db, actor, slug, input, { ipAddress });
      return;
    case "approve":
      return decidePledge(db, actor, slug, input.pledgeId, { approve: true }, { ipAddress });
    case "decline":
      return decidePledge(
        db,
        actor,
        slug,
        input.pledgeId,
        { approve: false, reason: input.reason },
        { ipAddress },
      );
  }
}

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "campaign:manage");
  const slug = params.slug ?? "";
  // Another subtree's campaign is not found whatever the form holds.
  scopedCampaign(getDb(), actor, slug);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const submission = parseWithZod(formData, { schema: staffPledgeActionSchema });
  if (submission.status !== "success") {
    return data({ intent, reply: submission.reply() }, { status: 400 });
  }
  try {
    runAction(actor, slug, submission.value, clientIpOf(context));
  } catch (error) {
    const reply = replyWithDomainError(submission, error, actor.locale);
    return data({ intent, reply }, { status: error instanceof DomainError ? error.status : 400 });
  }
  return redirect(`/quan-ly/chien-dich/${slug}/cam-ket?xong=${intent}`, 303);
});

const staffPledgeSchema = pledgeSchema.merge(partnerSchema);

export default function StaffPledgesPage() {
  const { campaign, pledges, partners, listings, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const base = `/quan-ly/chien-dich/${campaign.slug}`;
  const open = campaign.phase === "running" || campaign.phase === "upcoming";
  const doneKey = `pledges.staff.done.${search.get("xong") ?? ""}`;
  const replyFor = (intent: string) =>
    actionData && actionData.intent === intent ? actionData.reply : undefined;
  const decisionErrors =
    actionData && (actionData.intent === "approve" || actionData.intent === "decline")
      ? Object.values(actionData.reply.error ?? {}).flatMap((messages) => messages ?? [])
      : [];

  const [pledgeForm, pledgeFields] = useForm({
    id: "staff-pledge",
    lastResult: replyFor("pledge"),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffPledgeSchema }),
  });
  const [partnerForm, partnerFields] = useForm({
    id: "staff-partner",
    lastResult: replyFor("partner"),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: partnerSchema }),
  });

  return (
    <div className="mx-auto max-w-3xl">
      <StaffNav />
      <p>
        <Link to={base} className="text-sm font-semibold text-brand-800 underline">
          {t("pledges.staff.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">
        {t("pledges.staff.title", { campaign: campaign.title })}
      </h1>
      {isMessageKey(doneKey) ? (
        <div className="mt-4">
          <FormSuccess>{t(doneKey)}</FormSuccess>
        </div>
      ) : null}
      {decisionErrors.length > 0 ? (
        <div className="mt-4">
          <FormErrors id="pledge-decision-error" errors={decisionErrors} />
        </div>
      ) : null}

      <section aria-labelledby="pledges-title" className="mt-6">
        <h2 id="pledges-title" className="text-lg font-semibold">
          {t("pledges.staff.pledges")}
        </h2>
        {pledges.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("pledges.staff.empty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {pledges.map((pledge) => (
              <li key={pledge.id} className="space-y-2 p-4">
                <p className="text-sm text-stone-700">
                  {t("pledges.staff.partner", { partner: pledge.partnerName })}
                  {pledge.hasBuyer ? ` · ${t("pledges.staff.hasBuyer")}` : ""}
                </p>
                <PledgeDetails pledge={pledge} />
                {pledge.status === "pending" ? (
                  <div className="flex flex-wrap items-end gap-3">
                    <Form method="post">
                      <input type="hidden" name="pledgeId" value={pledge.id} />
                      <IntentButton intent="approve">{t("pledges.staff.approve")}</IntentButton>
                    </Form>
                    <Form method="post" className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="pledgeId" value={pledge.id} />
                      <label className="text-sm">
                        <span className="block font-medium">{t("pledges.field.reason")}</span>
                        <input
                          name="reason"
                          required
                          maxLength={PLEDGE_LIMITS.reasonMax}
                          className={inputClass}
                        />
                      </label>
                      <IntentButton intent="decline" look="secondary">
                        {t("pledges.staff.decline")}
                      </IntentButton>
                    </Form>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="partners-title" className="mt-8">
        <h2 id="partners-title" className="text-lg font-semibold">
          {t("pledges.staff.partners")}
        </h2>
        {partners.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("pledges.staff.partnersEmpty")}</p>
        ) : (
          <ul className="mt-2 list-disc pl-5">
            {partners.map((partner) => (
              <li key={partner.id}>
                {partner.name} ({t(`pledges.partnerKind.${partner.kind}`)})
                {partner.hasBuyer ? ` · ${t("pledges.staff.hasBuyer")}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      {open ? (
        <>
          <section aria-labelledby="record-title" className="mt-8">
            <h2 id="record-title" className="text-lg font-semibold">
              {t("pledges.staff.record")}
            </h2>
            <Form method="post" {...getFormProps(pledgeForm)} className="mt-3 space-y-4">
              <input type="hidden" name="intent" value="pledge" />
              <FormErrors
                id={pledgeForm.errorId}
                errors={
                  pledgeForm.errors ??
                  (Object.values(pledgeForm.allErrors).length > 0 ? [t("pledges.formError")] : [])
                }
              />
              <PartnerFields fields={pledgeFields} />
              {listings.length === 0 ? (
                <p className="text-sm text-stone-700">{t("pledges.staff.noListings")}</p>
              ) : null}
              <PledgeFields
                fields={pledgeFields}
                listings={listings}
                today={today}
                lastByDate={campaign.lastByDate}
              />
              <SubmitButton busy={false}>{t("pledges.staff.recordSubmit")}</SubmitButton>
            </Form>
          </section>
          <section aria-labelledby="partner-title" className="mt-8">
            <h2 id="partner-title" className="text-lg font-semibold">
              {t("pledges.staff.addPartner")}
            </h2>
            <Form method="post" {...getFormProps(partnerForm)} className="mt-3 space-y-4">
              <input type="hidden" name="intent" value="partner" />
              <FormErrors id={partnerForm.errorId} errors={partnerForm.errors} />
              <PartnerFields fields={partnerFields} />
              <SubmitButton busy={false}>{t("pledges.staff.addPartnerSubmit")}</SubmitButton>
            </Form>
          </section>
        </>
      ) : (
        <p className="mt-8 rounded-lg bg-stone-100 p-4 text-stone-800">
          {t("pledges.staff.closed")}
        </p>
      )}
    </div>
  );
}

/** The organisation: its name, kind, and the phone of its buyer account if it has one. */
function PartnerFields({
  fields,
}: {
  fields: Record<"partnerName" | "partnerKind" | "buyerPhone", FieldMetadata<unknown>>;
}) {
  const t = useT();
  return (
    <>
      <Field field={fields.partnerName} label={t("pledges.field.partnerName")}>
        <input
          {...getInputProps(fields.partnerName, { type: "text" })}
          maxLength={PLEDGE_LIMITS.partnerNameMax}
          autoComplete="organization"
          className={inputClass}
        />
      </Field>
      <Field field={fields.partnerKind} label={t("pledges.field.partnerKind")}>
        <select {...getSelectProps(fields.partnerKind)} className={inputClass}>
          <option value="">—</option>
          {PARTNER_KIND_OPTIONS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`pledges.partnerKind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        field={fields.buyerPhone}
        label={t("pledges.field.buyerPhone")}
        hint={t("pledges.field.buyerPhoneHint")}
      >
        <input
          {...getInputProps(fields.buyerPhone, { type: "tel" })}
          inputMode="tel"
          autoComplete="off"
          className={inputClass}
        />
      </Field>
    </>
  );
}
