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
import { officialProvinceCode } from "~/lib/places";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { getAddress, updateAddress } from "~/modules/orders/address-book.server";
import { readAddressForm } from "~/modules/orders/address-form.server";
import { checkoutPlaces } from "~/modules/orders/checkout.server";
import { idFromUrl } from "~/modules/orders/views.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("addressBook.editTitle");

/** One of the signed-in buyer's addresses to change; another buyer's is a 404. */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const saved = getAddress(
    getDb(),
    actor.userId,
    idFromUrl(params.id, "addressBook.error.notFound"),
  );
  const province = officialProvinceCode(saved.province) ?? "";
  return {
    address: {
      name: saved.name,
      phone: saved.phone,
      province,
      commune: saved.communeCode,
      address: saved.address,
      isDefault: saved.isDefault,
    },
    ...checkoutPlaces(province),
  };
});

/** Saves the changed address, or shows the form again; another buyer's is a 404. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const id = idFromUrl(params.id, "addressBook.error.notFound");
  const db = getDb();
  getAddress(db, actor.userId, id);
  const read = readAddressForm(await request.formData());
  if (read.kind === "again") return read.response;
  updateAddress(db, actor.userId, id, read.value);
  return redirect("/tai-khoan/dia-chi?da-luu=1", 303);
});

export default function EditAddressPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const posted = answer?.values;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("addressBook.editTitle")}</h1>
      <AddressForm
        id="address-edit"
        values={
          posted
            ? {
                name: posted.name ?? "",
                phone: posted.phone ?? "",
                province: posted.province ?? "",
                commune: posted.commune ?? "",
                address: posted.address ?? "",
                isDefault: posted.isDefault === "on",
              }
            : page.address
        }
        fieldErrors={answer?.fieldErrors ?? {}}
        provinces={page.provinces}
        communes={answer?.communes ?? page.communes}
        submitLabel={t("addressBook.save")}
      />
    </div>
  );
}
