import type { Locale, ProducerRole, StaffRole, TeamPermission } from "~db/schema";

/**
 * Staff acting for a producer in assisted mode (docs/decisions/029-care.md): the signed-in
 * actor stays the staff member; this names the producer she acts for.
 */
export interface AssistContext {
  producerId: number;
  producerCode: string;
  producerName: string;
  startedAt: Date;
}

/** Who is asking: an anonymous visitor or a signed-in user with their memberships. */
export type Actor =
  | { kind: "anonymous"; locale: Locale }
  | {
      kind: "user";
      userId: number;
      sessionId: string | null;
      displayName: string;
      locale: Locale;
      isBuyer: boolean;
      producers: {
        producerId: number;
        producerCode: string;
        producerName: string;
        role: ProducerRole;
        /** What the owner lets this member do; absent: everything (an owner, or a test actor). */
        permissions?: readonly TeamPermission[];
      }[];
      staff: { orgUnitId: number; orgUnitCode: string; orgUnitPath: string; role: StaffRole }[];
      /** Set while a staff member acts for a producer (assisted mode). */
      assisting?: AssistContext | null;
    };

export type SignedInActor = Extract<Actor, { kind: "user" }>;

export const isStaff = (actor: Actor) => actor.kind === "user" && actor.staff.length > 0;
export const isProducerMember = (actor: Actor) =>
  actor.kind === "user" && actor.producers.length > 0;
