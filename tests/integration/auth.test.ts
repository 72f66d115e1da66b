import { createHash, createHmac } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  buyerProfiles,
  loginFailures,
  orgUnits,
  producerMemberships,
  producers,
  sessions,
  staffMemberships,
  users,
} from "~db/schema";
import { createUser } from "~/modules/auth/accounts.server";
import { isSameOrigin } from "~/modules/auth/origin.server";
import { LOGIN_LIMITS } from "~/modules/auth/rate-limit.server";
import {
  clearSessionCookieHeader,
  createSession,
  getActor,
  loadActor,
  requireBuyer,
  requireProducerActor,
  requireStaff,
  requireUser,
  sessionCookieHeader,
  sessionIdOf,
} from "~/modules/auth/session.server";
import { setDbForTests } from "~/modules/platform/db.server";
import * as loginRoute from "~/routes/dang-nhap";
import * as signUpRoute from "~/routes/dang-ky._index";
import * as applyRoute from "~/routes/dang-ky.nha-san-xuat";
import * as logoutRoute from "~/routes/dang-xuat";
import * as accountRoute from "~/routes/tai-khoan";
import { freshDb, type Db } from "../helpers/db";

/**
 * The account routes called directly with real Request objects against a fresh migrated
 * database per test: log in, rate limits, cookies, log out, origin checks, sign-up, the
 * producer application and the account page.
 */

const ORIGIN = "http://localhost:3000";
const PASSWORD = "Sen hồng Quảng Trị 2026";
const PHONE = "0912 345 678";
const STORED_PHONE = "+84912345678";
const EMAIL = "chi.hoa@example.vn";

type RouteFn = (args: {
  request: Request;
  params: Record<string, string>;
  context: { clientIp: string };
}) => unknown;

interface Outcome {
  status: number;
  headers: Headers;
  body: unknown;
}

/** What a loader/action answered (returned or thrown): a Response, data() or plain data. */
async function outcomeOf(value: unknown): Promise<Outcome> {
  if (value instanceof Response) {
    const text = await value.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: value.status, headers: value.headers, body };
  }
  if (typeof value === "object" && value !== null && "type" in value) {
    if (value.type === "DataWithResponseInit" && "init" in value && "data" in value) {
      const init = (value.init ?? {}) as ResponseInit;
      return { status: init.status ?? 200, headers: new Headers(init.headers), body: value.data };
    }
  }
  return { status: 200, headers: new Headers(), body: value };
}

async function call(fn: RouteFn, request: Request, ip = "203.0.113.7"): Promise<Outcome> {
  try {
    return await outcomeOf(await fn({ request, params: {}, context: { clientIp: ip } }));
  } catch (thrown) {
    if (thrown instanceof Response || (typeof thrown === "object" && thrown !== null)) {
      if (thrown instanceof Error) throw thrown;
      return outcomeOf(thrown);
    }
    throw thrown;
  }
}

function post(
  path: string,
  fields: Record<string, string>,
  options: { cookie?: string; origin?: string | null } = {},
): Request {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (options.origin !== null) headers.set("Origin", options.origin ?? ORIGIN);
  if (options.cookie) headers.set("Cookie", options.cookie);
  return new Request(ORIGIN + path, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields).toString(),
  });
}

function get(path: string, cookie?: string): Request {
  return new Request(ORIGIN + path, { headers: cookie ? { Cookie: cookie } : {} });
}

/** The `Cookie` request header a browser would send back after this `Set-Cookie`. */
function cookieFrom(outcome: Outcome): string {
  const setCookie = outcome.headers.get("Set-Cookie") ?? "";
  const pair = setCookie.split(";")[0] ?? "";
  expect(pair).toMatch(/^cc_session=[A-Za-z0-9_-]{43}$/);
  return pair;
}

function errorsOf(outcome: Outcome): Record<string, string[] | null> {
  const body = outcome.body as { error?: Record<string, string[] | null> };
  return body.error ?? {};
}

const countOf = (db: Db, table: typeof users | typeof sessions | typeof producers) =>
  db.select({ n: count() }).from(table).get()?.n ?? -1;

