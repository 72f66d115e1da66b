import { eq } from "drizzle-orm";
import { en } from "~/lib/i18n/en";
import { vi } from "~/lib/i18n/vi";
import type { Db } from "~db/client.server";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import { users } from "~db/schema";
import { demoSessionCookie } from "./demo-login";
import type { StartedServer } from "./server";

/**
 * For the tests that read pages in English (issue 9): the fixed parts of every Vietnamese
 * catalog sentence that the English catalog does not share, longer than 12 characters, and a
 * page's text with its HTML entities decoded so they can be looked for.
 */
export const VIETNAMESE_FRAGMENTS: readonly string[] = [
  ...new Set(
    Object.entries(vi).flatMap(([key, text]) =>
      text === en[key as keyof typeof en]
        ? []
        : text
            .split(/\{\w+\}/)
            .map((part) => part.trim())
            .filter((part) => part.length > 12),
    ),
  ),
];

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The page as a reader sees its characters (entities decoded), markup kept. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** The Vietnamese catalog fragments found in `text` (an English page should have none). */
export function vietnameseIn(text: string): string[] {
  return VIETNAMESE_FRAGMENTS.filter((fragment) => text.includes(fragment));
}

/**
 * Signs the demo buyer in on the real server with the interface in English, and saves English
 * on the account too (the account's choice decides for pages). Returns the cookie header to
 * send and the buyer's user id.
 */
export async function signInDemoBuyerInEnglish(
  server: StartedServer,
  db: Db,
): Promise<{ cookie: string; buyerId: number }> {
  const buyer = DEMO_ACCOUNTS.find((account) => account.key === "buyer");
  if (!buyer) throw new Error("no demo buyer");
  const session = await demoSessionCookie(server.url, "buyer", { lang: "en" });
  const user = db.select().from(users).where(eq(users.email, buyer.email)).get();
  if (!user) throw new Error("no demo buyer row");
  db.update(users).set({ locale: "en" }).where(eq(users.id, user.id)).run();
  return { cookie: `lang=en; ${session}`, buyerId: user.id };
}
