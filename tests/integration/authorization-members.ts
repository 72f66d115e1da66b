import type { DeniedCase, RouteCases } from "./authorization-cases";
import type { World } from "./authorization-world";

/**
 * Authorization cases of the Union's officer and member records (issue 12, item 2). Seeing
 * needs `member:view` (reporters and admins), changing needs `member:manage` (admins), both
 * over the member's unit: staff of commune B asking for a member or officer of commune A get
 * 404, never a hint that the record exists. Moderators hold neither permission.
 */

const login: DeniedCase = { as: "anonymous", expect: "redirect-login" };

/** Everyone without `member:view`. */
const notViewer: DeniedCase[] = [
  login,
  { as: "buyer", expect: 403 },
  { as: "producer", expect: 403 },
  { as: "moderator", expect: 403, note: "moderation only, no member:view" },
];

/** Everyone without `member:manage`, view-only reporters included. */
const notManager: DeniedCase[] = [
  ...notViewer,
  { as: "reporter", expect: 403, note: "member:view only, no member:manage" },
];

/** A state-changing request from another site, by the one who could make it. */
const crossSite: DeniedCase = {
  as: "admin",
  expect: 403,
  origin: "https://evil.example",
  note: "from another origin",
};

const member = (w: World) => ({ id: String(w.memberId) });
const officer = (w: World) => ({ id: String(w.officerId) });

const memberForm = {
  fullName: "Hội viên Ngoài Phạm Vi",
  joinedOn: "2020-01-01",
  unitCode: "AZ-A",
};
const officerForm = {
  fullName: "Cán bộ Ngoài Phạm Vi",
  position: "Chủ tịch",
  unitCode: "AZ-A",
  termStart: "2021-01-01",
};

/** The cases for one page and its form, with params and form applied to each. */
function withForm(
  cases: DeniedCase[],
  params: ((w: World) => Record<string, string>) | undefined,
  form: Record<string, string>,
): DeniedCase[] {
  return [...cases, crossSite].map((c) => ({ ...c, params, form }));
}

export const membersAuthorizationCases: Record<string, RouteCases> = {
  "quan-ly.hoi-vien._index": { loader: notViewer },
  "quan-ly.hoi-vien[.]csv": { loader: notViewer },
  "quan-ly.hoi-vien[.]xlsx": { loader: notViewer },
  "quan-ly.hoi-vien.$id": {
    loader: [
      ...notViewer.map((c) => ({ ...c, params: member })),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: member,
        note: "a member of another commune",
      },
    ],
    action: [
      ...withForm(notManager, member, { intent: "withdraw" }),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: member,
        form: { intent: "withdraw" },
        note: "withdrawing the consent of a member of another commune",
      },
      {
        as: "staff-other-subtree",
        expect: 404,
        params: member,
        form: { intent: "erase", confirm: "yes" },
        note: "erasing a member of another commune",
      },
    ],
  },
  "quan-ly.hoi-vien.$id_.sua": {
    loader: [
      ...notManager.map((c) => ({ ...c, params: member })),
      { as: "staff-other-subtree", expect: 404, params: member, note: "another commune's member" },
    ],
    action: [
      ...withForm(notManager, member, memberForm),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: member,
        form: memberForm,
        note: "editing a member of another commune",
      },
    ],
  },
  "quan-ly.hoi-vien.moi": {
    loader: notManager,
    action: [
      ...withForm(notManager, undefined, memberForm),
      {
        as: "staff-other-subtree",
        expect: 404,
        form: memberForm,
        note: "adding a member to another commune",
      },
    ],
  },
  "quan-ly.hoi-vien.nhap": {
    loader: notManager,
    action: withForm(notManager, undefined, { intent: "check" }),
  },
  "quan-ly.hoi-vien_.can-bo._index": { loader: notViewer },
  "quan-ly.hoi-vien_.can-bo.moi": {
    loader: notManager,
    action: [
      ...withForm(notManager, undefined, officerForm),
      {
        as: "staff-other-subtree",
        expect: 404,
        form: officerForm,
        note: "adding an officer to another commune",
      },
    ],
  },
  "quan-ly.hoi-vien_.can-bo.$id": {
    loader: [
      ...notManager.map((c) => ({ ...c, params: officer })),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: officer,
        note: "another commune's officer",
      },
    ],
    action: [
      ...withForm(notManager, officer, officerForm),
      {
        as: "staff-other-subtree",
        expect: 404,
        params: officer,
        form: officerForm,
        note: "editing an officer of another commune",
      },
    ],
  },
};