let db: Db;

beforeEach(async () => {
  db = freshDb();
  setDbForTests(db);
  await createUser(db, {
    displayName: "Nguyễn Thị Hoa",
    phone: STORED_PHONE,
    email: EMAIL,
    password: PASSWORD,
  });
});

const login = (identifier: string, password: string, extra: Record<string, string> = {}) =>
  call(loginRoute.action as RouteFn, post("/dang-nhap", { identifier, password, ...extra }));

describe("log in", () => {
  it("a wrong password gives a Vietnamese error, no session and no cookie", async () => {
    const outcome = await login(PHONE, "not the password");
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)[""]).toEqual(["Số điện thoại/e-mail hoặc mật khẩu không đúng."]);
    expect(outcome.headers.get("Set-Cookie")).toBeNull();
    expect(countOf(db, sessions)).toBe(0);
    // The identifier stays typed; the password is never sent back.
    const initial = (outcome.body as { initialValue?: Record<string, unknown> }).initialValue;
    expect(initial?.identifier).toBe(PHONE);
    expect(initial?.password).toBeUndefined();
  });

  it("an unknown account gets the same answer", async () => {
    const outcome = await login("0987654321", PASSWORD);
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)[""]).toEqual(["Số điện thoại/e-mail hoặc mật khẩu không đúng."]);
  });

  it("logs in by phone (any spelling) or e-mail with an httpOnly, SameSite=Lax cookie", async () => {
    for (const identifier of [PHONE, "+84912345678", "CHI.HOA@example.vn"]) {
      const outcome = await login(identifier, PASSWORD);
      expect(outcome.status, identifier).toBe(302);
      expect(outcome.headers.get("Location")).toBe("/");
      const setCookie = outcome.headers.get("Set-Cookie") ?? "";
      expect(setCookie).toMatch(/^cc_session=[A-Za-z0-9_-]{43}; /);
      expect(setCookie).toContain("HttpOnly");
      expect(setCookie).toContain("SameSite=Lax");
      expect(setCookie).toContain("Path=/");
      expect(setCookie).toContain(`Max-Age=${30 * 24 * 3600}`);
      // Tests run in demo mode: no Secure flag (it would break the demo over plain http).
      expect(setCookie).not.toContain("Secure");
    }
  });

  it("marks the cookie Secure in live mode only, whatever NODE_ENV says", () => {
    const expires = new Date(Date.now() + 60_000);
    const header = sessionCookieHeader("t".repeat(43), expires, { APP_MODE: "live" });
    expect(header).toContain("; Secure");
    expect(header).toContain("HttpOnly");
    expect(header).toContain("SameSite=Lax");
    expect(clearSessionCookieHeader({ APP_MODE: "live" })).toContain("; Secure");
    expect(sessionCookieHeader("t".repeat(43), expires, { APP_MODE: "demo" })).not.toContain(
      "Secure",
    );
  });

  it("stores only a hash of the token, and the cookie signs the user in", async () => {
    const cookie = cookieFrom(await login(PHONE, PASSWORD));
    const token = cookie.slice("cc_session=".length);
    const row = db.select().from(sessions).get();
    expect(row?.id).toBe(sessionIdOf(token));
    expect(row?.id).toMatch(/^[0-9a-f]{64}$/);
    // SHA-256 of the token, keyed with SESSION_SECRET (HMAC) when one is configured.
    expect(sessionIdOf(token, { SESSION_SECRET: undefined })).toBe(
      createHash("sha256").update(token).digest("hex"),
    );
    const secret = "s".repeat(32);
    expect(sessionIdOf(token, { SESSION_SECRET: secret })).toBe(
      createHmac("sha256", secret).update(token).digest("hex"),
    );
    expect(row?.ipAddress).toBe("203.0.113.7");
    const actor = await getActor(get("/", cookie));
    expect(actor.kind).toBe("user");
    expect(actor.kind === "user" && actor.displayName).toBe("Nguyễn Thị Hoa");
  });

  it("gives a new session id at every login and forgets the one the browser had", async () => {
    const first = cookieFrom(await login(PHONE, PASSWORD));
    const second = await call(
      loginRoute.action as RouteFn,
      post("/dang-nhap", { identifier: PHONE, password: PASSWORD }, { cookie: first }),
    );
    const secondCookie = cookieFrom(second);
    expect(secondCookie).not.toBe(first);
    expect(countOf(db, sessions)).toBe(1);
    expect(loadActor(db, get("/", first)).kind).toBe("anonymous");
    expect(loadActor(db, get("/", secondCookie)).kind).toBe("user");
  });

  it("a planted session id is never the one that gets signed in", async () => {
    const planted = "cc_session=" + "A".repeat(43);
    const outcome = await call(
      loginRoute.action as RouteFn,
      post("/dang-nhap", { identifier: PHONE, password: PASSWORD }, { cookie: planted }),
    );
    expect(cookieFrom(outcome)).not.toBe(planted);
    expect(loadActor(db, get("/", planted)).kind).toBe("anonymous");
  });

  it("follows a relative `next` and ignores one that leaves the site", async () => {
    const inside = await login(PHONE, PASSWORD, { next: "/gio-hang?b=1" });
    expect(inside.headers.get("Location")).toBe("/gio-hang?b=1");
    for (const next of [
      "//evil.example/x",
      "https://evil.example/",
      "/\\evil.example",
      "/..//evil.example",
      "/%2F%2Fevil.example",
    ]) {
      const outside = await login(PHONE, PASSWORD, { next });
      expect(outside.headers.get("Location"), next).toBe("/");
    }
  });

  it("follows a Vietnamese `next` percent-encoded, with the session cookie", async () => {
    const outcome = await login(PHONE, PASSWORD, { next: "/tìm-kiếm?q=cà phê" });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe("/t%C3%ACm-ki%E1%BA%BFm?q=c%C3%A0%20ph%C3%AA");
    expect(cookieFrom(outcome)).toMatch(/^cc_session=/);
    expect(countOf(db, sessions)).toBe(1);
  });

  it("sends staff to /quan-ly and producers to /ban-hang", async () => {
    const province = db
      .insert(orgUnits)
      .values({ code: "QT", name: "Hội LHPN tỉnh Quảng Trị", level: "province", path: "/1/" })
      .returning()
      .get();
    const staffId = await createUser(db, {
      displayName: "Cán bộ",
      email: "canbo@example.vn",
      password: PASSWORD,
    });
    db.insert(staffMemberships)
      .values({ userId: staffId, orgUnitId: province.id, role: "moderator" })
      .run();
    expect((await login("canbo@example.vn", PASSWORD)).headers.get("Location")).toBe("/quan-ly");

    const producerId = db
      .insert(producers)
      .values({
        code: "SX001",
        name: "HTX Thử",
        kind: "htx",
        orgUnitId: province.id,
        commune: "xã Thử",
        address: "thôn Thử",
        membersTotal: 5,
      })
      .returning()
      .get().id;
    const ownerId = await createUser(db, {
      displayName: "Chủ nhiệm",
      email: "htx@example.vn",
      password: PASSWORD,
    });
    db.insert(producerMemberships).values({ userId: ownerId, producerId, role: "owner" }).run();
    expect((await login("htx@example.vn", PASSWORD)).headers.get("Location")).toBe("/ban-hang");
  });

  it("redirects a signed-in visitor away from the log-in page", async () => {
    const cookie = cookieFrom(await login(PHONE, PASSWORD));
    const outcome = await call(
      loginRoute.loader as RouteFn,
      get("/dang-nhap?next=/gio-hang", cookie),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe("/gio-hang");
  });
});

