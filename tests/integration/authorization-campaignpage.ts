import type { DeniedCase, RouteCases } from "./authorization-cases";

/**
 * Authorization cases of support campaigns (issue 16): campaignpage. The list, a campaign's
 * page and its poster QR are public, but a draft is nobody's page (404, even for a producer
 * of its unit); the producer's campaign page is her workspace's: she asks to join or leaves
 * only for her own producer.
 */

const draft = (w: { draftCampaignSlug: string }) => ({ slug: w.draftCampaignSlug });

const draftNotFound: DeniedCase[] = [
  { as: "anonymous", expect: 404, params: draft, note: "a draft campaign" },
  { as: "producer", expect: 404, params: draft, note: "a draft of her own commune" },
];

const notProducer: DeniedCase[] = [
  { as: "anonymous", expect: "redirect-login" },
  { as: "buyer", expect: 403 },
  { as: "reporter", expect: 403 },
];

const joinForm = (w: { campaignId: number; producerId: number }) => ({
  intent: "join",
  campaignId: String(w.campaignId),
  producerId: String(w.producerId),
});

export const campaignpageAuthorizationCases: Record<string, RouteCases> = {
  "chien-dich._index": { loader: "public" },
  "chien-dich.$slug": {
    loader: ["public", { as: "anonymous", expect: 404, note: "an unknown slug" }, ...draftNotFound],
  },
  "ban-hang.chien-dich": {
    loader: notProducer,
    action: [
      ...notProducer.map((c) => ({ ...c, form: joinForm })),
      {
        as: "other-producer",
        expect: 403,
        form: joinForm,
        note: "asking to join for producer A",
      },
      {
        as: "other-producer",
        expect: 403,
        form: (w) => ({ ...joinForm(w), intent: "leave", confirm: "yes" }),
        note: "taking producer A out of its campaign",
      },
      {
        as: "producer",
        expect: 403,
        form: joinForm,
        origin: "https://evil.example",
        note: "from another origin",
      },
    ],
  },
  "chien-dich.$slug_.ma-qr[.]svg": {
    loader: ["public", ...draftNotFound.map((c) => ({ ...c, params: draft }))],
  },
};
