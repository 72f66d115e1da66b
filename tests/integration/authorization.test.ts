import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDb, type Db } from "../helpers/db";
import { projectRoot } from "../helpers/server";
import {
  authorizationCases,
  type Case,
  type DeniedCase,
  type ParamsSpec,
} from "./authorization-cases";
import {
  buildWorld,
  USER_KINDS,
  type SignedInKind,
  type UserKind,
  type World,
} from "./authorization-world";

/**
 * The authorization manifest test: walks every route module in app/routes, requires a
 * declared case (authorization-cases.ts) for each exported loader and action, and calls each
 * one as the wrong kind of user against a fresh database, expecting a refusal.
 */

const ORIGIN = "http://localhost:3000";
// Routes must never reach the developer's database, and origin checks compare with this.
process.env.DATABASE_PATH = ":memory:";
process.env.PUBLIC_URL = ORIGIN;

const ROUTE_EXTENSIONS = [".tsx", ".ts", ".jsx", ".js"];

interface RouteFile {
  id: string;
  file: string;
}

/** Route modules as flatRoutes() sees them: files, or folders with a route.* file; plus root. */
function listRoutes(): RouteFile[] {
  const dir = join(projectRoot, "app", "routes");
  const routes: RouteFile[] = [];
  const rootFile = ROUTE_EXTENSIONS.map((ext) => join(projectRoot, "app", `root${ext}`)).find(
    (file) => existsSync(file),
  );
  if (rootFile) routes.push({ id: "root", file: rootFile });
  if (!existsSync(dir)) return routes;
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      const file = ROUTE_EXTENSIONS.map((ext) => join(path, `route${ext}`)).find((candidate) =>
        existsSync(candidate),
      );
      if (file) routes.push({ id: entry, file });
      continue;
    }
    const ext = ROUTE_EXTENSIONS.find((candidate) => entry.endsWith(candidate));
    if (!ext || /\.(test|spec)\.[jt]sx?$/.test(entry)) continue;
    routes.push({ id: entry.slice(0, -ext.length), file: path });
  }
  return routes;
}

/** The URL path of a flat route id, with `params` in its dynamic segments. */
function pathOf(id: string, params: Record<string, string>): string {
  if (id === "root") return "/";
  // Split on dots outside [escapes].
  const segments = id.match(/(?:\[[^\]]*\]|[^.])+/g) ?? [];
  const parts: string[] = [];
  for (const raw of segments) {
    if (raw === "_index" || raw.startsWith("_")) continue;
    let segment = raw.endsWith("_") ? raw.slice(0, -1) : raw;
    const optional = /^\((.*)\)$/.exec(segment);
    if (optional?.[1] !== undefined) {
      segment = optional[1];
      if (segment.startsWith("$") && params[segment.slice(1)] === undefined) continue;
    }
    if (segment === "$") parts.push(params["*"] ?? "khong-ton-tai");
    else if (segment.startsWith("$")) parts.push(params[segment.slice(1)] ?? "khong-ton-tai");
    else parts.push(segment.replace(/\[([^\]]*)\]/g, "$1"));
  }
  return `/${parts.join("/")}`;
}

/** The dynamic segment names of a route id, each defaulting to a value that exists nowhere. */
function defaultParams(id: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of id.matchAll(/(?:^|\.)\(?\$([A-Za-z0-9_]*)\)?/g)) {
    params[match[1] || "*"] = "khong-ton-tai";
  }
  return params;
}

function resolveParams(id: string, spec: ParamsSpec | undefined, world: World) {
  const given = typeof spec === "function" ? spec(world) : (spec ?? {});
  return { ...defaultParams(id), ...given };
}

function casesOf(entry: Case): ("public" | DeniedCase)[] {
  return Array.isArray(entry) ? entry : [entry];
}

interface Outcome {
  status: number;
  location: string | null;
  detail: string;
}

/** What a loader or action answered, whether it returned or threw. */
function outcomeOf(value: unknown, thrown: boolean): Outcome {
  if (value instanceof Response) {
    return { status: value.status, location: value.headers.get("Location"), detail: "Response" };
  }
  // `data(body, init)` from @remix-run/node (single fetch) is a DataWithResponseInit.
  if (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    value.type === "DataWithResponseInit" &&
    "init" in value
  ) {
    const init = (value.init ?? {}) as ResponseInit;
    const headers = new Headers(init.headers);
    return { status: init.status ?? 200, location: headers.get("Location"), detail: "data()" };
  }
  if (thrown) {
    const message = value instanceof Error ? (value.stack ?? value.message) : String(value);
    return { status: 500, location: null, detail: `threw ${message}` };
  }
  return { status: 200, location: null, detail: "returned data" };
}

type RouteFunction = (args: {
  request: Request;
  params: Record<string, string>;
  context: { clientIp: string };
}) => unknown;

async function call(fn: RouteFunction, request: Request, params: Record<string, string>) {
  try {
    return outcomeOf(await fn({ request, params, context: { clientIp: "127.0.0.1" } }), false);
  } catch (error) {
    return outcomeOf(error, true);
  }
}

