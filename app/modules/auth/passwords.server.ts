import { hash, verify } from "@node-rs/argon2";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Password hashing (argon2id) and the password policy: at least 8 characters and not in
 * the common-password lists. docs/decisions/004-sessions-and-login.md gives the reasons.
 */

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (about 30 ms here). */
const ARGON2_OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id; a const enum that isolatedModules cannot import
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 8;
/** argon2 takes any length; this only stops megabyte "passwords" from costing CPU. */
export const PASSWORD_MAX_LENGTH = 200;

/** An argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) for the password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), ARGON2_OPTIONS);
}

/** True when `password` matches the stored hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

// A real hash of a random string, computed once: verifying against it when the account does
// not exist costs the same time as a real check, so response times do not reveal accounts.
let dummyHash: Promise<string> | undefined;

/** Spends the time of one password check; used when there is no account to check against. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  await verifyPassword(await dummyHash, password);
  return false;
}

const VI_LIST_FILE = "common-passwords-vi.txt";

/**
 * Where the Vietnamese list is: next to this module when it runs from source (Vitest, tsx,
 * the dev server), or under app/ when it runs bundled in build/server/index.js.
 */
function viListPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, VI_LIST_FILE),
    join(here, "..", "..", "app", "modules", "auth", VI_LIST_FILE),
    join(process.cwd(), "app", "modules", "auth", VI_LIST_FILE),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`${VI_LIST_FILE} not found (looked in ${candidates.join(", ")})`);
  return found;
}

/** The Vietnamese list: one password a line, `#` comments, compared in lower case. */
export function readVietnamesePasswords(): string[] {
  return readFileSync(viListPath(), "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim().normalize("NFC").toLowerCase())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

let commonPasswords: Promise<ReadonlySet<string>> | undefined;

/**
 * The common passwords (lower case), loaded once on first use: the 49,233 of
 * @zxcvbn-ts/language-common (from leaked-password frequency lists) plus the Vietnamese list.
 */
export function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(({ dictionary }) => {
    const set = new Set<string>();
    for (const word of dictionary["passwords-common"]) set.add(word.toLowerCase());
    for (const word of readVietnamesePasswords()) set.add(word);
    return set;
  });
  return commonPasswords;
}

export type PasswordProblem = "tooShort" | "tooLong" | "common";

/** Why the password is refused, or null when the policy accepts it. */
export async function checkPasswordPolicy(password: string): Promise<PasswordProblem | null> {
  const normalized = password.normalize("NFC");
  if ([...normalized].length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (normalized.length > PASSWORD_MAX_LENGTH) return "tooLong";
  const common = await loadCommonPasswords();
  if (common.has(normalized.toLowerCase())) return "common";
  return null;
}
