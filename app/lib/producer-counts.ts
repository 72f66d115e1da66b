/**
 * The member counts a producer declares on her application, with their labels, in the order
 * of the form. The reports add up all four, so every page that shows or corrects the figures
 * lists them from here rather than naming a few.
 */
export const DECLARED_MEMBER_COUNTS = [
  ["membersTotal", "auth.field.membersTotal"],
  ["membersWomen", "auth.field.membersWomen"],
  ["membersEthnicMinority", "auth.field.membersEthnicMinority"],
  ["membersPoorHousehold", "auth.field.membersPoorHousehold"],
] as const;
