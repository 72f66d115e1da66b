import { eq } from "drizzle-orm";
import { getDb } from "~/modules/platform/db.server";
import { listingImages, listingRevisions, listings } from "~db/schema";
import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of the supply side (issue 3): the producer workspace, moderation,
 * imports and QR codes. The "first producer" is producer A of the test world; a second
 * producer and a staff member of another commune must get 403 or 404 on every listing,
 * revision, image and import action for A's ids.
 *
 * Forms are static in the manifest, so the objects they name get fixed ids: the params
 * functions below create them on first use (a pending listing, an edit under review and a
 * photo of A's published listing) in the database the test handed to the routes.
 */
export const FIXTURE = {
  pendingListingId: 990_001,
  revisionId: 990_001,
  imageId: 990_001,
} as const;

function ensureFixtures(world: World): void {
  const db = getDb();
  if (
    db
      .select({ id: listings.id })
      .from(listings)
      .where(eq(listings.id, FIXTURE.pendingListingId))
      .get()
  ) {
    return;
  }
  const published = db.select().from(listings).where(eq(listings.id, world.listingId)).get();
  if (!published) throw new Error("the test world has no published listing");
  db.insert(listings)
    .values({
      id: FIXTURE.pendingListingId,
      sku: "SP9901",
      slug: "cho-duyet-sp9901",
      title: "Sản phẩm chờ duyệt của A",
      producerId: world.producerId,
      categoryId: published.categoryId,
      priceVnd: 10_000,
      unit: "kg",
      status: "pending",
    })
    .run();
  db.insert(listingRevisions)
    .values({ id: FIXTURE.revisionId, listingId: world.listingId, changes: { title: "Tên mới" } })
    .run();
  db.insert(listingImages)
    .values({
      id: FIXTURE.imageId,
      listingId: world.listingId,
      storageKey: "0123456789abcdef0123456789abcdef",
      width: 640,
      height: 480,
      placeholder: "data:image/webp;base64,",
    })
    .run();
}

const withFixtures =
  (params: (world: World) => Record<string, string> = () => ({})) =>
  (world: World) => {
    ensureFixtures(world);
    return params(world);
  };

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const notProducer: DeniedCase[] = [
  login,
  { as: "buyer", expect: 403 },
  { as: "reporter", expect: 403 },
  { as: "moderator", expect: 403, note: "staff are not the producer" },
  { as: "staff-other-subtree", expect: 403, note: "staff are not the producer" },
];
const notModerator: DeniedCase[] = [
  login,
  { as: "buyer", expect: 403 },
  { as: "producer", expect: 403 },
  { as: "reporter", expect: 403, note: "reports only, no moderation" },
];
const crossSite: DeniedCase = {
  as: "producer",
  expect: 403,
  origin: "https://evil.example",
  note: "from another origin",
};

const listingForm = {
  title: "Chiếm gian hàng",
  categoryId: "1",
  priceVnd: "1000",
  unit: "kg",
  minOrderQty: "1",
  stock: "1",
  ocopStars: "0",
};
const aSku = (w: World) => ({ sku: w.listingSku });
const image = String(FIXTURE.imageId);

/** Another producer acting on A's listing (by A's sku) with each intent of the edit page. */
const editIntents: Record<string, string>[] = [
  { intent: "save", ...listingForm },
  { intent: "submit" },
  { intent: "duplicate" },
  { intent: "archive", confirm: "yes" },
  { intent: "restore" },
  { intent: "image-upload" },
  { intent: "image-cover", imageId: image },
  { intent: "image-move", imageId: image, direction: "down" },
  { intent: "image-delete", imageId: image, confirm: "yes" },
];
const otherProducerOnListing: DeniedCase[] = editIntents.map((form) => ({
  as: "other-producer" as const,
  expect: 404 as const,
  params: withFixtures(aSku),
  form,
  note: `${form.intent} on the first producer's listing`,
}));

const decision = { intent: "approve" };

export const supplyAuthorizationCases: Record<string, RouteCases> = {
  // — Producer workspace: every query is scoped to the user's producers —
  "ban-hang.san-pham._index": { loader: notProducer },
  "ban-hang.san-pham.moi": {
    loader: notProducer,
    action: [
      ...notProducer,
      crossSite,
      {
        as: "other-producer",
        expect: 404,
        form: { ...listingForm, producer: "SX901" },
        note: "creating a listing for the first producer",
      },
    ],
  },
  "ban-hang.san-pham.$sku": {
    loader: [
      ...notProducer.map((c) => ({ ...c, params: aSku })),
      { as: "other-producer", expect: 404, params: aSku, note: "the first producer's listing" },
      {
        as: "other-producer",
        expect: 404,
        params: (w) => ({ sku: w.draftListingSku }),
        note: "the first producer's draft",
      },
    ],
    action: [
      ...notProducer.map((c) => ({ ...c, params: aSku, form: { intent: "submit" } })),
      { ...crossSite, as: "other-producer", params: aSku, form: { intent: "submit" } },
      ...otherProducerOnListing,
      {
        as: "other-producer",
        expect: 404,
        params: withFixtures(() => ({ sku: "SP9003" })),
        form: { intent: "image-cover", imageId: image },
        note: "the first producer's photo through the user's own listing",
      },
      {
        as: "other-producer",
        expect: 404,
        params: withFixtures(() => ({ sku: "SP9003" })),
        form: { intent: "image-delete", imageId: image, confirm: "yes" },
        note: "deleting the first producer's photo through the user's own listing",
      },
    ],
  },
  "ban-hang.ho-so": {
    loader: notProducer,
    action: [
      ...notProducer.map((c) => ({ ...c, form: { intent: "profile" } })),
      crossSite,
      {
        as: "other-producer",
        expect: 404,
        form: { producer: "SX901", intent: "profile", address: "thôn 2", deliveryFeeVnd: "0" },
        note: "editing the first producer's profile",
      },
      {
        as: "other-producer",
        expect: 404,
        form: { producer: "SX901", intent: "photo-delete", imageId: "1", confirm: "yes" },
        note: "deleting the first producer's photo",
      },
    ],
  },
  "ban-hang.nhap-du-lieu": {
    loader: notProducer,
    action: [
      ...notProducer,
      crossSite,
      {
        as: "other-producer",
        expect: 404,
        form: { intent: "commit", job: "khong-ton-tai" },
        note: "an import job that is not the user's",
      },
    ],
  },

  // — Moderation: scoped to the moderator's subtree in the SQL —
  "quan-ly.kiem-duyet._index": {
    loader: notModerator,
    action: [
      ...notModerator.map((c) => ({
        ...c,
        form: { intent: "bulk_approve", items: `listing:${FIXTURE.pendingListingId}` },
      })),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: withFixtures(),
        form: { intent: "bulk_approve", items: `listing:${FIXTURE.pendingListingId}` },
        note: "bulk-approving the first producer's listing from another commune",
      },
      {
        as: "staff-other-subtree",
        expect: 404,
        params: withFixtures(),
        form: { intent: "bulk_approve", items: `revision:${FIXTURE.revisionId}` },
        note: "bulk-approving the first producer's edit from another commune",
      },
    ],
  },
  "quan-ly.kiem-duyet.san-pham.$id": {
    loader: [
      ...notModerator.map((c) => ({
        ...c,
        params: withFixtures(() => ({ id: String(FIXTURE.pendingListingId) })),
      })),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: withFixtures(() => ({ id: String(FIXTURE.pendingListingId) })),
        note: "another commune's listing",
      },
    ],
    action: [
      ...notModerator.map((c) => ({
        ...c,
        params: withFixtures(() => ({ id: String(FIXTURE.pendingListingId) })),
        form: decision,
      })),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: withFixtures(() => ({ id: String(FIXTURE.pendingListingId) })),
        form: decision,
        note: "approving another commune's listing",
      },
      {
        as: "staff-other-subtree",
        expect: 404,
        params: withFixtures(() => ({ id: String(FIXTURE.pendingListingId) })),
        form: { intent: "reject", reason: "Không đạt yêu cầu" },
        note: "rejecting another commune's listing",
      },
    ],
  },
  "quan-ly.kiem-duyet.ban-sua.$id": {
    loader: [
      ...notModerator.map((c) => ({
        ...c,
        params: withFixtures(() => ({ id: String(FIXTURE.revisionId) })),
      })),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: withFixtures(() => ({ id: String(FIXTURE.revisionId) })),
        note: "another commune's edit",
      },
    ],
    action: [
      ...notModerator.map((c) => ({
        ...c,
        params: withFixtures(() => ({ id: String(FIXTURE.revisionId) })),
        form: decision,
      })),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: withFixtures(() => ({ id: String(FIXTURE.revisionId) })),
        form: decision,
        note: "approving another commune's edit",
      },
    ],
  },
  "quan-ly.kiem-duyet.nha-san-xuat.$id": {
    loader: [
      ...notModerator.map((c) => ({ ...c, params: (w: World) => ({ id: String(w.producerId) }) })),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: (w) => ({ id: String(w.producerId) }),
        note: "another commune's producer",
      },
    ],
    action: [
      ...notModerator.map((c) => ({
        ...c,
        params: (w: World) => ({ id: String(w.producerId) }),
        form: decision,
      })),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: (w) => ({ id: String(w.producerId) }),
        form: decision,
        note: "verifying another commune's producer",
      },
    ],
  },
  "quan-ly.nhap-du-lieu": {
    loader: notModerator,
    action: [
      ...notModerator,
      { ...crossSite, as: "moderator" },
      {
        as: "staff-other-subtree",
        expect: 404,
        form: { intent: "commit", job: "khong-ton-tai" },
        note: "an import job that is not the user's",
      },
    ],
  },

  // — Public QR code: drafts exist only for their producer —
  "san-pham.$sku.qr[.]svg": {
    loader: [
      "public",
      {
        as: "anonymous",
        expect: 404,
        params: (w) => ({ sku: w.draftListingSku }),
        note: "a draft",
      },
      {
        as: "other-producer",
        expect: 404,
        params: (w) => ({ sku: w.draftListingSku }),
        note: "another producer's draft",
      },
    ],
  },
};