describe("failed logins are rate-limited", () => {
  it("per account: after 5 failures even the right password is refused with when to retry", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await login(PHONE, `wrong ${i}`)).status).toBe(400);
    }
    const limited = await login(PHONE, PASSWORD);
    expect(limited.status).toBe(429);
    const [message] = errorsOf(limited)[""] ?? [];
    expect(message).toMatch(
      /^Bạn đã nhập sai quá nhiều lần\. Vui lòng thử lại sau 15 phút \(lúc \d{2}:\d{2}\)\.$/,
    );
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect(limited.headers.get("Set-Cookie")).toBeNull();
    expect(countOf(db, sessions)).toBe(0);
    // The same account by another spelling is the same bucket.
    expect((await login("+84 912 345 678", PASSWORD)).status).toBe(429);
    // A refused attempt is not counted: the wait does not grow.
    const failures = db.select({ n: count() }).from(loginFailures).get()?.n;
    expect(failures).toBe(LOGIN_LIMITS.perAccount * 2);
  });

  it("per IP address: 20 failures on any accounts block that address only", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      const outcome = await call(
        loginRoute.action as RouteFn,
        post("/dang-nhap", { identifier: `09000001${String(i).padStart(2, "0")}`, password: "x" }),
        "198.51.100.9",
      );
      expect(outcome.status).toBe(400);
    }
    const fromThatAddress = await call(
      loginRoute.action as RouteFn,
      post("/dang-nhap", { identifier: PHONE, password: PASSWORD }),
      "198.51.100.9",
    );
    expect(fromThatAddress.status).toBe(429);
    expect(errorsOf(fromThatAddress)[""]?.[0]).toContain("Bạn đã nhập sai quá nhiều lần");
    const fromElsewhere = await call(
      loginRoute.action as RouteFn,
      post("/dang-nhap", { identifier: PHONE, password: PASSWORD }),
      "192.0.2.1",
    );
    expect(fromElsewhere.status).toBe(302);
  });

  it("a successful login clears the account's failures", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) await login(PHONE, "wrong");
    expect((await login(PHONE, PASSWORD)).status).toBe(302);
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) await login(PHONE, "wrong");
    expect((await login(PHONE, PASSWORD)).status).toBe(302);
  });
});

