import { beforeEach, describe, expect, it } from "vitest";
import { producerMemberships, type TeamPermission } from "~db/schema";
import { workspaceLinksFor } from "~/components/supply/workspace-nav";
import { actorForUser, createSession } from "~/modules/auth/session.server";
import { setDbForTests } from "~/modules/platform/db.server";
import { workspaceAccess } from "~/modules/team/access";
import { freshDb, type Db } from "../helpers/db";
import { makeMarket } from "../helpers/market";

/**
 * What a member of a producer's team may open (issue 15 item 4): each workspace page asks
 * for its permission (listings, orders, statement), a member without it gets 403 with a
 * message saying so — on the page and on its form — and the workspace menu hides the link.
 * The route modules are called directly with a real session cookie on a real database.
 */

const ORIGIN = "http://localhost:3000";
process.env.PUBLIC_URL = ORIGIN;

type RouteFn = (args: {
  request: Request;
  params: Record<string, string>;
  context: { clientIp: string };
}) => unknown;

let db: Db;
let market: ReturnType<typeof makeMarket>;

/** The buyer joins producer A's team with `permissions`; returns her session cookie. */
async function memberWith(permissions: TeamPermission[]): Promise<string> {
  db.insert(producerMemberships)
    .values({
      userId: market.buyer.id,
      producerId: market.producerA.id,
      role: "member",
      permissions,
    })
    .run();
  return (await createSession(db, market.buyer.id)).cookie;
}

/** The status a route function answers with (a thrown Response included), and its text. */
async function call(
  route: string,
  kind: "loader" | "action",
  cookie: string,
  options: { path: string; params?: Record<string, string>; form?: Record<string, string> },
): Promise<{ status: number; text: string }> {
  const module = (await import(`~/routes/${route}`)) as Record<string, RouteFn>;
  const headers = new Headers({ Cookie: cookie });
  const init: RequestInit = { headers };
  if (kind === "action") {
    headers.set("Origin", ORIGIN);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    init.method = "POST";
    init.body = new URLSearchParams(options.form ?? {}).toString();
  }
  const request = new Request(ORIGIN + options.path, init);
  try {
    const result = await module[kind]!({
      request,
      params: options.params ?? {},
      context: { clientIp: "127.0.0.1" },
    });
    if (result instanceof Response) return { status: result.status, text: await result.text() };
    return { status: 200, text: JSON.stringify(result) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() };
    // handle() throws a page's refusal as data(…, { status }) for the error boundary.
    if (thrown && typeof thrown === "object" && "init" in thrown && "data" in thrown) {
      const { init, data } = thrown as { init: ResponseInit | null; data: unknown };
      return { status: init?.status ?? 200, text: JSON.stringify(data) };
    }
    throw thrown;
  }
}

beforeEach(() => {
  db = freshDb();
  setDbForTests(db);
  market = makeMarket(db);
});

describe("a member without the orders permission", () => {
  it("cannot see the order list nor answer an order: 403 saying why", async () => {
    const cookie = await memberWith(["listings"]);
    const list = await call("ban-hang.don-hang._index", "loader", cookie, {
      path: "/ban-hang/don-hang",
    });
    expect(list.status).toBe(403);
    expect(list.text).toContain("Chủ cơ sở chưa cho bạn xử lý đơn hàng");
    const answer = await call("ban-hang.don-hang.$id", "action", cookie, {
      path: "/ban-hang/don-hang/1",
      params: { id: "1" },
      form: { intent: "accept" },
    });
    expect(answer.status).toBe(403);
    const requests = await call("ban-hang.yeu-cau", "loader", cookie, {
      path: "/ban-hang/yeu-cau",
    });
    expect(requests.status).toBe(403);
  });

  it("with it, the order list opens (the owner too)", async () => {
    const cookie = await memberWith(["orders"]);
    const list = await call("ban-hang.don-hang._index", "loader", cookie, {
      path: "/ban-hang/don-hang",
    });
    expect(list.status).toBe(200);
    const ownerCookie = (await createSession(db, market.memberA.id)).cookie;
    const owners = await call("ban-hang.don-hang._index", "loader", ownerCookie, {
      path: "/ban-hang/don-hang",
    });
    expect(owners.status).toBe(200);
  });
});

describe("a member without the listings permission", () => {
  it("cannot create a listing, open the listings or import: 403 saying why", async () => {
    const cookie = await memberWith(["orders"]);
    const create = await call("ban-hang.san-pham.moi", "action", cookie, {
      path: "/ban-hang/san-pham/moi",
      form: { intent: "draft", title: "Tiêu" },
    });
    expect(create.status).toBe(403);
    expect(create.text).toContain("Chủ cơ sở chưa cho bạn quản lý sản phẩm");
    for (const [route, path] of [
      ["ban-hang.san-pham.moi", "/ban-hang/san-pham/moi"],
      ["ban-hang.san-pham._index", "/ban-hang/san-pham"],
      ["ban-hang.nhap-du-lieu", "/ban-hang/nhap-du-lieu"],
    ] as const) {
      expect((await call(route, "loader", cookie, { path })).status, route).toBe(403);
    }
  });
});

describe("a member without the statement permission", () => {
  it("cannot see the balance nor the refunds owed", async () => {
    const cookie = await memberWith(["orders", "listings"]);
    for (const [route, path] of [
      ["ban-hang.so-du", "/ban-hang/so-du"],
      ["ban-hang.hoan-tien", "/ban-hang/hoan-tien"],
    ] as const) {
      const answer = await call(route, "loader", cookie, { path });
      expect(answer.status, route).toBe(403);
      expect(answer.text).toContain("Chủ cơ sở chưa cho bạn xem sổ tiền");
    }
  });
});

describe("the workspace menu", () => {
  it("shows a member only the links she may open, and the team link to the owner only", async () => {
    await memberWith(["orders"]);
    const member = actorForUser(db, market.buyer.id)!;
    const links = workspaceLinksFor(workspaceAccess(member)).map((l) => l.to);
    expect(links).toEqual(
      expect.arrayContaining(["/ban-hang", "/ban-hang/don-hang", "/ban-hang/yeu-cau"]),
    );
    for (const hidden of [
      "/ban-hang/san-pham",
      "/ban-hang/san-pham/moi",
      "/ban-hang/nhap-du-lieu",
      "/ban-hang/hoan-tien",
      "/ban-hang/so-du",
      "/ban-hang/nhom",
    ]) {
      expect(links).not.toContain(hidden);
    }
    const owner = actorForUser(db, market.memberA.id)!;
    const ownerLinks = workspaceLinksFor(workspaceAccess(owner)).map((l) => l.to);
    expect(ownerLinks).toContain("/ban-hang/nhom");
    expect(ownerLinks).toContain("/ban-hang/so-du");
    expect(ownerLinks).toContain("/ban-hang/san-pham/moi");
  });
});
