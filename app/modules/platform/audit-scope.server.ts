import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which producer the request's staff member acts for, readable by `writeAudit` without every
 * caller passing the actor: `handle()` (platform/http.server.ts) runs each loader and action in
 * a fresh scope, and `getActor` notes the assisted producer in it. Outside a request (scripts,
 * tests calling modules directly) there is no scope and nothing is noted.
 */
interface AuditScope {
  assistedProducerId: number | null;
}

const scopes = new AsyncLocalStorage<AuditScope>();

/** Runs `fn` (one loader or action) in its own audit scope. */
export function runInAuditScope<T>(fn: () => T): T {
  return scopes.run({ assistedProducerId: null }, fn);
}

/** Marks the current request as made for `producerId` in assisted mode. */
export function noteAssistedProducer(producerId: number): void {
  const scope = scopes.getStore();
  if (scope) scope.assistedProducerId = producerId;
}

/** The producer the current request acts for, or null (not assisting, or no request). */
export function currentAssistedProducerId(): number | null {
  return scopes.getStore()?.assistedProducerId ?? null;
}