describe("log out", () => {
  it("deletes the session row, clears the cookie and makes the old cookie useless", async () => {
    const cookie = cookieFrom(await login(PHONE, PASSWORD));
    expect(countOf(db, sessions)).toBe(1);
    const outcome = await call(logoutRoute.action as RouteFn, post("/dang-xuat", {}, { cookie }));
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe("/");
    expect(outcome.headers.get("Set-Cookie")).toMatch(/^cc_session=; .*Max-Age=0/);
    expect(countOf(db, sessions)).toBe(0);
    expect((await getActor(get("/", cookie))).kind).toBe("anonymous");
    const page = await call(accountRoute.loader as RouteFn, get("/tai-khoan", cookie));
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe("/dang-nhap?next=%2Ftai-khoan");
  });

  it("logs out only by POST: GET shows a confirmation", async () => {
    const cookie = cookieFrom(await login(PHONE, PASSWORD));
    const page = await call(logoutRoute.loader as RouteFn, get("/dang-xuat", cookie));
    expect(page.status).toBe(200);
    expect(countOf(db, sessions)).toBe(1);
  });

  it("an expired session is anonymous", async () => {
    const user = db.select().from(users).get();
    if (!user) throw new Error("no user");
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    const session = await createSession(db, user.id, {}, longAgo);
    expect(loadActor(db, get("/", session.cookie)).kind).toBe("anonymous");
  });
});

