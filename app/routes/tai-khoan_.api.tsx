import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { AccountPageHeader } from "~/components/account-page-header";
import { Field, FormErrors, FormSuccess, inputClass, SubmitButton } from "~/components/auth-form";
import { ConfirmButtons } from "~/components/supply/intent-button";
import { copyText } from "~/lib/clipboard";
import { Invalid } from "~/lib/errors";
import { formatDateTime, useLocale, useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { apiTokenNameSchema, revokeApiTokenSchema, TOKEN_NAME_MAX } from "~/lib/schemas/business";
import {
  createOwnApiToken,
  getApiToken,
  listApiTokens,
  revokeOwnApiToken,
} from "~/modules/auth/api-tokens.server";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle, replyWithDomainError } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("business.api.title");

const HERE = "/tai-khoan/api";

const TokenId = revokeApiTokenSchema.shape.id;

/** The signed-in user's API tokens; `?thu-hoi=<id>` asks before revoking one of hers. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const db = getDb();
  const url = new URL(request.url);
  const asked = url.searchParams.get("thu-hoi");
  const confirmId = asked === null ? null : TokenId.safeParse(asked);
  if (confirmId && !confirmId.success) throw new Invalid("business.error.badRequest");
  return {
    tokens: listApiTokens(db, actor.userId),
    // Another user's token (or a revoked one) is a 404 here too.
    confirmRevoke: confirmId ? getApiToken(db, actor.userId, confirmId.data).id : null,
    revoked: url.searchParams.has("da-thu-hoi"),
  };
});

/**
 * `intent=create` makes a token and shows it this once (in the answer, never in a URL);
 * `intent=revoke` asks first, then (with `confirm=yes`) revokes one of hers (404 otherwise).
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const input = revokeApiTokenSchema.safeParse(Object.fromEntries(formData));
    if (!input.success) throw new Invalid("business.error.badRequest");
    if (input.data.confirm !== "yes") {
      getApiToken(db, actor.userId, input.data.id);
      return redirect(`${HERE}?thu-hoi=${input.data.id}`, 303);
    }
    revokeOwnApiToken(db, actor.userId, input.data.id);
    return redirect(`${HERE}?da-thu-hoi=1`, 303);
  }
  const submission = parseWithZod(formData, { schema: apiTokenNameSchema });
  if (submission.status !== "success") {
    const result = localizeReply(submission.reply(), actor.locale);
    return data({ result, created: null }, { status: 400 });
  }
  try {
    const { token } = createOwnApiToken(db, actor.userId, submission.value.name);
    return data(
      {
        result: submission.reply({ resetForm: true }),
        created: { name: submission.value.name, token },
      },
      // The token is in this answer only: no cache may keep it.
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    const result = replyWithDomainError(submission, error, actor.locale);
    return data({ result, created: null }, { status: 409 });
  }
});

export default function ApiTokensPage() {
  const { tokens, confirmRevoke, revoked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <AccountPageHeader title={t("business.api.title")} intro={t("business.api.intro")}>
        <p>
          <a href="/api/v1/openapi.json" className="text-brand-800 underline">
            {t("business.api.docs")}
          </a>
        </p>
        {revoked ? <FormSuccess>{t("business.api.revoked")}</FormSuccess> : null}
      </AccountPageHeader>

      {actionData?.created ? <NewToken {...actionData.created} /> : null}

      <CreateTokenForm />

      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-xl font-semibold">
          {t("business.api.listTitle")}
        </h2>
        {tokens.length === 0 ? (
          <p className="text-stone-700">{t("business.api.empty")}</p>
        ) : (
          <ul className="space-y-3">
            {tokens.map((token) => (
              <li key={token.id} className="rounded-xl border border-stone-200 bg-white p-4">
                <p className="font-semibold">{token.name}</p>
                <p className="mt-1 text-sm text-stone-700">
                  {t("business.api.createdAt", {
                    date: formatDateTime(token.createdAt, locale),
                  })}
                </p>
                <p className="text-sm text-stone-700">
                  {token.lastUsedAt
                    ? t("business.api.lastUsed", {
                        date: formatDateTime(token.lastUsedAt, locale),
                      })
                    : t("business.api.neverUsed")}
                </p>
                <Form method="post" className="mt-3">
                  <input type="hidden" name="id" value={token.id} />
                  {confirmRevoke === token.id ? (
                    <div role="alert" className="rounded-lg border-2 border-red-300 bg-red-50 p-3">
                      <p className="font-semibold text-red-900">
                        {t("business.api.revokeConfirm", { name: token.name })}
                      </p>
                      <div className="mt-2 flex flex-wrap gap-2">
                        <ConfirmButtons
                          intent="revoke"
                          confirmLabel={t("business.api.revokeYes")}
                          cancelTo={HERE}
                        />
                      </div>
                    </div>
                  ) : (
                    <button
                      type="submit"
                      name="intent"
                      value="revoke"
                      aria-label={`${t("business.api.revoke")}: ${token.name}`}
                      className="min-h-11 rounded-lg border border-red-600 px-4 font-medium text-red-800"
                    >
                      {t("business.api.revoke")}
                    </button>
                  )}
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function CreateTokenForm() {
  const t = useT();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "create-token",
    lastResult: actionData?.result,
    defaultValue: { intent: "create" },
    constraint: getZodConstraint(apiTokenNameSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: apiTokenNameSchema }),
  });
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading" className="text-xl font-semibold">
        {t("business.api.createTitle")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <Field field={fields.name} label={t("business.api.name")} hint={t("business.api.nameHint")}>
          <input
            {...getInputProps(fields.name, { type: "text" })}
            maxLength={TOKEN_NAME_MAX}
            autoComplete="off"
            className={inputClass}
          />
        </Field>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("business.api.create")}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** The token just made, shown this once, with a copy button once JavaScript runs. */
function NewToken({ name, token }: { name: string; token: string }) {
  const t = useT();
  const [canCopy, setCanCopy] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => setCanCopy(true), []);
  return (
    <section
      aria-labelledby="new-token-heading"
      className="space-y-3 rounded-xl border-2 border-amber-400 bg-amber-50 p-4"
    >
      <h2 id="new-token-heading" className="text-lg font-semibold">
        {t("business.api.createdTitle", { name })}
      </h2>
      <p className="font-medium text-amber-950">{t("business.api.createdWarning")}</p>
      <label htmlFor="new-token" className="block text-sm font-medium">
        {t("business.api.tokenLabel")}
      </label>
      <input
        id="new-token"
        readOnly
        value={token}
        data-testid="new-token"
        className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 font-mono text-sm"
        onFocus={(event) => event.currentTarget.select()}
      />
      {canCopy ? (
        <button
          type="button"
          onClick={async () =>
            setAnnouncement(
              (await copyText(token)) ? t("business.api.copied") : t("business.api.copyFailed"),
            )
          }
          className="rounded-lg border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50"
        >
          {t("business.api.copy")}
        </button>
      ) : null}
      <p role="status" className="text-sm">
        {announcement}
      </p>
      <p className="text-sm text-stone-700">{t("business.api.howToUse")}</p>
      <pre className="overflow-x-auto rounded bg-white p-2 text-xs">Authorization: Bearer cc_…</pre>
    </section>
  );
}
