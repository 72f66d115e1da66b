import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { notifications, producerMemberships, users, type Locale } from "~db/schema";

export type LocalizedMessage = Record<Locale, { title: string; body: string }>;

/**
 * Puts an in-app notification (the bell) in front of every member of a producer, each in
 * their own language. Runs inside the caller's transaction.
 */
export function notifyProducerMembers(
  db: Db,
  producerId: number,
  kind: string,
  message: LocalizedMessage,
  link: string | null,
): number {
  const members = db
    .select({ userId: users.id, locale: users.locale })
    .from(producerMemberships)
    .innerJoin(users, eq(users.id, producerMemberships.userId))
    .where(eq(producerMemberships.producerId, producerId))
    .all();
  if (members.length === 0) return 0;
  db.insert(notifications)
    .values(
      members.map((member) => ({
        userId: member.userId,
        kind,
        title: message[member.locale].title,
        body: message[member.locale].body,
        link,
      })),
    )
    .run();
  return members.length;
}