describe("requests from another origin are refused", () => {
  it("a log-in POST with a foreign Origin gets 403 and changes nothing", async () => {
    const outcome = await call(
      loginRoute.action as RouteFn,
      post(
        "/dang-nhap",
        { identifier: PHONE, password: PASSWORD },
        { origin: "https://evil.example" },
      ),
    );
    expect(outcome.status).toBe(403);
    expect(outcome.headers.get("Set-Cookie")).toBeNull();
    expect(countOf(db, sessions)).toBe(0);
  });

  it("a log-out or sign-up POST with a foreign Origin gets 403", async () => {
    const cookie = cookieFrom(await login(PHONE, PASSWORD));
    const logout = await call(
      logoutRoute.action as RouteFn,
      post("/dang-xuat", {}, { cookie, origin: "https://evil.example" }),
    );
    expect(logout.status).toBe(403);
    expect(countOf(db, sessions)).toBe(1);
    const signUp = await call(
      signUpRoute.action as RouteFn,
      post("/dang-ky", { ...validSignUp, phone: "0987000111" }, { origin: "null" }),
    );
    expect(signUp.status).toBe(403);
    expect(countOf(db, users)).toBe(1);
  });

  it("decides by Origin, then Referer, then Sec-Fetch-Site", () => {
    const own = "http://localhost:3000";
    const check = (method: string, headers: Record<string, string>, publicUrl?: string) =>
      isSameOrigin(method, new Headers(headers), own, publicUrl);
    expect(check("GET", { Origin: "https://evil.example" })).toBe(true);
    expect(check("POST", { Origin: own })).toBe(true);
    expect(check("POST", { Origin: "https://evil.example" })).toBe(false);
    expect(check("POST", { Origin: "http://localhost:3001" })).toBe(false);
    expect(check("POST", { Origin: "null" })).toBe(false);
    expect(check("POST", { Origin: "https://cungcau.vn" }, "https://cungcau.vn/")).toBe(true);
    expect(check("DELETE", { Referer: `${own}/tai-khoan` })).toBe(true);
    expect(check("PUT", { Referer: "https://evil.example/page" })).toBe(false);
    expect(check("POST", {})).toBe(true); // curl and scripts carry no victim's cookie
    expect(check("POST", { "Sec-Fetch-Site": "same-origin" })).toBe(true);
    expect(check("POST", { "Sec-Fetch-Site": "cross-site" })).toBe(false);
    expect(check("PATCH", { "Sec-Fetch-Site": "same-site" })).toBe(false);
  });
});

const validSignUp = {
  displayName: "Trần Minh Khoa",
  phone: "0987 654 321",
  email: "",
  password: "Mực khô Cửa Tùng ngon",
  confirmPassword: "Mực khô Cửa Tùng ngon",
  acceptTerms: "on",
  buyerKind: "individual",
  companyName: "",
  taxCode: "",
};

const signUp = (fields: Record<string, string>) =>
  call(signUpRoute.action as RouteFn, post("/dang-ky", fields));

