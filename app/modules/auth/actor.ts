import type { Locale, ProducerRole, StaffRole } from "~db/schema";

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
      }[];
      staff: { orgUnitId: number; orgUnitCode: string; orgUnitPath: string; role: StaffRole }[];
    };

export type SignedInActor = Extract<Actor, { kind: "user" }>;

export const isStaff = (actor: Actor) => actor.kind === "user" && actor.staff.length > 0;
export const isProducerMember = (actor: Actor) =>
  actor.kind === "user" && actor.producers.length > 0;
