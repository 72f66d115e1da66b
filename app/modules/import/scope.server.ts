import { Forbidden, Unauthorized } from "~/lib/errors";
import type { Actor } from "~/modules/auth/actor";
import { scopePaths } from "~/modules/auth/permissions.server";

/**
 * Who an import runs for. A producer imports only its own rows (they land as pending);
 * staff import for producers of their subtree; the CLI (system) for everything.
 */
export type ImportScope =
  | { kind: "producer"; userId: number; producerIds: number[] }
  | { kind: "staff"; userId: number; paths: string[] }
  | { kind: "system" };

/** A producer's own import: their producers only (401 anonymous, 403 without a producer). */
export function producerImportScope(actor: Actor): ImportScope {
  if (actor.kind !== "user") throw new Unauthorized();
  if (actor.producers.length === 0) throw new Forbidden();
  return {
    kind: "producer",
    userId: actor.userId,
    producerIds: actor.producers.map((p) => p.producerId),
  };
}

/** A staff import: the subtrees where the actor holds `catalog:import` (403 without). */
export function staffImportScope(actor: Actor): ImportScope {
  if (actor.kind !== "user") throw new Unauthorized();
  const paths = scopePaths(actor, "catalog:import");
  if (paths.length === 0) throw new Forbidden(undefined, { permission: "catalog:import" });
  return { kind: "staff", userId: actor.userId, paths };
}

/** Who the audit log names for an import: the person, or nobody for the CLI. */
export function scopeUserId(scope: ImportScope): number | null {
  return scope.kind === "system" ? null : scope.userId;
}

/** Whether an org unit (by path) is inside a staff scope; producers and system decide elsewhere. */
export function pathInScope(scope: ImportScope, path: string): boolean {
  if (scope.kind === "system") return true;
  if (scope.kind === "producer") return false;
  return scope.paths.some((root) => path.startsWith(root));
}
