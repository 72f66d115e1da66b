import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { ConfirmButtons } from "~/components/supply/intent-button";
import { useT } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { Invalid } from "~/lib/errors";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/session.server";
import {
  deleteAddress,
  getAddress,
  listAddresses,
  makeDefaultAddress,
} from "~/modules/orders/address-book.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = titledPage("addressBook.title");

const HERE = "/tai-khoan/dia-chi";

const AddressId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ActionSchema = z.object({
  intent: z.enum(["default", "delete"]),
  id: AddressId,
  confirm: z.literal("yes").optional(),
});

/** The signed-in buyer's address book; `?xoa=<id>` asks before deleting one. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request);
  const url = new URL(request.url);
  const confirmDelete = AddressId.safeParse(url.searchParams.get("xoa"));
  return {
    addresses: listAddresses(getDb(), actor.userId).map((a) => ({
      id: a.id,
      name: a.name,
      phone: a.phone,
      place: [a.address, a.commune, a.province].join(", "),
      isDefault: a.isDefault,
    })),
    confirmDelete: confirmDelete.success ? confirmDelete.data : null,
    saved: url.searchParams.has("da-luu"),
  };
});

/**
 * `intent=default` makes one address the default; `intent=delete` deletes one once confirmed
 * (without `confirm=yes` the page asks first). Another buyer's address is a 404.
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireUser(request);
  const input = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) throw new Invalid("addressBook.error.badRequest");
  const db = getDb();
  const { intent, id } = input.data;
  if (intent === "default") {
    makeDefaultAddress(db, actor.userId, id);
    return redirect(`${HERE}?da-luu=1`, 303);
  }
  if (input.data.confirm !== "yes") {
    getAddress(db, actor.userId, id);
    return redirect(`${HERE}?xoa=${id}`, 303);
  }
  deleteAddress(db, actor.userId, id);
  return redirect(`${HERE}?da-luu=1`, 303);
});

export default function AddressBookPage() {
  const { addresses, confirmDelete, saved } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("addressBook.title")}</h1>
      <p className="text-stone-700">{t("addressBook.intro")}</p>
      {saved ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 font-medium text-brand-800">
          {t("addressBook.saved")}
        </p>
      ) : null}
      <p>
        <Link
          to={`${HERE}/moi`}
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
        >
          {t("addressBook.addLink")}
        </Link>
      </p>
      {addresses.length === 0 ? (
        <EmptyState title={t("addressBook.emptyTitle")} body={t("addressBook.emptyBody")} />
      ) : (
        <ul className="space-y-3">
          {addresses.map((address) => (
            <li key={address.id} className="rounded-xl border border-stone-200 bg-white p-4">
              <p className="font-semibold">
                {address.name} · {address.phone}
                {address.isDefault ? (
                  <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-sm font-medium text-brand-800">
                    {t("addressBook.default")}
                  </span>
                ) : null}
              </p>
              <p className="mt-1 text-stone-700">{address.place}</p>
              <Form method="post" className="mt-3 flex flex-wrap gap-2">
                <input type="hidden" name="id" value={address.id} />
                {confirmDelete === address.id ? (
                  <div className="w-full rounded-lg border-2 border-red-300 bg-red-50 p-3">
                    <p className="font-semibold text-red-900">{t("addressBook.deleteConfirm")}</p>
                    <div className="mt-2 flex flex-wrap gap-2">
                      <ConfirmButtons
                        intent="delete"
                        confirmLabel={t("addressBook.deleteYes")}
                        cancelTo={HERE}
                      />
                    </div>
                  </div>
                ) : (
                  <>
                    <Link
                      to={`${HERE}/${address.id}`}
                      className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-4 font-medium text-brand-800"
                    >
                      {t("addressBook.edit")}
                    </Link>
                    {address.isDefault ? null : (
                      <button
                        type="submit"
                        name="intent"
                        value="default"
                        className="min-h-11 rounded-lg border border-stone-300 px-4 font-medium"
                      >
                        {t("addressBook.makeDefault")}
                      </button>
                    )}
                    <button
                      type="submit"
                      name="intent"
                      value="delete"
                      className="min-h-11 rounded-lg border border-red-600 px-4 font-medium text-red-800"
                    >
                      {t("addressBook.delete")}
                    </button>
                  </>
                )}
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
