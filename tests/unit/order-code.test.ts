import { describe, expect, it } from "vitest";
import { newOrderCode } from "~/modules/orders/order-rows.internal.server";

describe("order codes", () => {
  it("are DH and eight characters a buyer can type without confusing 0/O or 1/I", () => {
    for (let i = 0; i < 50; i++) expect(newOrderCode()).toMatch(/^DH[2-9A-HJ-NP-Z]{8}$/);
  });

  it("stay distinct across refills of the pooled random bytes (2,000 codes, four refills)", () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newOrderCode()));
    expect(codes.size).toBe(2000);
  });
});
