import { z } from "zod";
import { normalizePhone } from "~/lib/contact";
import type { StaffRole } from "~db/schema";
import { singleLineText } from "./fields";

/**
 * The org tree forms (/quan-ly/to-chuc): create, rename, move and merge units, assign and end
 * staff roles. Shared by the pages (conform) and the actions; messages are keys of the
 * `orgtree` catalog.
 */

export const ORG_TREE_LIMITS = { codeMax: 40, nameMin: 3, nameMax: 150 } as const;

/** Levels a new unit may have: the province is the one root and is never created. */
export const CHILD_LEVELS = ["commune", "branch"] as const;

/** A unit code as written in the tree ("QT-VINHLINH-CH04"), upper-cased. */
const unitCode = (message: "orgtree.errors.code" | "orgtree.errors.unit") =>
  singleLineText(message).pipe(
    z
      .string()
      .transform((code) => code.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, message)),
  );

const unitName = singleLineText("orgtree.errors.name").pipe(
  z
    .string()
    .min(ORG_TREE_LIMITS.nameMin, "orgtree.errors.name")
    .max(ORG_TREE_LIMITS.nameMax, "orgtree.errors.name"),
);

/** A unit under the page's unit. */
export const createUnitSchema = z.object({
  code: unitCode("orgtree.errors.code"),
  name: unitName,
  level: z.enum(CHILD_LEVELS, {
    required_error: "orgtree.errors.level",
    invalid_type_error: "orgtree.errors.level",
    message: "orgtree.errors.level",
  }),
  /** The official five-digit code of the commune a commune-level unit covers. */
  communeCode: singleLineText("orgtree.errors.communeCode")
    .pipe(z.string().regex(/^\d{5}$/, "orgtree.errors.communeCode"))
    .optional(),
});
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const renameUnitSchema = z.object({ name: unitName });
export type RenameUnitInput = z.infer<typeof renameUnitSchema>;

export const moveUnitSchema = z.object({ parentCode: unitCode("orgtree.errors.unit") });
export type MoveUnitInput = z.infer<typeof moveUnitSchema>;

/** The merge is sent from its preview page, with the box ticked that says it cannot be undone. */
export const mergeUnitSchema = z.object({
  survivorCode: unitCode("orgtree.errors.unit"),
  confirm: z.literal("on", {
    errorMap: () => ({ message: "orgtree.errors.confirmMerge" }),
  }),
});
export type MergeUnitInput = z.infer<typeof mergeUnitSchema>;

/** The staff roles (db/schema STAFF_ROLES), listed here so the browser bundle needs no schema. */
export const ROLE_OPTIONS = [
  "moderator",
  "reporter",
  "admin",
] as const satisfies readonly StaffRole[];

const staffRole = z.enum(ROLE_OPTIONS, {
  required_error: "orgtree.errors.role",
  invalid_type_error: "orgtree.errors.role",
  message: "orgtree.errors.role",
});

/** A role for the account with this phone number, on the page's unit. */
export const assignRoleSchema = z.object({
  phone: singleLineText("orgtree.errors.phone").pipe(
    z.string().transform((phone, ctx) => {
      const stored = normalizePhone(phone);
      if (!stored) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "orgtree.errors.phone" });
      return stored ?? "";
    }),
  ),
  role: staffRole,
});
export type AssignRoleInput = z.infer<typeof assignRoleSchema>;

/** Ending one role of one account on the page's unit (sent from the confirmation page). */
export const endRoleSchema = z.object({
  userId: z.coerce
    .number({ invalid_type_error: "orgtree.errors.badRequest" })
    .int("orgtree.errors.badRequest")
    .positive("orgtree.errors.badRequest"),
  role: staffRole,
});
export type EndRoleInput = z.infer<typeof endRoleSchema>;
