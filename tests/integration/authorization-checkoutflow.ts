import { and, eq } from "drizzle-orm";
import { getDb } from "~/modules/platform/db.server";
import { buyerAddresses } from "~db/schema";
import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of the buyer's address book (issue 14, "checkout without surprises"):
 * every page needs a signed-in user, and an address is found only among the signed-in
 * user's own: another buyer's address is a 404 for reading, changing, making default and
 * deleting alike.
 */

/** The other buyer's saved address, created on first use in the database the routes use. */
function otherBuyersAddress(world: World): { id: string } {
  const db = getDb();
  const userId = world.userIds["other-buyer"];
  const existing = db
    .select({ id: buyerAddresses.id })
    .from(buyerAddresses)
    .where(and(eq(buyerAddresses.userId, userId), eq(buyerAddresses.communeCode, "19333")))
    .get();
  const id =
    existing?.id ??
    db
      .insert(buyerAddresses)
      .values({
        userId,
        name: "Người Mua Khác",
        phone: "0900000299",
        province: "Quảng Trị",
        communeCode: "19333",
        commune: "Phường Đông Hà",
        address: "1 Lê Duẩn",
        isDefault: true,
      })
      .returning({ id: buyerAddresses.id })
      .get().id;
  return { id: String(id) };
}

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const crossSite: DeniedCase = {
  as: "buyer",
  expect: 403,
  origin: "https://evil.example",
  note: "from another origin",
};
const othersAddress: DeniedCase = {
  as: "buyer",
  expect: 404,
  params: otherBuyersAddress,
  note: "another buyer's address",
};
const validAddress = {
  name: "Người Mua",
  phone: "0900000201",
  province: "44",
  commune: "19333",
  address: "12 Lê Duẩn",
};

export const checkoutflowAuthorizationCases: Record<string, RouteCases> = {
  "tai-khoan_.dia-chi._index": {
    loader: [login],
    action: [
      login,
      crossSite,
      {
        as: "buyer",
        expect: 404,
        form: (w) => ({ intent: "default", id: otherBuyersAddress(w).id }),
        note: "making another buyer's address the default",
      },
      {
        as: "buyer",
        expect: 404,
        form: (w) => ({ intent: "delete", id: otherBuyersAddress(w).id, confirm: "yes" }),
        note: "deleting another buyer's address",
      },
    ],
  },
  // One route for a new address (`moi`) and for changing one.
  "tai-khoan_.dia-chi.$id": {
    loader: [
      { ...login, params: otherBuyersAddress },
      othersAddress,
      { ...login, params: () => ({ id: "moi" }) },
    ],
    action: [
      { ...login, params: otherBuyersAddress },
      { ...crossSite, params: otherBuyersAddress },
      { ...othersAddress, form: validAddress },
      { ...login, params: () => ({ id: "moi" }) },
      { ...crossSite, params: () => ({ id: "moi" }) },
    ],
  },
};
