import type { RouteCases } from "./authorization-cases";

/** Authorization cases of the routes issue 14 adds for this area (filled in by its owner). */
export const transferAuthorizationCases: Record<string, RouteCases> = {
  // The saved VietQR code of an order: its buyer's and its producer's only, like the order page.
  "don-hang.$id_.ma-qr[.]png": {
    loader: [
      {
        as: "anonymous",
        expect: "redirect-login",
        params: (w) => ({ id: String(w.buyerOrderId) }),
      },
      {
        as: "buyer",
        expect: 404,
        params: (w) => ({ id: String(w.otherBuyerOrderId) }),
        note: "another buyer's order",
      },
      {
        as: "other-producer",
        expect: 404,
        params: (w) => ({ id: String(w.buyerOrderId) }),
        note: "an order of another producer",
      },
      {
        as: "reporter",
        expect: 404,
        params: (w) => ({ id: String(w.buyerOrderId) }),
        note: "staff are neither its buyer nor its producer",
      },
    ],
  },
};
