import { DEMO_ACCOUNTS, type DemoAccount } from "~db/seed/demo-accounts";

/**
 * Logs a demo account in on a running server (tests/helpers/server.ts) the way a browser
 * without JavaScript posts the log-in form, and returns its session cookie ("cc_session=…")
 * for the `Cookie` header of later requests. Throws when the log-in does not succeed.
 */
export async function demoSessionCookie(
  serverUrl: string,
  key: DemoAccount["key"],
  options: { lang?: "vi" | "en" } = {},
): Promise<string> {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.key === key);
  if (!account) throw new Error(`no demo account ${key}`);
  const login = await fetch(`${serverUrl}/dang-nhap`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: serverUrl,
      "Content-Type": "application/x-www-form-urlencoded",
      ...(options.lang ? { Cookie: `lang=${options.lang}` } : {}),
    },
    body: new URLSearchParams({ identifier: account.email, password: account.password }),
  });
  const session = login.headers.getSetCookie().find((c) => c.startsWith("cc_session="));
  if (!session) throw new Error(`log-in of ${key} failed with ${login.status}`);
  return session.split(";")[0] ?? "";
}