const routes = listRoutes();

describe("authorization manifest", () => {
  let db: Db;
  let world: World;
  const cookies = new Map<UserKind, string>();
  const tokens = new Map<UserKind, string>();
  const modules = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    db = freshDb();
    const { setDbForTests } = await import("~/modules/platform/db.server");
    setDbForTests(db);
    world = buildWorld(db, { withTeamMember: true });
    const { createSession } = await import("~/modules/auth/session.server");
    const { createApiToken } = await import("~/modules/auth/api-tokens.server");
    for (const kind of USER_KINDS) {
      if (kind === "anonymous") continue;
      const userId = world.userIds[kind as SignedInKind];
      const session = await createSession(db, userId, {
        ipAddress: "127.0.0.1",
        userAgent: "test",
      });
      cookies.set(kind, session.cookie);
      tokens.set(kind, createApiToken(db, userId, "authorization test").token);
    }
    for (const route of routes) {
      modules.set(
        route.id,
        (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>,
      );
    }
  }, 120_000);

  function request(
    kind: UserKind,
    via: "cookie" | "token",
    method: "GET" | "POST",
    path: string,
    form?: Record<string, string>,
    origin = ORIGIN,
  ) {
    const headers = new Headers({ "User-Agent": "authorization-test" });
    const credential = (via === "cookie" ? cookies : tokens).get(kind);
    if (credential && via === "cookie") headers.set("Cookie", credential);
    if (credential && via === "token") headers.set("Authorization", `Bearer ${credential}`);
    if (method === "GET") return new Request(ORIGIN + path, { headers });
    headers.set("Origin", origin);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    return new Request(ORIGIN + path, {
      method,
      headers,
      body: new URLSearchParams(form ?? {}).toString(),
    });
  }

  it("finds the route modules", () => {
    expect(routes.map((route) => route.id)).toContain("healthz");
  });

  it("declares no case for a route module that does not exist", () => {
    const ids = new Set(routes.map((route) => route.id));
    const unknown = Object.keys(authorizationCases).filter((id) => !ids.has(id));
    expect(unknown, "cases declared in authorization-cases.ts for missing routes").toEqual([]);
  });

  describe.each(routes)("$id", (route) => {
    const declared = authorizationCases[route.id] ?? {};

    it("declares a case for its loader and action, and for nothing else", () => {
      const module = modules.get(route.id) ?? {};
      const problems: string[] = [];
      for (const kind of ["loader", "action"] as const) {
        const exported = typeof module[kind] === "function";
        const hasCase = declared[kind] !== undefined;
        if (exported && !hasCase) {
          problems.push(`${kind} is exported but has no case in authorization-cases.ts`);
        }
        if (!exported && hasCase) problems.push(`a case is declared for a missing ${kind}`);
      }
      expect(problems, route.id).toEqual([]);
    });
    for (const kind of ["loader", "action"] as const) {
      const entry = declared[kind];
      if (entry === undefined) continue;
      const method = kind === "loader" ? "GET" : "POST";
      for (const routeCase of casesOf(entry)) {
        const title =
          routeCase === "public"
            ? `${kind} is public: an anonymous ${method} is not a server error`
            : `${kind} as ${routeCase.as} → ${routeCase.expect}${routeCase.note ? ` (${routeCase.note})` : ""}`;
        it(title, async () => {
          const fn = modules.get(route.id)?.[kind] as RouteFunction | undefined;
          expect(fn, `${route.id} exports no ${kind}`).toBeTypeOf("function");
          if (!fn) return;
          const spec = routeCase === "public" ? undefined : routeCase.params;
          const params = resolveParams(route.id, spec, world);
          const querySpec = routeCase === "public" ? undefined : routeCase.query;
          const query = typeof querySpec === "function" ? querySpec(world) : querySpec;
          const path =
            pathOf(route.id, params) + (query ? `?${new URLSearchParams(query).toString()}` : "");
          const as = routeCase === "public" ? "anonymous" : routeCase.as;
          const formSpec = routeCase === "public" ? undefined : routeCase.form;
          const form = typeof formSpec === "function" ? formSpec(world) : formSpec;
          const defaultVia = route.id.startsWith("api.v1.") ? "token" : "cookie";
          const via = routeCase === "public" ? defaultVia : (routeCase.via ?? defaultVia);
          const origin = routeCase === "public" ? ORIGIN : (routeCase.origin ?? ORIGIN);
          const outcome = await call(fn, request(as, via, method, path, form, origin), params);
          const summary = `${method} ${path} as ${as}: ${outcome.status} ${outcome.location ?? ""} (${outcome.detail})`;
          if (routeCase === "public") {
            expect(outcome.status, summary).toBeLessThan(500);
          } else if (routeCase.expect === "redirect-login") {
            expect(outcome.status, summary).toBeGreaterThanOrEqual(300);
            expect(outcome.status, summary).toBeLessThan(400);
            expect(outcome.location ?? "", summary).toMatch(/^\/dang-nhap(\?|$)/);
          } else {
            expect(outcome.status, summary).toBe(routeCase.expect);
          }
        });
      }
    }
  });
});
