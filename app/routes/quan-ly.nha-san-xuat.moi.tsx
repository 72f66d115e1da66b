import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { ProducerKindField } from "~/components/account-fields";
import { Field, FormErrors, FormSuccess, inputClass, SubmitButton } from "~/components/auth-form";
import { StaffNav } from "~/components/supply/workspace-nav";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { NewAssistedProducerSchema } from "~/lib/schemas/assist";
import {
  assistableUnits,
  createAssistedProducer,
  createdProducer,
} from "~/modules/assist/producers.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireStaff } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";

export const meta = titledPage("assist.new.title");

/**
 * Staff with `producer:assist` register a producer of their subtree and its first member
 * (name and phone). After it is made, `?ma=<code>` shows what to do next: hand her a
 * recovery code so she sets her own password, or start acting for the producer.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "producer:assist");
  const db = getDb();
  const code = new URL(request.url).searchParams.get("ma");
  return {
    units: assistableUnits(db, actor),
    created: code ? createdProducer(db, actor, code.slice(0, 20)) : null,
  };
});

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaff(request, "producer:assist");
  assertSameOrigin(request);
  return changeFromForm(request, actor.locale, NewAssistedProducerSchema, (input) => {
    const created = createAssistedProducer(getDb(), actor, input, clientIpOf(context));
    return `/quan-ly/nha-san-xuat/moi?ma=${encodeURIComponent(created.producerCode)}`;
  });
});

export default function NewAssistedProducerPage() {
  const { units, created } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "new-assisted-producer",
    lastResult,
    defaultValue: { producerKind: "tho", orgUnitId: units[0] ? String(units[0].id) : "" },
    constraint: getZodConstraint(NewAssistedProducerSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewAssistedProducerSchema }),
  });
  return (
    <div className="mx-auto max-w-xl">
      <StaffNav />
      <p>
        <Link to="/quan-ly/nha-san-xuat" className="text-sm font-semibold text-brand-800 underline">
          {t("staffproducers.page.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">{t("assist.new.title")}</h1>
      {created ? (
        <div className="mt-4 space-y-3">
          <FormSuccess>
            {t("assist.new.created", { producer: created.name, code: created.code })}
          </FormSuccess>
          <p className="flex flex-wrap gap-3">
            <Link
              to="/quan-ly/ma-khoi-phuc"
              className="rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-semibold text-brand-800 underline"
            >
              {t("assist.new.resetLink")}
            </Link>
          </p>
          <form method="post" action="/quan-ly/thao-tac-thay">
            <input type="hidden" name="intent" value="start" />
            <input type="hidden" name="producerId" value={created.id} />
            <button
              type="submit"
              className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              {t("assist.start.button", { producer: created.name })}
            </button>
          </form>
        </div>
      ) : null}
      <p className="mt-4 text-stone-700">{t("assist.new.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t("assist.new.producerLegend")}</legend>
          <Field field={fields.producerName} label={t("assist.new.producerName")}>
            <input
              {...getInputProps(fields.producerName, { type: "text" })}
              className={inputClass}
            />
          </Field>
          <ProducerKindField field={fields.producerKind} label={t("assist.new.producerKind")} />
          <Field field={fields.orgUnitId} label={t("assist.new.orgUnit")}>
            <select {...getSelectProps(fields.orgUnitId)} className={inputClass}>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.level === "branch" ? `— ${unit.name}` : unit.name}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.address} label={t("assist.new.address")}>
            <input {...getInputProps(fields.address, { type: "text" })} className={inputClass} />
          </Field>
          <Field field={fields.membersTotal} label={t("assist.new.membersTotal")}>
            <input
              {...getInputProps(fields.membersTotal, { type: "text" })}
              inputMode="numeric"
              className={inputClass}
            />
          </Field>
        </fieldset>
        <fieldset className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t("assist.new.memberLegend")}</legend>
          <Field field={fields.memberName} label={t("assist.new.memberName")}>
            <input
              {...getInputProps(fields.memberName, { type: "text" })}
              autoComplete="off"
              className={inputClass}
            />
          </Field>
          <Field
            field={fields.memberPhone}
            label={t("assist.new.memberPhone")}
            hint={t("assist.new.memberPhoneHint")}
          >
            <input
              {...getInputProps(fields.memberPhone, { type: "tel" })}
              inputMode="tel"
              autoComplete="off"
              className={inputClass}
            />
          </Field>
        </fieldset>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("assist.new.submit")}
        </SubmitButton>
      </Form>
    </div>
  );
}
