import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import {
  DisplayNameField,
  EmailField,
  NewPasswordFields,
  PhoneField,
} from "~/components/account-fields";
import { Field, FormErrors, FormSuccess, inputClass, SubmitButton } from "~/components/auth-form";
import { formatPhone } from "~/lib/contact";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { changePasswordSchema, LOCALE_OPTIONS, profileSchema } from "~/lib/schemas/auth";
import { changePassword, getAccount, listMemberships } from "~/modules/auth/accounts.server";
import { localizeReply } from "~/modules/auth/forms.server";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { clientIpOf, destroyOtherSessions, requireUser } from "~/modules/auth/session.server";
import { saveProfile } from "~/modules/auth/phone-confirmation.server";
import { refuseInAssistedMode } from "~/modules/assist/guard.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { localeCookie } from "~/modules/preferences/locale.server";

export const meta: MetaFunction = titledPage("auth.account.title");

const NOTICES = ["chao-mung", "ho-so", "mat-khau"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice =>
  (NOTICES as readonly (string | null)[]).includes(value);

/** The account page: profile, password and the user's roles. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const db = getDb();
  const account = getAccount(db, actor.userId);
  if (!account) throw redirect("/dang-nhap");
  const url = new URL(request.url);
  const notice = url.searchParams.has("chao-mung") ? "chao-mung" : url.searchParams.get("da-luu");
  return {
    account: { ...account, phone: account.phone ? formatPhone(account.phone) : "" },
    memberships: listMemberships(db, actor.userId),
    notice: isNotice(notice) ? notice : null,
  };
});

/** `intent=profile` saves name, language and contact; `intent=password` changes the password. */
export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  const formData = await request.formData();
  if (formData.get("intent") === "password") {
    // Staff acting for a producer never change her password.
    refuseInAssistedMode(actor);
    const hideFields = ["currentPassword", "password", "confirmPassword"];
    const submission = parseWithZod(formData, { schema: changePasswordSchema });
    if (submission.status !== "success") {
      const result = localizeReply(submission.reply({ hideFields }), actor.locale);
      return data({ intent: "password" as const, result }, { status: 400 });
    }
    const { currentPassword, password } = submission.value;
    const changed = await changePassword(db, actor.userId, currentPassword, password);
    if (!changed.ok) {
      const reply = submission.reply({ fieldErrors: changed.fieldErrors, hideFields });
      return data(
        { intent: "password" as const, result: localizeReply(reply, actor.locale) },
        { status: 400 },
      );
    }
    // Whoever else had the old password is logged out everywhere else.
    destroyOtherSessions(db, actor.userId, actor.sessionId);
    return redirect("/tai-khoan?da-luu=mat-khau");
  }

  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success") {
    const result = localizeReply(submission.reply(), actor.locale);
    return data({ intent: "profile" as const, result }, { status: 400 });
  }
  // A changed phone waits for its code (with an SMS provider); refused in assisted mode.
  const saved = saveProfile(db, actor, submission.value, clientIpOf(context));
  if (!saved.ok) {
    const reply = submission.reply({ fieldErrors: saved.fieldErrors });
    return data(
      { intent: "profile" as const, result: localizeReply(reply, actor.locale) },
      { status: 400 },
    );
  }
  const target = saved.value.confirmPhone
    ? "/xac-nhan-so-dien-thoai?doi-so=1"
    : "/tai-khoan?da-luu=ho-so";
  return redirect(target, {
    headers: { "Set-Cookie": localeCookie(submission.value.locale) },
  });
});

