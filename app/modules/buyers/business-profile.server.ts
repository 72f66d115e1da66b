import { eq } from "drizzle-orm";
import type { BusinessProfileInput } from "~/lib/schemas/business";
import type { Db } from "~db/client.server";
import { buyerProfiles } from "~db/schema";

/**
 * A buyer's business profile (buyer_profiles): what kind of buyer she is, her company and tax
 * code, her province and city. The invoice form starts from it, the producer's order page
 * shows the company, the home page uses the province.
 */

/** Her profile as the form shows it; a buyer without a row yet is a private person. */
export function getBusinessProfile(db: Db, userId: number) {
  const row = db
    .select({
      kind: buyerProfiles.kind,
      companyName: buyerProfiles.companyName,
      taxCode: buyerProfiles.taxCode,
      province: buyerProfiles.province,
      city: buyerProfiles.city,
    })
    .from(buyerProfiles)
    .where(eq(buyerProfiles.userId, userId))
    .get();
  return (
    row ?? {
      kind: "individual" as const,
      companyName: null,
      taxCode: null,
      province: null,
      city: null,
    }
  );
}

/**
 * Saves her profile; a signed-in user without one (staff, a producer who also buys) gets one.
 * The input is already validated (app/lib/schemas/business.ts).
 */
export function saveBusinessProfile(db: Db, userId: number, input: BusinessProfileInput): void {
  const values = {
    kind: input.kind,
    companyName: input.companyName,
    taxCode: input.taxCode,
    province: input.province,
    city: input.city,
  };
  db.insert(buyerProfiles)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: buyerProfiles.userId, set: values })
    .run();
}
