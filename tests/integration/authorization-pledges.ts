import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of support campaigns (issue 16): partners' pledges. Only a business
 * buyer pledges on the public page (an individual buyer, a producer or staff: 403), a draft
 * takes none (404); the staff pledge page needs `campaign:manage` and commune B's staff do
 * not find commune A's campaign (404) whatever they post; a buyer acts only on her own
 * pledges (another buyer's: 404).
 */

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };
const published = (w: World) => ({ slug: w.campaignSlug });
const draft = (w: World) => ({ slug: w.draftCampaignSlug });
const crossSite = {
  expect: 403,
  origin: "https://evil.example",
  note: "from another origin",
} as const;

const pledgeForm = (w: World) => ({
  goods: "Hồ tiêu đen",
  listingId: String(w.listingId),
  quantity: "10",
  unit: "kg",
  byDate: "2099-01-31",
});
const staffPledgeForm = (w: World) => ({
  ...pledgeForm(w),
  intent: "pledge",
  partnerName: "Hợp tác xã thử quyền",
  partnerKind: "organisation",
});
const pledgeAction = (intent: string) => (w: World) => ({
  intent,
  pledgeId: String(w.pledgeId),
  confirm: "yes",
});

const notManager: DeniedCase[] = [
  { ...login, params: published },
  { as: "buyer", expect: 403, params: published },
  { as: "producer", expect: 403, params: published },
  { as: "reporter", expect: 403, params: published, note: "reads reports, no campaign:manage" },
];
const otherSubtree = (note: string, form?: DeniedCase["form"]): DeniedCase => ({
  as: "staff-other-subtree",
  expect: 404,
  params: published,
  form,
  note,
});

export const pledgesAuthorizationCases: Record<string, RouteCases> = {
  "chien-dich.$slug_.cam-ket": {
    loader: [
      { ...login, params: published },
      { as: "buyer", expect: 404, params: draft, note: "a draft takes no pledges" },
    ],
    action: [
      { ...login, params: published, form: pledgeForm },
      { as: "buyer", expect: 403, params: published, form: pledgeForm, note: "an individual" },
      { as: "producer", expect: 403, params: published, form: pledgeForm },
      {
        as: "moderator",
        expect: 403,
        params: published,
        form: pledgeForm,
        note: "staff pledge on the staff page",
      },
      { as: "buyer", expect: 404, params: draft, form: pledgeForm, note: "a draft" },
      { ...crossSite, as: "other-buyer", params: published, form: pledgeForm },
    ],
  },
  "quan-ly.chien-dich.$slug_.cam-ket": {
    loader: [
      ...notManager,
      otherSubtree("commune A's campaign"),
      { ...otherSubtree("commune A's draft does not leak"), params: draft },
    ],
    action: [
      ...notManager.map((c) => ({ ...c, form: pledgeAction("approve") })),
      otherSubtree("approving a pledge of commune A's campaign", pledgeAction("approve")),
      otherSubtree("declining it", (w) => ({ ...pledgeAction("decline")(w), reason: "Thử" })),
      otherSubtree("recording a pledge there", staffPledgeForm),
      otherSubtree("adding a partner there", {
        intent: "partner",
        partnerName: "Đối tác thử",
        partnerKind: "charity",
      }),
      { ...crossSite, as: "admin", params: published, form: pledgeAction("approve") },
    ],
  },
  "tai-khoan_.cam-ket": {
    loader: [
      login,
      { as: "producer", expect: 403, note: "no buyer profile" },
      { as: "moderator", expect: 403 },
    ],
    action: [
      { ...login, form: pledgeAction("withdraw") },
      { as: "producer", expect: 403, form: pledgeAction("withdraw") },
      { as: "buyer", expect: 404, form: pledgeAction("withdraw"), note: "other-buyer's pledge" },
      { as: "buyer", expect: 404, form: pledgeAction("request"), note: "other-buyer's pledge" },
      { as: "buyer", expect: 404, form: pledgeAction("cart"), note: "other-buyer's pledge" },
      { ...crossSite, as: "other-buyer", form: pledgeAction("withdraw") },
    ],
  },
};