describe("sign up as a buyer", () => {
  it("creates the account and buyer profile, logs in and redirects", async () => {
    const outcome = await signUp(validSignUp);
    expect(outcome.status).toBe(302);
    const cookie = cookieFrom(outcome);
    const user = db.select().from(users).where(eq(users.phone, "+84987654321")).get();
    expect(user?.displayName).toBe("Trần Minh Khoa");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const profile = db
      .select()
      .from(buyerProfiles)
      .where(eq(buyerProfiles.userId, user?.id ?? 0))
      .get();
    expect(profile?.kind).toBe("individual");
    const actor = loadActor(db, get("/", cookie));
    expect(actor.kind === "user" && actor.isBuyer).toBe(true);
  });

  it("stores a business's company and tax code (digits only)", async () => {
    const outcome = await signUp({
      ...validSignUp,
      phone: "",
      email: "Bep@Truong.edu.vn",
      buyerKind: "school",
      companyName: "Trường Tiểu học Đông Hà",
      taxCode: "3200123456-001",
    });
    expect(outcome.status).toBe(302);
    const user = db.select().from(users).where(eq(users.email, "bep@truong.edu.vn")).get();
    const profile = db
      .select()
      .from(buyerProfiles)
      .where(eq(buyerProfiles.userId, user?.id ?? 0))
      .get();
    expect(profile).toMatchObject({
      kind: "school",
      companyName: "Trường Tiểu học Đông Hà",
      taxCode: "3200123456001",
    });
  });

  it.each([
    ["a bad phone", { phone: "0212 345 678" }, "phone", "Số điện thoại di động không hợp lệ"],
    ["no phone nor e-mail", { phone: "" }, "phone", "Nhập số điện thoại di động hoặc e-mail"],
    ["a bad e-mail", { email: "khoa@" }, "email", "Địa chỉ e-mail không hợp lệ."],
    [
      "a short password",
      { password: "Ab1!xyz", confirmPassword: "Ab1!xyz" },
      "password",
      "Mật khẩu cần ít nhất 8 ký tự.",
    ],
    [
      "a common password",
      { password: "password123", confirmPassword: "password123" },
      "password",
      "Mật khẩu này quá phổ biến",
    ],
    [
      "a common Vietnamese password",
      { password: "anhyeuem123", confirmPassword: "anhyeuem123" },
      "password",
      "Mật khẩu này quá phổ biến",
    ],
    [
      "passwords that differ",
      { confirmPassword: "something else entirely" },
      "confirmPassword",
      "Hai mật khẩu không giống nhau.",
    ],
    ["a duplicate phone", { phone: "0912.345.678" }, "phone", "Số điện thoại này đã có tài khoản"],
    ["a duplicate e-mail", { email: "CHI.HOA@example.vn" }, "email", "E-mail này đã có tài khoản"],
    [
      "a business without tax code",
      { buyerKind: "restaurant", companyName: "Nhà hàng Gió Lào" },
      "taxCode",
      "Mã số thuế gồm 10 số",
    ],
    [
      "a business without company name",
      { buyerKind: "hotel", taxCode: "3200123456" },
      "companyName",
      "Nhập tên doanh nghiệp",
    ],
    [
      "a bad tax code",
      { buyerKind: "hotel", companyName: "Khách sạn Sông Hiếu", taxCode: "12345" },
      "taxCode",
      "Mã số thuế gồm 10 số",
    ],
  ])("%s → a field error and nothing created", async (_case, change, field, message) => {
    const outcome = await signUp({ ...validSignUp, ...change });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)[field]?.join(" ")).toContain(message);
    expect(outcome.headers.get("Set-Cookie")).toBeNull();
    expect(countOf(db, users)).toBe(1);
    expect(countOf(db, sessions)).toBe(0);
    // Typed values are kept, passwords are not.
    const initial = (outcome.body as { initialValue?: Record<string, unknown> }).initialValue;
    expect(initial?.displayName).toBe(validSignUp.displayName);
    expect(initial?.password).toBeUndefined();
  });

  it("a filled honeypot creates nothing", async () => {
    const outcome = await signUp({ ...validSignUp, website: "http://spam.example" });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)[""]?.[0]).toContain("Không gửi được biểu mẫu");
    expect(countOf(db, users)).toBe(1);
    expect(countOf(db, sessions)).toBe(0);
  });

  it("a filled honeypot on the log-in form signs nobody in", async () => {
    const outcome = await login(PHONE, PASSWORD, { website: "x" });
    expect(outcome.status).toBe(400);
    expect(countOf(db, sessions)).toBe(0);
  });
});

