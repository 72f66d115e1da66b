import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  runCertificateExpiry,
  scheduleCertificateExpiry,
} from "~/modules/listings/certificate-expiry.server";
import { createListing } from "~/modules/listings/lifecycle.server";
import { decideListing } from "~/modules/moderation/decisions.server";
import { renderNotice } from "~/modules/notifications/messages";
import { listings, notifications, searchOutbox } from "~db/schema";
import { freshDb } from "../helpers/db";
import { buildSupplyWorld, listingInput } from "../helpers/supply";

const NOW = new Date("2026-12-01T03:00:00Z"); // 10:00 in Việt Nam

function setup() {
  const db = freshDb();
  const w = buildSupplyWorld(db);
  const make = (title: string, expiresOn: string, extra = {}) => {
    const created = createListing(
      db,
      w.producer,
      w.producerA.id,
      listingInput(w.categoryId, {
        title,
        ocopStars: 4,
        ocopCertificateNo: `QT-OCOP-${title}`,
        ocopIssuedOn: "2023-01-01",
        ocopExpiresOn: expiresOn,
        ...extra,
      }),
      { submit: true },
    );
    decideListing(db, w.communeStaff, created.id, { intent: "approve", reason: null });
    // The listing was valid when approved; time has passed since.
    db.update(listings).set({ ocopBadgeHidden: false }).where(eq(listings.id, created.id)).run();
    return created.id;
  };
  return { db, w, make };
}

describe("certificate expiry job", () => {
  it("hides expired OCOP badges, tells search, and warns 30 days ahead once per certificate", () => {
    const { db, w, make } = setup();
    const expired = make("het-han", "2026-11-30");
    const soon = make("sap-het", "2026-12-31", {
      certifications: [
        { kind: "VietGAP", certificateNo: "VG-9", issuedOn: "2024-01-01", expiresOn: "2026-12-20" },
      ],
    });
    const later = make("con-lau", "2027-01-01");
    const outboxBefore = db.select().from(searchOutbox).all().length;

    expect(runCertificateExpiry(db, NOW)).toEqual({ hidden: 1, restored: 0, notified: 2 });
    const hiddenIds = db
      .select({ id: listings.id })
      .from(listings)
      .where(eq(listings.ocopBadgeHidden, true))
      .all();
    expect(hiddenIds.map((r) => r.id)).toEqual([expired]);
    const outbox = db.select().from(searchOutbox).all().slice(outboxBefore);
    expect(outbox.map((r) => r.listingId)).toEqual([expired]);
    const notes = db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "certificate.expiry_notice"))
      .all()
      .map((n) => ({ ...n, ...renderNotice("vi", n.messageKey, n.params) }));
    expect(notes.map((n) => n.title).sort()).toEqual([
      "Chứng nhận OCOP của “sap-het” sắp hết hạn",
      "Chứng nhận VietGAP của “sap-het” sắp hết hạn",
    ]);
    expect(notes.every((n) => n.userId === w.producer.userId && n.readAt === null)).toBe(true);
    expect(notes[0]?.body).toContain("31/12/2026");
    expect(notes.some((n) => n.link?.includes(String(later)))).toBe(false);
    expect(soon).toBeGreaterThan(0);

    // Running again the same day warns nobody twice.
    expect(runCertificateExpiry(db, NOW)).toEqual({ hidden: 0, restored: 0, notified: 0 });
    // The next day the 2027-01-01 certificate enters the 30-day window: one new warning.
    const nextDay = new Date("2026-12-02T03:00:00Z");
    expect(runCertificateExpiry(db, nextDay)).toEqual({ hidden: 0, restored: 0, notified: 1 });
    expect(runCertificateExpiry(db, nextDay).notified).toBe(0);
  });

  it("shows the badge again once the certificate is renewed", () => {
    const { db, make } = setup();
    const id = make("gia-han", "2026-11-01");
    runCertificateExpiry(db, NOW);
    db.update(listings).set({ ocopExpiresOn: "2029-11-01" }).where(eq(listings.id, id)).run();
    expect(runCertificateExpiry(db, NOW)).toMatchObject({ restored: 1 });
    expect(db.select().from(listings).where(eq(listings.id, id)).get()?.ocopBadgeHidden).toBe(
      false,
    );
  });

  it("runs at once when scheduled and can be stopped", () => {
    const { db, make } = setup();
    make("lich", "2023-06-01");
    const runs: number[] = [];
    const stop = scheduleCertificateExpiry(db, { onRun: (r) => runs.push(r.hidden) });
    stop();
    expect(runs).toEqual([1]);
  });
});
