import { z } from "zod";
import { normalizePhone } from "~/lib/contact";
import type { TeamPermission } from "~db/schema";

/**
 * Forms of a producer's team (docs/decisions/029-care-team.md): the owner invites by phone with
 * what the member may do, changes that, removes a member or takes back an invite; the invited
 * user accepts or declines. Shared by the pages and the module tests.
 */

/** The workspace areas an owner can open to a member, in the order the form shows them. */
export const TEAM_PERMISSION_OPTIONS = [
  "listings",
  "orders",
  "statement",
] as const satisfies readonly TeamPermission[];

// Compile-time proof that no permission of the database is missing here.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
export const _teamPermissionsComplete: Missing<
  TeamPermission,
  (typeof TEAM_PERMISSION_OPTIONS)[number]
> = true;

const id = z.coerce.number({ invalid_type_error: "team.error.badRequest" }).int().positive();

/** The ticked boxes: at least one, each a known area, each once. */
const permissions = z
  .array(z.enum(TEAM_PERMISSION_OPTIONS, { message: "team.error.badRequest" }))
  .min(1, "team.error.noPermission")
  .transform((list) => TEAM_PERMISSION_OPTIONS.filter((option) => list.includes(option)));

const invitedPhone = z.string({ required_error: "auth.error.phone" }).transform((value, ctx) => {
  const phone = normalizePhone(value);
  if (!phone) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "auth.error.phone" });
    return z.NEVER;
  }
  return phone;
});

/** What the owner's team page posts, by `intent`. */
export const teamActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("invite"), producerId: id, phone: invitedPhone, permissions }),
    z.object({ intent: z.literal("permissions"), producerId: id, userId: id, permissions }),
    z.object({ intent: z.literal("remove"), producerId: id, userId: id }),
    z.object({ intent: z.literal("revoke"), producerId: id, inviteId: id }),
  ],
  { errorMap: () => ({ message: "team.error.badRequest" }) },
);
export type TeamAction = z.output<typeof teamActionSchema>;

/** What the invited user's page posts. */
export const inviteAnswerSchema = z.object({
  intent: z.enum(["accept", "decline"], { message: "team.error.badRequest" }),
  inviteId: id,
});

/** A posted form as the schemas read it: every field once, `permissions` as the list of boxes. */
export function teamFormFields(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && name !== "permissions") fields[name] = value;
  }
  fields.permissions = form.getAll("permissions").filter((v) => typeof v === "string");
  return fields;
}
