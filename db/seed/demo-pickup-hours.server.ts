import { eq } from "drizzle-orm";
import { producers } from "~db/schema";
import type { Tx } from "./insert-catalog.server";

/**
 * When buyers may collect a pickup order from some demo producers, as they would write it in
 * their profile; the others have said nothing, so the checkout asks buyers to call first.
 */
const DEMO_PICKUP_HOURS: Record<string, string> = {
  SX001: "7:00–17:00 hằng ngày",
  SX002: "6:00–11:00, thứ Hai đến thứ Bảy",
  SX004: "7:30–11:30 và 13:30–17:00, trừ Chủ nhật",
  SX007: "Sáng 7:00–11:00 hằng ngày",
};

/** Sets the demo producers' pickup hours (inside the seeding transaction). */
export function setDemoPickupHours(tx: Tx): void {
  for (const [code, pickupHours] of Object.entries(DEMO_PICKUP_HOURS)) {
    tx.update(producers).set({ pickupHours }).where(eq(producers.code, code)).run();
  }
}