describe("apply as a producer", () => {
  let branchId = 0;
  let provinceId = 0;

  beforeEach(() => {
    provinceId = db
      .insert(orgUnits)
      .values({ code: "QT", name: "Hội LHPN tỉnh Quảng Trị", level: "province", path: "/1/" })
      .returning()
      .get().id;
    const commune = db
      .insert(orgUnits)
      .values({
        code: "QT-VINHLINH",
        name: "Hội LHPN xã Vĩnh Linh",
        level: "commune",
        parentId: provinceId,
        path: `/${provinceId}/x/`,
      })
      .returning()
      .get();
    db.update(orgUnits)
      .set({ path: `/${provinceId}/${commune.id}/` })
      .where(eq(orgUnits.id, commune.id))
      .run();
    branchId = db
      .insert(orgUnits)
      .values({
        code: "QT-VINHLINH-CH02",
        name: "Chi hội phụ nữ thôn Đông Sơn",
        level: "branch",
        parentId: commune.id,
        path: `/${provinceId}/${commune.id}/x/`,
      })
      .returning()
      .get().id;
  });

  const application = () => ({
    producerName: "Tổ hợp tác Hồ tiêu Đông Sơn",
    producerKind: "tho",
    orgUnitId: String(branchId),
    address: "thôn Đông Sơn, xã Vĩnh Linh, tỉnh Quảng Trị",
    membersTotal: "12",
    membersWomen: "11",
    membersEthnicMinority: "0",
    membersPoorHousehold: "3",
    foundedYear: "2019",
    story: "Mười hai chị em góp vốn trồng tiêu.",
  });

  it("a visitor applies with a new account: pending producer, owner, signed in", async () => {
    const outcome = await call(
      applyRoute.action as RouteFn,
      post("/dang-ky/nha-san-xuat", {
        ...application(),
        displayName: "Hoàng Thị Tiêu",
        phone: "0388 111 222",
        password: "Tiêu đen Vĩnh Linh",
        confirmPassword: "Tiêu đen Vĩnh Linh",
        acceptTerms: "on",
      }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe("/dang-ky/nha-san-xuat?da-gui=SX001");
    const producer = db.select().from(producers).get();
    expect(producer).toMatchObject({
      code: "SX001",
      verificationStatus: "pending",
      kind: "tho",
      orgUnitId: branchId,
      commune: "xã Vĩnh Linh",
      membersTotal: 12,
      phone: "+84388111222",
    });
    const cookie = cookieFrom(outcome);
    const page = await call(
      applyRoute.loader as RouteFn,
      get("/dang-ky/nha-san-xuat?da-gui=SX001", cookie),
    );
    expect(page.body).toMatchObject({ sent: { code: "SX001" } });
    const actor = loadActor(db, get("/", cookie));
    expect(actor.kind === "user" && actor.producers[0]?.role).toBe("owner");
  });

  it("a signed-in user applies with their account; codes continue from the largest", async () => {
    db.insert(producers)
      .values({
        code: "SX045",
        name: "HTX có sẵn",
        kind: "htx",
        orgUnitId: branchId,
        commune: "xã Vĩnh Linh",
        address: "thôn A",
        membersTotal: 3,
      })
      .run();
    const cookie = cookieFrom(await login(PHONE, PASSWORD));
    const outcome = await call(
      applyRoute.action as RouteFn,
      post("/dang-ky/nha-san-xuat", application(), { cookie }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe("/dang-ky/nha-san-xuat?da-gui=SX046");
    expect(outcome.headers.get("Set-Cookie")).toBeNull();
    expect(countOf(db, users)).toBe(1);
  });

  it("refuses parts larger than the total, the province as unit and a taken name", async () => {
    const cookie = cookieFrom(await login(PHONE, PASSWORD));
    const tooMany = await call(
      applyRoute.action as RouteFn,
      post("/dang-ky/nha-san-xuat", { ...application(), membersWomen: "13" }, { cookie }),
    );
    expect(errorsOf(tooMany).membersWomen).toEqual(["Không được lớn hơn tổng số thành viên."]);
    const province = await call(
      applyRoute.action as RouteFn,
      post(
        "/dang-ky/nha-san-xuat",
        { ...application(), orgUnitId: String(provinceId) },
        { cookie },
      ),
    );
    expect(errorsOf(province).orgUnitId?.[0]).toContain("Chọn chi hội");
    expect(countOf(db, producers)).toBe(0);
    db.insert(producers)
      .values({
        code: "SX007",
        name: application().producerName,
        kind: "htx",
        orgUnitId: branchId,
        commune: "xã Vĩnh Linh",
        address: "thôn A",
        membersTotal: 3,
      })
      .run();
    const taken = await call(
      applyRoute.action as RouteFn,
      post("/dang-ky/nha-san-xuat", application(), { cookie }),
    );
    expect(errorsOf(taken).producerName).toEqual([
      "Đã có nhà sản xuất mang tên này. Vui lòng kiểm tra lại.",
    ]);
    expect(countOf(db, producers)).toBe(1);
  });

  it("a visitor's bad account fields create nothing", async () => {
    const outcome = await call(
      applyRoute.action as RouteFn,
      post("/dang-ky/nha-san-xuat", {
        ...application(),
        displayName: "Hoàng Thị Tiêu",
        phone: PHONE,
        password: "matkhau123",
        confirmPassword: "matkhau123",
        acceptTerms: "on",
      }),
    );
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).phone?.[0]).toContain("Số điện thoại này đã có tài khoản");
    expect(errorsOf(outcome).password?.[0]).toContain("quá phổ biến");
    expect(countOf(db, producers)).toBe(0);
    expect(countOf(db, users)).toBe(1);
  });

  it("a filled honeypot creates nothing", async () => {
    const outcome = await call(
      applyRoute.action as RouteFn,
      post("/dang-ky/nha-san-xuat", {
        ...application(),
        displayName: "Bot",
        phone: "0388 111 333",
        password: "Tiêu đen Vĩnh Linh",
        confirmPassword: "Tiêu đen Vĩnh Linh",
        acceptTerms: "on",
        website: "spam",
      }),
    );
    expect(outcome.status).toBe(400);
    expect(countOf(db, producers)).toBe(0);
    expect(countOf(db, users)).toBe(1);
  });
});

describe("the account page", () => {
  it("changes the password after checking the current one, ending other sessions", async () => {
    const here = cookieFrom(await login(PHONE, PASSWORD));
    const elsewhere = cookieFrom(await login(EMAIL, PASSWORD));
    const change = (current: string, next: string) =>
      call(
        accountRoute.action as RouteFn,
        post(
          "/tai-khoan",
          { intent: "password", currentPassword: current, password: next, confirmPassword: next },
          { cookie: here },
        ),
      );
    const wrong = await change("not it", "Một mật khẩu mới dài");
    expect(wrong.status).toBe(400);
    expect(
      (wrong.body as { result: { error: Record<string, string[]> } }).result.error.currentPassword,
    ).toEqual(["Mật khẩu hiện tại không đúng."]);
    const common = await change(PASSWORD, "iloveyou");
    expect(common.status).toBe(400);
    const ok = await change(PASSWORD, "Một mật khẩu mới dài");
    expect(ok.status).toBe(302);
    expect(loadActor(db, get("/", here)).kind).toBe("user");
    expect(loadActor(db, get("/", elsewhere)).kind).toBe("anonymous");
    expect((await login(PHONE, "Một mật khẩu mới dài")).status).toBe(302);
  });

  it("saves the profile and refuses a phone that belongs to someone else", async () => {
    await createUser(db, { displayName: "Người khác", phone: "+84388000111", password: PASSWORD });
    const cookie = cookieFrom(await login(PHONE, PASSWORD));
    const taken = await call(
      accountRoute.action as RouteFn,
      post(
        "/tai-khoan",
        { intent: "profile", displayName: "Hoa", phone: "0388000111", email: EMAIL, locale: "vi" },
        { cookie },
      ),
    );
    expect(taken.status).toBe(400);
    const saved = await call(
      accountRoute.action as RouteFn,
      post(
        "/tai-khoan",
        { intent: "profile", displayName: "Nguyễn Thị Hoa", phone: PHONE, email: "", locale: "en" },
        { cookie },
      ),
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Set-Cookie")).toContain("lang=en");
    const user = db.select().from(users).where(eq(users.phone, STORED_PHONE)).get();
    expect(user).toMatchObject({ email: null, locale: "en" });
  });
});

describe("require helpers", () => {
  it("requireUser redirects anonymous visitors to the log-in page with `next`", async () => {
    const outcome = await call(
      (({ request }) => requireUser(request)) as RouteFn,
      get("/don-hang?trang=2"),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("Location")).toBe("/dang-nhap?next=%2Fdon-hang%3Ftrang%3D2");
  });

  it("requireBuyer, requireProducerActor and requireStaff refuse the wrong users with 403", async () => {
    const cookie = cookieFrom(await login(PHONE, PASSWORD)); // no buyer profile, no roles
    const request = () => get("/", cookie);
    for (const check of [
      () => requireBuyer(request()),
      () => requireProducerActor(request()),
      () => requireStaff(request(), "listing:moderate"),
    ]) {
      const outcome = await call((() => check()) as RouteFn, request());
      expect(outcome.status).toBe(403);
    }
  });
});
