import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors, SubmitButton, useMessage } from "~/components/auth-form";
import {
  OrgTreeFormLayout,
  orgTreeInputClass,
  UnitOptions,
} from "~/components/orgtree/org-tree-form-layout";
import { DomainError } from "~/lib/errors";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { mergeUnitSchema, type MergeUnitInput } from "~/lib/schemas/orgtree";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, requireUser } from "~/modules/auth/session.server";
import { mergeChoices, mergePreview, mergeUnits } from "~/modules/org/tree-merge.server";
import { changeFromForm, handle } from "~/modules/platform/http.server";
import { getDb } from "~/modules/platform/db.server";

export const meta = titledPage("orgtree.unit.merge");

/**
 * Merging a unit into another, in two steps that work without JavaScript: pick the surviving
 * unit (a GET form, `?vao=<code>`), read what would move, then tick the confirmation and send.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const db = getDb();
  const choices = mergeChoices(db, actor, params.code ?? "");
  const survivorCode = (new URL(request.url).searchParams.get("vao") ?? "").trim().toUpperCase();
  if (survivorCode === "") return { ...choices, survivorCode, preview: null, previewError: null };
  try {
    const preview = mergePreview(db, actor, choices.unit.code, survivorCode);
    return { ...choices, survivorCode, preview, previewError: null };
  } catch (error) {
    // A survivor that cannot be chosen is said next to the picker, not as an error page.
    if (!(error instanceof DomainError)) throw error;
    return { ...choices, survivorCode, preview: null, previewError: error.messageIn(actor.locale) };
  }
});

export const action = handle(async ({ request, params, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  const { unit } = mergeChoices(db, actor, params.code ?? "");
  return changeFromForm(request, actor.locale, mergeUnitSchema, (input) => {
    mergeUnits(db, actor, unit.code, input, { ipAddress: clientIpOf(context) });
    return `/quan-ly/to-chuc/${input.survivorCode}?xong=sap-nhap`;
  });
});

export default function MergeUnitPage() {
  const { unit, targets, survivorCode, preview, previewError } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <OrgTreeFormLayout
      unit={unit}
      title={t("orgtree.merge.title", { name: unit.name })}
      intro={t("orgtree.merge.intro")}
    >
      <SurvivorPicker targets={targets} survivorCode={survivorCode} previewError={previewError} />
      {preview ? <MergeConfirmation unit={unit} preview={preview} /> : null}
    </OrgTreeFormLayout>
  );
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type Preview = NonNullable<PageData["preview"]>;

/** The GET form that picks the surviving unit; its refusal is said next to it. */
function SurvivorPicker({
  targets,
  survivorCode,
  previewError,
}: Pick<PageData, "targets" | "survivorCode" | "previewError">) {
  const t = useT();
  return targets.length === 0 ? (
    <p className="text-stone-700">{t("orgtree.merge.noTargets")}</p>
  ) : (
    <Form method="get" className="flex flex-wrap items-end gap-2">
      <div className="w-full sm:w-auto sm:min-w-80">
        <label htmlFor="merge-survivor" className="block font-medium text-stone-900">
          {t("orgtree.merge.survivor")}
        </label>
        <select
          id="merge-survivor"
          name="vao"
          defaultValue={survivorCode}
          aria-invalid={previewError ? true : undefined}
          aria-describedby={previewError ? "merge-survivor-error" : undefined}
          className={orgTreeInputClass}
        >
          <option value="">{t("orgtree.choose")}</option>
          <UnitOptions units={targets} />
        </select>
        {previewError ? (
          <p id="merge-survivor-error" className="mt-1 text-sm font-medium text-red-700">
            {previewError}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium"
      >
        {t("orgtree.merge.preview")}
      </button>
    </Form>
  );
}

/** What would move, and the form that merges once the reader ticks that she understands. */
function MergeConfirmation({
  unit,
  preview,
}: {
  unit: { code: string; name: string };
  preview: Preview;
}) {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const message = useMessage();
  const [form, fields] = useForm<MergeUnitInput>({
    id: "merge-unit",
    lastResult,
    constraint: getZodConstraint(mergeUnitSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mergeUnitSchema }),
  });
  const { moves, survivor } = preview;
  const names = { name: preview.unit.name, survivor: survivor.name };
  const confirmError = fields.confirm.errors?.[0];
  return (
    <section
      aria-labelledby="merge-preview"
      className="rounded-xl border border-stone-200 bg-white p-4"
    >
      <h2 id="merge-preview" className="text-lg font-semibold [overflow-wrap:anywhere]">
        {t("orgtree.merge.previewTitle", names)}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>{t("orgtree.merge.producers", { count: moves.producers })}</li>
        <li>{t("orgtree.merge.members", { count: moves.members })}</li>
        <li>{t("orgtree.merge.officers", { count: moves.officers })}</li>
        <li>{t("orgtree.merge.requests", { count: moves.purchaseRequests })}</li>
        <li>
          {t("orgtree.merge.children", { count: moves.childUnits.length })}
          {moves.childUnits.length > 0 ? (
            <ul className="list-[circle] pl-5">
              {moves.childUnits.map((child) => (
                <li key={child.code}>{child.name}</li>
              ))}
            </ul>
          ) : null}
        </li>
        <li>
          {t("orgtree.merge.staff", { count: moves.staff.length, survivor: survivor.name })}
          {moves.staff.length > 0 ? (
            <ul className="list-[circle] pl-5">
              {moves.staff.map((row) => (
                <li key={`${row.displayName}-${row.role}`}>
                  {t("orgtree.merge.staffRow", {
                    name: row.displayName,
                    role: t(`staff.role.${row.role}`),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
        {moves.communeCodeMoves ? (
          <li>{t("orgtree.merge.communeCode", { survivor: survivor.name })}</li>
        ) : null}
      </ul>
      <p className="mt-2 text-stone-700">
        {t("orgtree.merge.ordersStay", { name: preview.unit.name })}
      </p>
      {form.errors?.length ? <FormErrors id={form.errorId} errors={form.errors} /> : null}
      <Form
        method="post"
        action={`/quan-ly/to-chuc/${unit.code}/sap-nhap?vao=${survivor.code}`}
        {...getFormProps(form)}
        className="mt-4 space-y-4"
      >
        <input type="hidden" name="survivorCode" value={survivor.code} />
        <div>
          <label className="flex items-start gap-3 font-medium text-stone-900">
            <input
              {...getInputProps(fields.confirm, { type: "checkbox", value: "on" })}
              className="mt-1 size-5 shrink-0"
            />
            <span>{t("orgtree.merge.confirm")}</span>
          </label>
          {confirmError ? (
            <p id={fields.confirm.errorId} className="mt-1 text-sm font-medium text-red-700">
              {message(confirmError)}
            </p>
          ) : null}
        </div>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("orgtree.merge.submit", names)}
        </SubmitButton>
      </Form>
    </section>
  );
}