export default function AccountPage() {
  const { account, memberships, notice } = useLoaderData<typeof loader>();
  const t = useT();
  const noticeText: Record<Notice, string> = {
    "chao-mung": t("auth.account.welcome"),
    "ho-so": t("auth.account.profileSaved"),
    "mat-khau": t("auth.account.passwordChanged"),
  };
  return (
    <div className="mx-auto max-w-2xl space-y-10">
      <div>
        <h1 className="text-2xl font-bold text-stone-900">{t("auth.account.title")}</h1>
        {notice ? (
          <div className="mt-4">
            <FormSuccess>{noticeText[notice]}</FormSuccess>
          </div>
        ) : null}
      </div>
      <nav aria-labelledby="account-links-heading">
        <h2 id="account-links-heading" className="text-xl font-semibold text-stone-900">
          {t("auth.account.linksTitle")}
        </h2>
        <ul className="mt-3 space-y-2">
          <li>
            <Link to="/tai-khoan/dia-chi" className="text-emerald-800 underline">
              {t("auth.account.link.addresses")}
            </Link>
          </li>
          <li>
            <Link to="/tai-khoan/thong-bao" className="text-emerald-800 underline">
              {t("channels.link")}
            </Link>
          </li>
          <li>
            <Link to="/tai-khoan/loi-moi" className="text-emerald-800 underline">
              {t("team.account.link")}
            </Link>
          </li>
          <li>
            <Link to="/tai-khoan/api" className="text-emerald-800 underline">
              {t("business.link.api")}
            </Link>
          </li>
          {account.buyer ? (
            <li>
              <Link to="/tai-khoan/doanh-nghiep" className="text-emerald-800 underline">
                {t("business.link.profile")}
              </Link>
            </li>
          ) : null}
          {account.buyer ? (
            <li>
              <Link to="/tai-khoan/cam-ket" className="text-emerald-800 underline">
                {t("pledges.mine.title")}
              </Link>
            </li>
          ) : null}
          <li>
            <Link to="/tai-khoan/du-lieu" className="text-emerald-800 underline">
              {t("privacy.accountLink")}
            </Link>
          </li>
        </ul>
      </nav>
      <ProfileForm account={account} />
      <PasswordForm />
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading" className="text-xl font-semibold text-stone-900">
          {t("auth.account.rolesTitle")}
        </h2>
        <ul className="mt-3 space-y-2 text-stone-800">
          {account.buyer ? (
            <li>
              {t("auth.account.roleBuyer", { kind: t(`buyerKind.${account.buyer.kind}`) })}
              {account.buyer.companyName ? ` — ${account.buyer.companyName}` : ""}
            </li>
          ) : null}
          {memberships.producers.map((producer) => (
            <li key={producer.code}>
              {t(
                producer.role === "owner"
                  ? "auth.account.roleProducerOwner"
                  : "auth.account.roleProducerMember",
                { name: producer.name, code: producer.code },
              )}{" "}
              <span className="text-sm text-stone-600">
                ({t(`verification.${producer.verificationStatus}`)})
              </span>
            </li>
          ))}
          {memberships.staff.map((staff) => (
            <li key={`${staff.code}-${staff.role}`}>
              {t("auth.account.roleStaff", {
                role: t(`staff.role.${staff.role}`),
                unit: staff.name,
              })}
            </li>
          ))}
          {!account.buyer &&
          memberships.producers.length === 0 &&
          memberships.staff.length === 0 ? (
            <li>{t("auth.account.noRoles")}</li>
          ) : null}
        </ul>
      </section>
    </div>
  );
}

function useResult(intent: "profile" | "password") {
  const actionData = useActionData<typeof action>();
  return actionData?.intent === intent ? actionData.result : undefined;
}

function ProfileForm({
  account,
}: {
  account: { displayName: string; phone: string; email: string | null; locale: string };
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "profile",
    lastResult: useResult("profile"),
    defaultValue: {
      intent: "profile",
      displayName: account.displayName,
      phone: account.phone,
      email: account.email ?? "",
      locale: account.locale,
    },
    constraint: getZodConstraint(profileSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading" className="text-xl font-semibold text-stone-900">
        {t("auth.account.profileTitle")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="profile" />
        <DisplayNameField field={fields.displayName} />
        <PhoneField field={fields.phone} />
        <EmailField field={fields.email} />
        <Field field={fields.locale} label={t("auth.field.locale")}>
          <select {...getSelectProps(fields.locale)} className={inputClass}>
            {LOCALE_OPTIONS.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {t(`auth.locale.${locale}`)}
              </option>
            ))}
          </select>
        </Field>
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("auth.account.saveProfile")}
        </SubmitButton>
      </Form>
    </section>
  );
}

function PasswordForm() {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "password",
    lastResult: useResult("password"),
    defaultValue: { intent: "password" },
    constraint: getZodConstraint(changePasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-xl font-semibold text-stone-900">
        {t("auth.account.passwordTitle")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="password" />
        <Field field={fields.currentPassword} label={t("auth.field.currentPassword")}>
          <input
            {...getInputProps(fields.currentPassword, { type: "password" })}
            autoComplete="current-password"
            className={inputClass}
          />
        </Field>
        <NewPasswordFields password={fields.password} confirmPassword={fields.confirmPassword} />
        <SubmitButton busy={navigation.state === "submitting"}>
          {t("auth.account.changePassword")}
        </SubmitButton>
      </Form>
    </section>
  );
}
