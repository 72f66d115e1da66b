import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormSuccess } from "~/components/auth-form";
import { ResubmissionForm } from "~/components/staffproducers/resubmission-form";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { ResubmissionSchema } from "~/lib/schemas/staffproducers";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireProducerActor } from "~/modules/auth/session.server";
import { selectedProducer } from "~/modules/listings/shared.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, replyWithDomainError } from "~/modules/platform/http.server";
import {
  RESUBMIT_PATH,
  resubmissionForm,
  resubmitApplication,
} from "~/modules/producers/resubmission.server";

export const meta: MetaFunction = titledPage("staffproducers.resubmit.title");

/** The application staff sent back (`?nsx=<code>` when she acts for several), to correct. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  const url = new URL(request.url);
  const current = selectedProducer(actor, url.searchParams.get("nsx"));
  return {
    application: resubmissionForm(getDb(), actor, current.producerId),
    sent: url.searchParams.get("thong-bao") === "sent",
  };
});

/** Saves the corrected figures and sends the application back to the verification queue. */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireProducerActor(request);
  assertSameOrigin(request);
  const formData = await request.formData();
  const current = selectedProducer(actor, String(formData.get("producer") ?? "") || null);
  const submission = parseWithZod(formData, { schema: ResubmissionSchema });
  if (submission.status !== "success") {
    return data(localizeReply(submission.reply(), actor.locale), { status: 400 });
  }
  try {
    resubmitApplication(getDb(), actor, current.producerId, submission.value, {
      ipAddress: clientIpOf(context),
    });
  } catch (error) {
    return data(replyWithDomainError(submission, error, actor.locale), { status: 409 });
  }
  return redirect(
    `${RESUBMIT_PATH}?thong-bao=sent&nsx=${encodeURIComponent(current.producerCode)}`,
  );
});

export default function ResubmitApplicationPage() {
  const { application, sent } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-stone-900">{t("staffproducers.resubmit.title")}</h1>
      <p className="text-stone-700">
        {application.name} · {application.code}
      </p>
      {sent ? (
        <div className="mt-4">
          <FormSuccess>{t("staffproducers.resubmit.sent")}</FormSuccess>
        </div>
      ) : null}
      {application.verificationNote ? (
        <p className="mt-4 rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
          {t("staffproducers.resubmit.asked", {
            date: application.verificationNoteAt
              ? formatDate(application.verificationNoteAt, locale)
              : "—",
            note: application.verificationNote,
          })}
        </p>
      ) : null}
      {application.verificationStatus !== "changes_requested" ? (
        <p className="mt-4 rounded-lg bg-stone-100 px-4 py-3">
          {t("staffproducers.resubmit.notAsked", { name: application.name })}
        </p>
      ) : (
        <>
          <p className="mt-4 text-stone-700">{t("staffproducers.resubmit.intro")}</p>
          <ResubmissionForm application={application} lastResult={lastResult} />
        </>
      )}
    </div>
  );
}
