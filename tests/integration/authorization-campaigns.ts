import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of support campaigns (issue 16): staff's campaign pages. They need
 * `campaign:manage` (moderators, admins), so buyers, producers and the reporter are refused;
 * staff of commune B do not find commune A's campaigns (404), its draft included, and cannot
 * change them, add producer A to them, or create a campaign held by commune A.
 */

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const notManager: DeniedCase[] = [
  login,
  { as: "buyer", expect: 403 },
  { as: "producer", expect: 403 },
  { as: "reporter", expect: 403, note: "reads reports, has no campaign:manage" },
];
const published = (w: World) => ({ slug: w.campaignSlug });
const draft = (w: World) => ({ slug: w.draftCampaignSlug });
const otherSubtree = (params: (w: World) => Record<string, string>, note: string): DeniedCase => ({
  as: "staff-other-subtree",
  expect: 404,
  params,
  note,
});
const campaignForm = (w: World) => ({
  title: "Chiến dịch thử quyền",
  story: "Câu chuyện thử.",
  kind: "other",
  orgUnitId: String(w.communeA.id),
  startsOn: "2030-01-01",
  endsOn: "2030-01-31",
  targetVnd: "1000000",
});
const crossSite: DeniedCase = {
  as: "admin",
  expect: 403,
  origin: "https://evil.example",
  note: "from another origin",
};

export const campaignsAuthorizationCases: Record<string, RouteCases> = {
  "quan-ly.chien-dich._index": { loader: notManager },
  "quan-ly.chien-dich.moi": {
    loader: notManager,
    action: [
      ...notManager.map((c) => ({ ...c, form: campaignForm })),
      {
        as: "staff-other-subtree",
        expect: 404,
        form: campaignForm,
        note: "a campaign held by commune A, outside her subtree",
      },
      { ...crossSite, form: campaignForm },
    ],
  },
  "quan-ly.chien-dich.$slug": {
    loader: [
      ...notManager.map((c) => ({ ...c, params: published })),
      otherSubtree(published, "commune A's published campaign"),
      otherSubtree(draft, "commune A's draft does not leak"),
    ],
    action: [
      ...notManager.map((c) => ({ ...c, params: published, form: { intent: "publish" } })),
      { ...otherSubtree(draft, "publishing commune A's draft"), form: { intent: "publish" } },
      {
        ...otherSubtree(published, "ending commune A's campaign"),
        form: { intent: "end", confirm: "yes" },
      },
      {
        ...otherSubtree(draft, "adding producer A to commune A's draft"),
        form: (w) => ({ intent: "add", producerId: String(w.producerId) }),
      },
      {
        ...otherSubtree(published, "removing producer A from commune A's campaign"),
        form: (w) => ({ intent: "remove", producerId: String(w.producerId), confirm: "yes" }),
      },
      {
        ...otherSubtree(published, "ticking producer A's listings"),
        form: (w) => ({
          intent: "listings",
          producerId: String(w.producerId),
          listingId: String(w.listingId),
        }),
      },
      { ...crossSite, params: draft, form: { intent: "publish" } },
    ],
  },
  "quan-ly.chien-dich.$slug_.sua": {
    loader: [
      ...notManager.map((c) => ({ ...c, params: draft })),
      otherSubtree(draft, "commune A's draft"),
    ],
    action: [
      ...notManager.map((c) => ({ ...c, params: draft, form: campaignForm })),
      { ...otherSubtree(published, "editing commune A's campaign"), form: campaignForm },
      { ...crossSite, params: draft, form: campaignForm },
    ],
  },
};
