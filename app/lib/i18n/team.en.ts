import type { viGroups } from "./vi";

/** A producer's team: invite by phone, what each member may do, remove (issue 15). */
export const teamEn: Record<keyof typeof viGroups.team, string> = {
  "team.nav.link": "Team",

  "team.page.title": "Your team",
  "team.page.intro":
    "Invite people to work in your producer's workspace and choose what each may do. The person invited accepts with the account that has the phone number you enter.",
  "team.page.producer": "{name} ({code})",
  "team.done.moi": "Invitation sent.",
  "team.done.quyen": "The member's permissions are saved.",
  "team.done.xoa": "The member was removed from the team.",
  "team.done.thu-hoi": "The invitation was withdrawn.",

  "team.permission.listings": "Listings: list and edit goods, import data",
  "team.permission.orders": "Orders: handle orders and answer purchase requests",
  "team.permission.statement": "Money: see the balance, the statement and refunds owed",
  "team.permission.legend": "May do",

  "team.members.title": "Members",
  "team.members.owner": "Owner · may do everything",
  "team.members.since": "Joined on {date}",
  "team.members.save": "Save permissions",
  "team.members.remove": "Remove from the team",
  "team.members.you": "(you)",
  "team.members.removeConfirm":
    "Remove {name} from the team? They will no longer be able to open the producer's workspace.",
  "team.members.removeYes": "Yes, remove from the team",

  "team.invites.title": "Pending invitations",
  "team.invites.none": "No invitation is pending.",
  "team.invites.sent": "Invited on {date}",
  "team.invites.revoke": "Withdraw the invitation",
  "team.invites.expires": "Expires on {date}",

  "team.invite.title": "Invite someone to the team",
  "team.invite.phone": "Phone number of the person invited",
  "team.invite.phoneHint": "A mobile number, e.g. 0912 345 678.",
  "team.invite.submit": "Send the invitation",

  "team.invitations.title": "Team invitations",
  "team.invitations.intro":
    "A producer may invite you to work in their workspace. Invitations go to your phone number.",
  "team.invitations.none": "There is no invitation for your phone number.",
  "team.invitations.noPhone":
    "Your account has no phone number. Invitations are sent to a phone number: add yours on the Account page.",
  "team.invitations.confirmFirst": "Confirm your phone number before you accept an invitation.",
  "team.invitations.from": "{producer} invites you to their team",
  "team.invitations.invitedBy": "Invited by {name} on {date}",
  "team.invitations.may": "You will be able to:",
  "team.invitations.expires": "The invitation expires on {date}.",
  "team.invitations.accept": "Accept",
  "team.invitations.decline": "Decline",
  "team.invitations.declined": "You declined the invitation.",
  "team.invitations.accepted": "You joined the team of producer {code}.",
  "team.invitations.openWorkspace": "Open the workspace",
  "team.account.link": "Invitations to a producer's team",

  "team.notice.invited.title": "{producer} invites you to their team",
  "team.notice.invited.body":
    "You are invited to work in the workspace of {producer}. Open the invitation to accept or decline it.",
  "team.notice.permissions.title": "What you may do at {producer} has changed",
  "team.notice.permissions.body": "The owner changed what you may do in the workspace.",
  "team.notice.removed.title": "You are no longer in the team of {producer}",
  "team.notice.removed.body":
    "The owner removed you from the team. You can no longer open this producer's workspace.",
  "team.notice.revoked.title": "{producer} withdrew the invitation",
  "team.notice.revoked.body": "The invitation to the team of {producer} is no longer valid.",
  "team.notice.accepted.title": "{name} joined the team",
  "team.notice.accepted.body": "{name} accepted the invitation to the team of {producer}.",
  "team.notice.declined.title": "{name} declined the invitation",
  "team.notice.declined.body": "{name} declined the invitation to the team of {producer}.",

  "team.error.ownerOnly": "Only the producer's owner can manage the team.",
  "team.error.need.listings":
    "The owner has not given you the listings. Ask the owner if you need to do this.",
  "team.error.need.orders":
    "The owner has not given you the orders. Ask the owner if you need to do this.",
  "team.error.need.statement":
    "The owner has not given you the statement. Ask the owner if you need to do this.",
  "team.error.alreadyMember": "This phone number is already in the team.",
  "team.error.alreadyInvited": "This phone number already has a pending invitation.",
  "team.error.noSuchMember": "This member is not in the team.",
  "team.error.noSuchInvite":
    "This invitation was not found, or it was already answered or withdrawn.",
  "team.error.ownerFixed": "The owner may always do everything: this cannot be changed.",
  "team.error.cannotRemoveOwner": "The owner cannot be removed from the team.",
  "team.error.phoneNotConfirmed": "Confirm your phone number before you accept an invitation.",
  "team.error.noPermission": "Choose at least one thing this person may do.",
  "team.error.badRequest": "The request is not valid. Reload the page and try again.",
};
