import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AddressForm } from "~/components/checkout/address-form";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { addAddress } from "~/modules/orders/address-book.server";
import { readAddressForm } from "~/modules/orders/address-form.server";
import { checkoutPlaces } from "~/modules/orders/checkout.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("addressBook.newTitle");

/** Quảng Trị, the Union's own province, starts the form: most buyers live there. */
const HOME_PROVINCE = "44";

/** A new address for the signed-in buyer's book. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  await requireUser(request);
  return checkoutPlaces(HOME_PROVINCE);
});

/** Saves the new address, or shows the form again (no-JS "Chọn tỉnh", refused input). */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const read = readAddressForm(await request.formData());
  if (read.kind === "again") return read.response;
  addAddress(getDb(), actor.userId, read.value);
  return redirect("/tai-khoan/dia-chi?da-luu=1", 303);
});

export default function NewAddressPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const posted = answer?.values;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("addressBook.newTitle")}</h1>
      <AddressForm
        id="address-new"
        values={{
          name: posted?.name ?? "",
          phone: posted?.phone ?? "",
          province: posted?.province ?? HOME_PROVINCE,
          commune: posted?.commune ?? "",
          address: posted?.address ?? "",
          isDefault: posted?.isDefault === "on",
        }}
        fieldErrors={answer?.fieldErrors ?? {}}
        provinces={page.provinces}
        communes={answer?.communes ?? page.communes}
        submitLabel={t("addressBook.add")}
      />
    </div>
  );
}
