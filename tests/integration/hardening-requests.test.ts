import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TooManyRequests } from "~/lib/errors";
import {
  apiError,
  formError,
  handle,
  keepRetryAfter,
  toResponse,
} from "~/modules/platform/http.server";
import { DEMO_ACCOUNTS } from "~db/seed/demo-accounts";
import { changedTables, databaseFingerprint } from "../helpers/db-snapshot";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * Issue 10, findings 4–6, replayed against the real server (`npm start`'s script on a fresh
 * database): non-ASCII redirect targets, `Retry-After` on 429s, `?_data=` requests and the
 * Secure flag of cookies in demo and live mode. Requests go through node:http, which neither
 * follows redirects nor re-encodes headers, so the bytes of `Location` are the server's own.
 */

interface RawAnswer {
  status: number;
  /** Header values as sent, by lower-case name; each byte is one character (latin1). */
  headers: Map<string, string[]>;
  body: string;
}

function send(
  server: StartedServer,
  method: string,
  path: string,
  options: { form?: Record<string, string>; cookie?: string } = {},
): Promise<RawAnswer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { Origin: server.url };
  if (body !== undefined) headers["Content-Type"] = "application/x-www-form-urlencoded";
  if (options.cookie) headers.Cookie = options.cookie;
  return new Promise((resolveAnswer, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const answerHeaders = new Map<string, string[]>();
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = (res.rawHeaders[i] ?? "").toLowerCase();
          answerHeaders.set(name, [
            ...(answerHeaders.get(name) ?? []),
            res.rawHeaders[i + 1] ?? "",
          ]);
        }
        resolveAnswer({
          status: res.statusCode ?? 0,
          headers: answerHeaders,
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

function header(answer: RawAnswer, name: string): string | null {
  return answer.headers.get(name)?.[0] ?? null;
}

function setCookies(answer: RawAnswer): string[] {
  return answer.headers.get("set-cookie") ?? [];
}

/** A Location a browser will keep on this site: printable ASCII, "/…", never "//…". */
function expectSameOriginAscii(location: string | null): void {
  expect(location).not.toBeNull();
  expect(location).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  expect(() => decodeURIComponent(location ?? "")).not.toThrow();
}

const BUYER = DEMO_ACCOUNTS.find((account) => account.key === "buyer");
const VIETNAMESE_PATH = "/tìm-kiếm";
const VIETNAMESE_PATH_ENCODED = "/t%C3%ACm-ki%E1%BA%BFm";
const LEAVING_TARGETS = [
  "//evil.example",
  "/\\evil.example",
  "https://evil.example/",
  "https:evil.example",
  "/..//evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/\tevil.example",
  "/a\r\nSet-Cookie: x=1",
];

describe("hardening of redirects, 429s and data requests (real server, demo mode)", () => {
  let server: StartedServer;

  beforeAll(async () => {
    server = await startServer();
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  }, 30_000);

  const fingerprint = () => databaseFingerprint(server.databasePath);

  async function signInBuyer(): Promise<string> {
    if (!BUYER) throw new Error("no demo buyer");
    const answer = await send(server, "POST", "/dang-nhap", {
      form: { identifier: BUYER.phone, password: BUYER.password },
    });
    expect(answer.status).toBe(302);
    const pair = (setCookies(answer).find((c) => c.startsWith("cc_session=")) ?? "").split(";")[0];
    expect(pair).toMatch(/^cc_session=[A-Za-z0-9_-]{43}$/);
    return pair ?? "";
  }

  describe("non-ASCII redirect targets", () => {
    it("logs in and follows next=/tìm-kiếm percent-encoded, with the session cookie", async () => {
      if (!BUYER) throw new Error("no demo buyer");
      const answer = await send(server, "POST", "/dang-nhap", {
        form: { identifier: BUYER.phone, password: BUYER.password, next: VIETNAMESE_PATH },
      });
      expect(answer.status).toBe(302);
      expect(header(answer, "location")).toBe(VIETNAMESE_PATH_ENCODED);
      const session = setCookies(answer).find((c) => c.startsWith("cc_session="));
      expect(session).toBeDefined();
      // Demo mode serves plain http: a Secure cookie would never come back.
      expect(session).not.toMatch(/;\s*Secure/i);
      const pair = session?.split(";")[0] ?? "";
      expect((await send(server, "GET", "/tai-khoan", { cookie: pair })).status).toBe(200);
    });

    it("encodes a Vietnamese query too, and the loader's own redirect", async () => {
      if (!BUYER) throw new Error("no demo buyer");
      const cookie = await signInBuyer();
      const next = encodeURIComponent("/tìm-kiếm?q=cà phê");
      const answer = await send(server, "GET", `/dang-nhap?next=${next}`, { cookie });
      expect(answer.status).toBe(302);
      expect(header(answer, "location")).toBe(`${VIETNAMESE_PATH_ENCODED}?q=c%C3%A0%20ph%C3%AA`);
    });

    it("switches the language and goes back to /tìm-kiếm, encoded; no table changes", async () => {
      const before = fingerprint();
      const answer = await send(server, "POST", "/ngon-ngu", {
        form: { lang: "en", redirectTo: `${VIETNAMESE_PATH}?q=Cà phê` },
      });
      expect(answer.status).toBe(302);
      expect(header(answer, "location")).toBe(`${VIETNAMESE_PATH_ENCODED}?q=C%C3%A0%20ph%C3%AA`);
      const lang = setCookies(answer).find((c) => c.startsWith("lang="));
      expect(lang).toMatch(/^lang=en;/);
      expect(lang).not.toMatch(/;\s*Secure/i);
      // Latin-1 letters only: these used to go out as raw bytes instead of failing.
      const latin1 = await send(server, "POST", "/ngon-ngu", {
        form: { lang: "vi", redirectTo: "/tìm?q=café" },
      });
      expect(header(latin1, "location")).toBe("/t%C3%ACm?q=caf%C3%A9");
      expect(changedTables(before, fingerprint())).toEqual([]);
    });

    it("sends every target that could leave the site home, from both forms", async () => {
      if (!BUYER) throw new Error("no demo buyer");
      const before = fingerprint();
      for (const target of LEAVING_TARGETS) {
        const switched = await send(server, "POST", "/ngon-ngu", {
          form: { lang: "vi", redirectTo: target },
        });
        expect(switched.status, JSON.stringify(target)).toBe(302);
        expect(header(switched, "location"), JSON.stringify(target)).toBe("/");
      }
      expect(changedTables(before, fingerprint())).toEqual([]);
      for (const target of LEAVING_TARGETS) {
        const loggedIn = await send(server, "POST", "/dang-nhap", {
          form: { identifier: BUYER.phone, password: BUYER.password, next: target },
        });
        expect(loggedIn.status, JSON.stringify(target)).toBe(302);
        // The buyer's own home, never the target.
        expectSameOriginAscii(header(loggedIn, "location"));
        expect(header(loggedIn, "location"), JSON.stringify(target)).not.toContain("evil");
      }
    });
  });

  describe("data requests are answered like their page", () => {
    /** The page and its `?_data=` request: same status, and the data is JSON. */
    async function expectLikeItsPage(
      path: string,
      routeId: string,
      options: { method?: string; form?: Record<string, string>; cookie?: string } = {},
    ): Promise<{ page: RawAnswer; data: RawAnswer }> {
      const method = options.method ?? (options.form ? "POST" : "GET");
      const separator = path.includes("?") ? "&" : "?";
      const page = await send(server, method, path, options);
      const data = await send(
        server,
        method,
        `${path}${separator}_data=${encodeURIComponent(routeId)}`,
        options,
      );
      expect(data.status, `${method} ${path}`).toBe(page.status);
      expect(header(data, "content-type"), `${method} ${path}`).toMatch(/^application\/json/);
      expect(() => JSON.parse(data.body) as unknown, data.body).not.toThrow();
      return { page, data };
    }

    it("a wrong password: 400 for both; only the attempt is recorded", async () => {
      const before = fingerprint();
      const { data } = await expectLikeItsPage("/dang-nhap", "routes/dang-nhap", {
        form: { identifier: "0900009001", password: "sai mật khẩu" },
      });
      expect(data.status).toBe(400);
      expect(data.body).toContain("không đúng");
      // A failed login is counted in login_failures (that is the rate limit); nothing else.
      expect(changedTables(before, fingerprint(), ["login_failures"])).toEqual([]);
    });

    it("the other account forms: 400 for both, and nothing stored", async () => {
      const before = fingerprint();
      await expectLikeItsPage("/dang-nhap", "routes/dang-nhap", { form: { identifier: "" } });
      await expectLikeItsPage("/dang-ky", "routes/dang-ky._index", {
        form: { displayName: "Hoa", phone: "0912000111", password: "a", confirmPassword: "b" },
      });
      await expectLikeItsPage("/dang-ky/nha-san-xuat", "routes/dang-ky.nha-san-xuat", {
        form: { displayName: "" },
      });
      await expectLikeItsPage("/gio-hang", "routes/gio-hang", {
        form: { intent: "add", listingId: "1", qty: "-3" },
      });
      expect(changedTables(before, fingerprint())).toEqual([]);
    });

    it("a signed-in buyer's forms and pages: the same status for both", async () => {
      const cookie = await signInBuyer();
      const before = fingerprint();
      const account = await expectLikeItsPage("/tai-khoan", "routes/tai-khoan", {
        form: { intent: "profile", displayName: "x", locale: "vi" },
        cookie,
      });
      expect(account.data.status).toBe(400);
      const request = await expectLikeItsPage("/yeu-cau-mua/moi", "routes/yeu-cau-mua.moi", {
        form: { title: "" },
        cookie,
      });
      expect(request.data.status).toBe(400);
      const page = await expectLikeItsPage("/tai-khoan", "routes/tai-khoan", { cookie });
      expect(page.data.status).toBe(200);
      expect(JSON.parse(page.data.body)).toMatchObject({ account: expect.any(Object) });
      expect(changedTables(before, fingerprint())).toEqual([]);
    });

    it("the public pages: 200 and their data as JSON", async () => {
      for (const [path, routeId] of [
        ["/tim-kiem?q=c%C3%A0%20ph%C3%AA", "routes/tim-kiem"],
        ["/yeu-cau-mua", "routes/yeu-cau-mua._index"],
        ["/dang-nhap?next=%2Fgio-hang", "routes/dang-nhap"],
      ] as const) {
        const { data } = await expectLikeItsPage(path, routeId);
        expect(data.status, path).toBe(200);
        expect(JSON.parse(data.body), path).toBeTypeOf("object");
        expect(header(data, "cache-control"), path).toBe("no-store");
      }
    });

    it("a page's 404 is a 404 for its data request too", async () => {
      const { data } = await expectLikeItsPage("/yeu-cau-mua/khong-co", "routes/yeu-cau-mua.$code");
      expect(data.status).toBe(404);
    });

    it("a redirect stays on this site and is encoded", async () => {
      const data = await send(server, "POST", "/ngon-ngu?_data=routes%2Fngon-ngu", {
        form: { lang: "vi", redirectTo: VIETNAMESE_PATH },
      });
      // Remix's data protocol: 204 and the target in X-Remix-Redirect.
      expect(data.status).toBe(204);
      expect(header(data, "x-remix-redirect")).toBe(VIETNAMESE_PATH_ENCODED);
    });
  });

  describe("a rate-limited login", () => {
    it("answers 429 with Retry-After on the page, its .data and its ?_data= request", async () => {
      const identifier = "0900009002";
      for (let i = 0; i < 5; i++) {
        const failed = await send(server, "POST", "/dang-nhap", {
          form: { identifier, password: `sai ${i}` },
        });
        expect(failed.status).toBe(400);
      }
      const before = fingerprint();
      const form = { identifier, password: "sai nữa" };
      for (const path of ["/dang-nhap", "/dang-nhap.data", "/dang-nhap?_data=routes%2Fdang-nhap"]) {
        const limited = await send(server, "POST", path, { form });
        expect(limited.status, path).toBe(429);
        const retryAfter = header(limited, "retry-after") ?? "";
        expect(retryAfter, path).toMatch(/^[1-9]\d*$/);
        expect(Number(retryAfter), path).toBeLessThanOrEqual(15 * 60);
        expect(
          setCookies(limited).some((c) => c.startsWith("cc_session=")),
          path,
        ).toBe(false);
      }
      // A refused attempt is not even counted: no table changed.
      expect(changedTables(before, fingerprint())).toEqual([]);
    });
  });
});

describe("every 429 the app builds says when to come back", () => {
  const limited = () =>
    new TooManyRequests("auth.error.rateLimited", 120, { minutes: 2, time: "10:42" });

  /** Status and headers of what a loader/action helper answered: Response or data(). */
  function statusAndHeaders(value: unknown): { status: number; headers: Headers } {
    if (value instanceof Response) return { status: value.status, headers: value.headers };
    if (typeof value === "object" && value !== null && "init" in value) {
      const init = (value.init ?? {}) as ResponseInit;
      return { status: init.status ?? 200, headers: new Headers(init.headers) };
    }
    throw new Error(`not an answer: ${String(value)}`);
  }

  async function thrownBy(fn: () => Promise<unknown>): Promise<unknown> {
    try {
      await fn();
    } catch (thrown) {
      return thrown;
    }
    throw new Error("nothing was thrown");
  }

  it("as a page error, an API error, a form error, and through handle()", async () => {
    const answers = [
      toResponse(limited(), "vi"),
      apiError(limited(), "en"),
      formError(limited(), "vi"),
      await thrownBy(() =>
        handle(async () => Promise.reject(limited()))({ request: new Request("http://x/a") }),
      ),
      // Remix's own ?_data= request: a real Response, so the header survives.
      await thrownBy(() =>
        handle(async () => Promise.reject(limited()))({
          request: new Request("http://x/a?_data=routes%2Fa"),
        }),
      ),
    ];
    for (const answer of answers) {
      const { status, headers } = statusAndHeaders(answer);
      expect(status).toBe(429);
      expect(headers.get("Retry-After")).toBe("120");
    }
  });

  it("keepRetryAfter passes it on to the page from an action, a loader or an error", () => {
    const withRetry = new Headers({ "Retry-After": "60" });
    const none = new Headers();
    const parentHeaders = new Headers({ "Cache-Control": "no-store" });
    for (const args of [
      { actionHeaders: withRetry, loaderHeaders: none, errorHeaders: undefined },
      { actionHeaders: none, loaderHeaders: withRetry, errorHeaders: undefined },
      { actionHeaders: none, loaderHeaders: none, errorHeaders: withRetry },
    ]) {
      const headers = new Headers(keepRetryAfter({ ...args, parentHeaders }));
      expect(headers.get("Retry-After")).toBe("60");
      expect(headers.get("Cache-Control")).toBe("no-store");
    }
    const plain = new Headers(
      keepRetryAfter({
        actionHeaders: none,
        loaderHeaders: none,
        errorHeaders: undefined,
        parentHeaders,
      }),
    );
    expect(plain.has("Retry-After")).toBe(false);
  });
});

describe("live mode (real server)", () => {
  let server: StartedServer;

  beforeAll(async () => {
    server = await startServer({
      env: { APP_MODE: "live", SESSION_SECRET: "s".repeat(48) },
    });
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  }, 30_000);

  it("marks the session, language and guest-cart cookies Secure", async () => {
    const signedUp = await send(server, "POST", "/dang-ky", {
      form: {
        displayName: "Lê Thị Mai",
        phone: "0912000222",
        password: "Sen hồng Quảng Trị 2026",
        confirmPassword: "Sen hồng Quảng Trị 2026",
        acceptTerms: "on",
        buyerKind: "individual",
        next: VIETNAMESE_PATH,
      },
    });
    expect(signedUp.status).toBe(302);
    expect(header(signedUp, "location")).toBe(VIETNAMESE_PATH_ENCODED);
    const session = setCookies(signedUp).find((c) => c.startsWith("cc_session="));
    expect(session).toMatch(/;\s*Secure/i);

    const switched = await send(server, "POST", "/ngon-ngu", {
      form: { lang: "en", redirectTo: "/" },
    });
    expect(setCookies(switched).find((c) => c.startsWith("lang="))).toMatch(/;\s*Secure/i);

    const product = /href="\/san-pham\/([^"?#]+)"/.exec((await send(server, "GET", "/")).body);
    expect(product, "a product on the home page").not.toBeNull();
    const page = await send(server, "GET", `/san-pham/${product?.[1] ?? ""}`);
    const listingId = /name="listingId" value="(\d+)"/.exec(page.body)?.[1];
    expect(listingId, "the add-to-cart form").toBeDefined();
    const added = await send(server, "POST", "/gio-hang", {
      form: { intent: "add", listingId: listingId ?? "", qty: "1" },
    });
    expect(added.status).toBe(303);
    const cart = setCookies(added).find((c) => c.startsWith("cc_cart="));
    expect(cart).toMatch(/;\s*Secure/i);
  });
});
