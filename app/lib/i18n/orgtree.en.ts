import type { viGroups } from "./vi";

/** Strings of the Union's org tree administration: units, merges, staff roles. */
export const orgtreeEn: Record<keyof typeof viGroups.orgtree, string> = {
  "orgtree.nav.link": "Organisation",
  "orgtree.title": "Union organisation",
  "orgtree.intro":
    "The Union units within your reach. Choose a unit to see its staff and what can be administered.",
  "orgtree.readOnly":
    "You can read the org tree but not change it: the unit's administrators do that.",
  "orgtree.reportsNote":
    "Reports always use today's tree: the figures of a merged unit, earlier periods included, count in the unit it was merged into.",
  "orgtree.treeLabel": "Org tree",
  "orgtree.empty": "There is no unit within your reach.",
  "orgtree.levelAndCode": "{level} · code {code}",
  "orgtree.back": "Back to the org tree",
  "orgtree.backToUnit": "Back to {name}",

  "orgtree.unit.pageTitle": "Union unit",
  "orgtree.unit.code": "Unit code",
  "orgtree.unit.level": "Level",
  "orgtree.unit.parent": "Part of",
  "orgtree.unit.noParent": "The root of the org tree",
  "orgtree.unit.communeCode": "Official commune code",
  "orgtree.unit.none": "None",
  "orgtree.unit.merged":
    "This unit was merged into {survivor} on {date}. It is kept so that the orders placed under it still belong to it; it receives nothing new and can no longer be changed.",
  "orgtree.unit.children": "Units below",
  "orgtree.unit.noChildren": "No units below yet.",
  "orgtree.unit.mergedUnits": "Units merged into this one",
  "orgtree.unit.mergedOn": "merged on {date}",
  "orgtree.unit.staff": "Staff with a role in this unit",
  "orgtree.unit.staffReach":
    "A role in a unit applies to that unit and every unit below it, everywhere in the staff area.",
  "orgtree.unit.noStaff": "Nobody has a role in this unit yet.",
  "orgtree.unit.since": "since {date}",
  "orgtree.unit.endRole": "End the {role} role of {name}",
  "orgtree.unit.actions": "Administer the unit",
  "orgtree.unit.addChild": "Add a unit below",
  "orgtree.unit.rename": "Rename the unit",
  "orgtree.unit.move": "Move under another unit",
  "orgtree.unit.merge": "Merge into another unit",
  "orgtree.unit.addRole": "Give a staff member a role",

  "orgtree.done.created": "The unit was created.",
  "orgtree.done.renamed": "The unit was renamed.",
  "orgtree.done.moved": "The unit was moved with the units below it.",
  "orgtree.done.merged":
    "Merged. The former unit's producers, staff, members, purchase requests and units below now belong to this unit.",
  "orgtree.done.roleAssigned": "The role was given.",
  "orgtree.done.roleEnded": "The role was ended.",

  "orgtree.create.title": "Add a unit below {parent}",
  "orgtree.create.code": "Unit code",
  "orgtree.create.codeHint":
    "Capital letters without accents, digits and hyphens, e.g. QT-VINHLINH-CH04. The code cannot be changed later.",
  "orgtree.create.name": "Unit name",
  "orgtree.create.nameHint": "For example: Chi hội phụ nữ thôn Tân Mỹ.",
  "orgtree.create.level": "Level",
  "orgtree.create.communeCode": "Official commune code (optional)",
  "orgtree.create.communeCodeHint":
    "Only for a commune-level unit: five digits from the official list, e.g. 19333. Purchase requests delivered to that commune will belong to the unit.",
  "orgtree.create.submit": "Create the unit",

  "orgtree.rename.title": "Rename {name}",
  "orgtree.rename.name": "New name",
  "orgtree.rename.submit": "Save the new name",

  "orgtree.move.title": "Move {name}",
  "orgtree.move.intro": "The unit moves with every unit below it. It is now part of {parent}.",
  "orgtree.move.parent": "Move it under",
  "orgtree.move.noTargets": "There is no unit you can move this unit under.",
  "orgtree.move.submit": "Move the unit",
  "orgtree.choose": "Choose a unit",

  "orgtree.merge.title": "Merge {name}",
  "orgtree.merge.intro":
    "A merge moves the producers, staff roles, members, officers, purchase requests and units below to the surviving unit. Orders and offline deals already recorded keep the former unit; the former unit sits below the surviving one, so the surviving unit's reports include the old figures.",
  "orgtree.merge.survivor": "Surviving unit",
  "orgtree.merge.noTargets": "There is no unit you can merge this unit into.",
  "orgtree.merge.preview": "Preview",
  "orgtree.merge.previewTitle": "Merging {name} into {survivor}: what moves",
  "orgtree.merge.producers": "Producers: {count}",
  "orgtree.merge.members": "Members: {count}",
  "orgtree.merge.officers": "Officers: {count}",
  "orgtree.merge.requests": "Purchase requests: {count}",
  "orgtree.merge.children": "Units below: {count}",
  "orgtree.merge.staff":
    "Staff roles: {count}. After the merge these roles are held in {survivor}, so they apply to the whole of {survivor}.",
  "orgtree.merge.staffRow": "{name} — {role}",
  "orgtree.merge.communeCode": "The former unit's official commune code moves to {survivor}.",
  "orgtree.merge.ordersStay": "Orders and offline deals already recorded stay with {name}.",
  "orgtree.merge.confirm": "I have read this and understand that a merge cannot be undone.",
  "orgtree.merge.submit": "Merge {name} into {survivor}",

  "orgtree.role.title": "Give a role in {unit}",
  "orgtree.role.phone": "Phone number of the account",
  "orgtree.role.phoneHint": "The person must already have an account on Cung Cầu.",
  "orgtree.role.role": "Role",
  "orgtree.role.hint.moderator":
    "Moderator: reviews producers, listings and reviews; connects supply and demand, records offline deals.",
  "orgtree.role.hint.reporter": "Reporter: sees and exports reports, reads member records.",
  "orgtree.role.hint.admin":
    "Administrator: every permission, including the org tree, staff roles, payments and payouts.",
  "orgtree.role.submit": "Give the role",

  "orgtree.endRole.title": "End a role",
  "orgtree.endRole.question": "End the {role} role of {name} in {unit}?",
  "orgtree.endRole.effect":
    "They lose the role's permissions over the unit and the units below it from their next page.",
  "orgtree.endRole.self":
    "This is your own role: once it ends, you may no longer be able to open this page.",
  "orgtree.endRole.lastAdmin":
    "{name} is the last administrator of {unit}, so this role cannot end. Give someone else the administrator role first.",
  "orgtree.endRole.submit": "End the role",
  "orgtree.endRole.cancel": "No, go back",

  "orgtree.errors.summary": "Not saved. Please correct the marked fields.",
  "orgtree.errors.staffOnly": "This page is for Union staff only.",
  "orgtree.errors.unitNotFound": "There is no unit {code}.",
  "orgtree.errors.unit": "Choose a unit from the list.",
  "orgtree.errors.code":
    "A unit code has 2 to 40 characters: capital letters without accents, digits and hyphens.",
  "orgtree.errors.name": "A unit name has 3 to 150 characters.",
  "orgtree.errors.level": "Choose the unit's level.",
  "orgtree.errors.communeCode": "A commune code has exactly 5 digits.",
  "orgtree.errors.phone": "Enter a Vietnamese mobile number, e.g. 0912 345 678.",
  "orgtree.errors.role": "Choose a role.",
  "orgtree.errors.badRequest": "The request is not valid. Reload the page and try again.",
  "orgtree.errors.confirmMerge": "Tick the confirmation box to merge.",
  "orgtree.errors.merged": "The unit {name} was merged and can no longer be changed.",
  "orgtree.errors.levelBelowParent": "A unit of this level cannot be part of {parent}.",
  "orgtree.errors.codeTaken": "The code {code} is already used by another unit.",
  "orgtree.errors.nameTaken": "The name “{name}” is already used by another unit.",
  "orgtree.errors.communeCodeLevel": "Only a commune-level unit has a commune code.",
  "orgtree.errors.communeUnknown": "No commune has the code {code} in the official list.",
  "orgtree.errors.communeTaken": "{commune} already belongs to {unit}.",
  "orgtree.errors.rootFixed": "The root of the org tree cannot be moved or merged.",
  "orgtree.errors.cycle": "A unit cannot move into itself or into a unit below it.",
  "orgtree.errors.sameParent": "The unit is already part of this unit.",
  "orgtree.errors.mergeSelf": "A unit cannot be merged into itself.",
  "orgtree.errors.mergeDescendant": "A unit cannot be merged into a unit below it.",
  "orgtree.errors.mergeLevel":
    "It cannot be merged into {survivor}: the surviving unit must be of the same level or above.",
  "orgtree.errors.noAccount": "There is no active account with this phone number.",
  "orgtree.errors.roleHeld": "{name} already has this role in the unit.",
  "orgtree.errors.roleNotFound": "This role no longer exists (it may have been ended).",
  "orgtree.errors.lastRootAdmin":
    "It cannot end: {unit} must always have at least one administrator.",
};
