import { createRequire } from "node:module";
import type * as RouterModule from "@remix-run/router";
import type { AgnosticRouteObject } from "@remix-run/router";
import type * as StaticServerModule from "react-router-dom/server";
import { describe, expect, it } from "vitest";

/**
 * patches/ (applied by `patch-package` after every install) makes the server's copies of
 * @remix-run/router and react-router-dom remember a route tree's ranked branches and data
 * routes instead of rebuilding them on every request (docs/decisions/034-speed-pages.md).
 * These tests load the CommonJS builds the server runs, the patched files.
 */
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof RouterModule;
const staticServer = require("react-router-dom/server") as typeof StaticServerModule;

type Route = AgnosticRouteObject;

/** A tree with the shapes our routes use: index, params, optional and splat segments, layouts. */
function routeTree(): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "home", index: true },
        { id: "product", path: "san-pham/:slug" },
        { id: "producer", path: "nha-san-xuat/:code" },
        { id: "search", path: "tim-kiem" },
        {
          id: "account",
          path: "tai-khoan",
          children: [
            { id: "account-home", index: true },
            { id: "orders", path: "don-hang/:code?" },
          ],
        },
        { id: "staff-layout", children: [{ id: "staff", path: "quan-ly/*" }] },
        { id: "exact-case", path: "API/Exact", caseSensitive: true },
        { id: "not-found", path: "*" },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/san-pham/ca-phe",
  "/san-pham/c%C3%A0-ph%C3%AA",
  "/nha-san-xuat/SX001/",
  "/tim-kiem",
  "/TIM-KIEM",
  "/tai-khoan",
  "/tai-khoan/don-hang",
  "/tai-khoan/don-hang/DH1",
  "/quan-ly/thanh-vien/12",
  "/api/exact",
  "/API/Exact",
  "/khong-co/trang-nay",
];

function described(matches: ReturnType<typeof router.matchRoutes>) {
  return (matches ?? []).map((match) => ({
    id: match.route.id,
    params: match.params,
    pathname: match.pathname,
    pathnameBase: match.pathnameBase,
  }));
}

describe("route matching with remembered branches", () => {
  it("matches every path on a reused tree as on a tree it has never seen", () => {
    const reused = routeTree();
    for (let round = 0; round < 3; round++) {
      for (const path of PATHS) {
        const fresh = described(router.matchRoutes(routeTree(), path));
        expect(fresh.length, path).toBeGreaterThan(0);
        expect(described(router.matchRoutes(reused, path)), `${path}, round ${round}`).toEqual(
          fresh,
        );
      }
    }
    expect(described(router.matchRoutes(reused, "/san-pham/c%C3%A0-ph%C3%AA")).at(-1)).toEqual({
      id: "product",
      params: { slug: "cà-phê" },
      pathname: "/san-pham/cà-phê",
      pathnameBase: "/san-pham/cà-phê",
    });
    expect(described(router.matchRoutes(reused, "/api/exact")).at(-1)?.id).toBe("not-found");
  });

  it("gives each caller its own matches and params for a path it has matched before", () => {
    const tree = routeTree();
    const first = router.matchRoutes(tree, "/tai-khoan/don-hang/DH1") ?? [];
    const firstParams = first.at(-1)?.params ?? {};
    (firstParams as Record<string, string>).code = "changed by the first caller";
    const second = router.matchRoutes(tree, "/tai-khoan/don-hang/DH1") ?? [];
    const third = router.matchRoutes(tree, "/tai-khoan/don-hang/DH1") ?? [];

    expect(second.map((match) => match.route.id)).toEqual(["root", "account", "orders"]);
    expect(second.at(-1)?.params).toEqual({ code: "DH1" });
    expect(second.at(-1)).not.toBe(third.at(-1));
    expect(second.at(-1)?.params).not.toBe(third.at(-1)?.params);
    // Within one answer every match shares one params object, as a fresh match does.
    expect(second[0]?.params).toBe(second.at(-1)?.params);
    expect(described(third)).toEqual(
      described(router.matchRoutes(routeTree(), "/tai-khoan/don-hang/DH1")),
    );
  });

  it("sees routes patched into a tree it has already matched", () => {
    const memoryRouter = router.createRouter({
      routes: routeTree(),
      history: router.createMemoryHistory(),
    });
    const matchedBefore = memoryRouter.routes;
    expect(described(router.matchRoutes(matchedBefore, "/moi")).at(-1)?.id).toBe("not-found");

    memoryRouter.patchRoutes("root", [{ id: "new-page", path: "moi" }]);

    // The old top-level array still holds the patched children: its branches must be new.
    expect(described(router.matchRoutes(matchedBefore, "/moi")).at(-1)?.id).toBe("new-page");
    expect(described(router.matchRoutes(memoryRouter.routes, "/moi")).at(-1)?.id).toBe("new-page");
    memoryRouter.dispose();
  });
});

describe("the static router of a server render", () => {
  it("carries the same data routes for the same tree, and new ones for another tree", async () => {
    const tree = routeTree().map((route) => ({ ...route, Component: () => null }));
    const handler = staticServer.createStaticHandler(tree);
    const first = await handler.query(new Request("http://localhost/san-pham/ca-phe"));
    const second = await handler.query(new Request("http://localhost/tim-kiem"));
    if (first instanceof Response || second instanceof Response) {
      throw new Error("the static handler answered with a redirect");
    }

    const renderOne = staticServer.createStaticRouter(tree, first);
    const renderTwo = staticServer.createStaticRouter(tree, second);
    expect(renderTwo.routes).toBe(renderOne.routes);
    expect(renderOne.state.matches.at(-1)?.route.id).toBe("product");
    expect(renderTwo.state.matches.at(-1)?.route.id).toBe("search");
    expect(renderTwo.state.location.pathname).toBe("/tim-kiem");

    const otherTree = routeTree().map((route) => ({ ...route, Component: () => null }));
    expect(staticServer.createStaticRouter(otherTree, first).routes).not.toBe(renderOne.routes);
  });
});

describe("the route modules of a document render", () => {
  // The server-runtime's builder of EntryContext.routeModules (CommonJS, the patched file).
  const entry = require("@remix-run/server-runtime/dist/entry.js") as {
    createEntryRouteModules(manifest: Record<string, { module: unknown }>): Record<string, unknown>;
  };

  it("hands every request of one build the same frozen object with that build's modules", () => {
    const home = { default: () => null };
    const product = { default: () => null };
    const manifest = { root: { module: {} }, home: { module: home }, product: { module: product } };
    const first = entry.createEntryRouteModules(manifest);
    expect(first).toEqual({ root: {}, home, product });
    expect(entry.createEntryRouteModules(manifest)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // Shared between requests, a write must fail rather than reach the next visitor.
    expect(() => {
      (first as Record<string, unknown>).home = product;
    }).toThrow(TypeError);

    // Another build (a new manifest, as after a rebuild in development) gets its own object.
    const rebuilt = { ...manifest, product: { module: { default: () => null } } };
    const second = entry.createEntryRouteModules(rebuilt);
    expect(second).not.toBe(first);
    expect(second.product).toBe(rebuilt.product.module);
  });
});
