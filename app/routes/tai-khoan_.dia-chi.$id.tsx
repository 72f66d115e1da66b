import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AddressForm, postedAddressValues } from "~/components/checkout/address-form";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { officialProvinceCode } from "~/lib/places";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import { addAddress, getAddress, updateAddress } from "~/modules/orders/address-book.server";
import { readAddressForm } from "~/modules/orders/address-form.server";
import { checkoutPlaces } from "~/modules/orders/checkout.server";
import { idFromUrl } from "~/modules/orders/views.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

/** `/tai-khoan/dia-chi/moi` is a new address; a number is one of the signed-in buyer's. */
const NEW = "moi";

/** Quảng Trị, the Union's own province, starts a new address: most buyers live there. */
const HOME_PROVINCE = "44";

export const meta: MetaFunction = (args) =>
  titledPage(args.params.id === NEW ? "addressBook.newTitle" : "addressBook.editTitle")(args);

/** The address to change (another buyer's is a 404), or none for a new one. */
function addressIdOf(id: string | undefined): number | null {
  return id === NEW ? null : idFromUrl(id, "addressBook.error.notFound");
}

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const id = addressIdOf(params.id);
  if (id === null) return { address: null, ...checkoutPlaces(HOME_PROVINCE) };
  const saved = getAddress(getDb(), actor.userId, id);
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

/** Saves the new or changed address, or shows the form again (no-JS "Chọn tỉnh", refused input). */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const db = getDb();
  const id = addressIdOf(params.id);
  if (id !== null) getAddress(db, actor.userId, id);
  const read = readAddressForm(await request.formData());
  if (read.kind === "again") return read.response;
  if (id === null) addAddress(db, actor.userId, read.value);
  else updateAddress(db, actor.userId, id, read.value);
  return redirect("/tai-khoan/dia-chi?da-luu=1", 303);
});

export default function AddressPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const posted = answer?.values;
  const isNew = page.address === null;
  const start = page.address ?? postedAddressValues({}, HOME_PROVINCE);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">
        {t(isNew ? "addressBook.newTitle" : "addressBook.editTitle")}
      </h1>
      <AddressForm
        id={isNew ? "address-new" : "address-edit"}
        values={posted ? postedAddressValues(posted, start.province) : start}
        fieldErrors={answer?.fieldErrors ?? {}}
        provinces={page.provinces}
        communes={answer?.communes ?? page.communes}
        submitLabel={t(isNew ? "addressBook.add" : "addressBook.save")}
      />
    </div>
  );
}
