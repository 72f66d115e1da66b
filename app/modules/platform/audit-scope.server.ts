import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which producer the request's staff member acts for (assisted mode, docs/decisions/029-care.md),
 * readable by `writeAudit` without every caller passing the actor: `handle()` (http.server.ts)
 * runs each loader and action in a fresh scope, and `getActor` notes the assisted producer in
 * it. Outside a request (scripts, tests calling modules directly) there is no scope and
 * nothing is noted.
 */
export interface AuditScope {
  assistedProducerId: number | null;
  /** The staff member acting (the request's signed-in user). */
  staffUserId: number | null;
  /** Entries this request wrote that name the producer. */
  stampedEntries: number;
}

const scopes = new AsyncLocalStorage<AuditScope>();

/** Runs `fn` (one loader or action) in its own audit scope. */
export function runInAuditScope<T>(fn: () => T): T {
  return scopes.run({ assistedProducerId: null, staffUserId: null, stampedEntries: 0 }, fn);
}

/** Marks the current request as made by `staffUserId` for `producerId` in assisted mode. */
export function noteAssistedProducer(producerId: number, staffUserId: number): void {
  const scope = scopes.getStore();
  if (!scope) return;
  scope.assistedProducerId = producerId;
  scope.staffUserId = staffUserId;
}

/** The producer the current request acts for, or null (not assisting, or no request). */
export function currentAssistedProducerId(): number | null {
  return scopes.getStore()?.assistedProducerId ?? null;
}

/** The current request's audit scope, if any. */
export function currentAuditScope(): AuditScope | null {
  return scopes.getStore() ?? null;
}
