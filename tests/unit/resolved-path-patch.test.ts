import { createRequire } from "node:module";
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import type * as ReactRouterModule from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * patches/react-router+6.30.4.patch: `useResolvedPath` (behind every Link's href and click
 * handler) resolves an absolute path string once per process instead of turning the route
 * matches into JSON and back for every link of every render (docs/decisions/034-speed-pages.md).
 * Both CommonJS builds are patched: the server loads the production one, tests the other.
 */
const require = createRequire(import.meta.url);
const builds = {
  production: require("react-router/dist/umd/react-router.production.min.js"),
  development: require("react-router/dist/umd/react-router.development.js"),
} as Record<string, typeof ReactRouterModule>;

const TARGETS = [
  "/",
  "/san-pham/ca-phe?mau=do#anh",
  "/tim-kiem/",
  "/nha-san-xuat//SX001",
  "/san-pham/c%C3%A0-ph%C3%AA",
  ".",
  "..",
  "danh-gia",
  "?trang=2",
];

/** What each target resolves to from /san-pham/ca-phe, matched by `san-pham/:slug`. */
const EXPECTED = [
  "/",
  "/san-pham/ca-phe?mau=do#anh",
  "/tim-kiem/",
  "/nha-san-xuat/SX001",
  "/san-pham/c%C3%A0-ph%C3%AA",
  "/san-pham/ca-phe",
  "/",
  "/san-pham/ca-phe/danh-gia",
  "/san-pham/ca-phe?trang=2",
];

function page(build: typeof ReactRouterModule, body: () => ReactElement | null): string {
  const { MemoryRouter, Routes, Route } = build;
  return renderToString(
    createElement(
      MemoryRouter,
      { initialEntries: ["/san-pham/ca-phe"] },
      createElement(
        Routes,
        null,
        createElement(Route, { path: "san-pham/:slug", element: createElement(body) }),
      ),
    ),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(Object.entries(builds))("react-router's %s build, patched", (_name, build) => {
  it("resolves absolute and relative paths as before, on the first render and the next", () => {
    const hrefs = () =>
      createElement(
        "ul",
        null,
        TARGETS.map((to) => createElement("li", { key: to }, build.useHref(to))),
      );
    const first = page(build, hrefs);
    const second = page(build, hrefs);
    const listed = (html: string) =>
      [...html.matchAll(/<li>(.*?)<\/li>/g)].map(([, href]) => href?.replaceAll("&amp;", "&"));
    expect(listed(first)).toEqual(EXPECTED);
    expect(second).toBe(first);
  });

  it("does not turn the matches into JSON for an absolute link", () => {
    const links = (count: number) => () =>
      createElement(
        "p",
        null,
        Array.from({ length: count }, (_, i) => build.useHref(`/san-pham/sp-${i}`)).join(" "),
      );
    const stringify = vi.spyOn(JSON, "stringify");
    page(build, links(0));
    const withoutLinks = stringify.mock.calls.length;
    stringify.mockClear();
    page(build, links(50));
    expect(stringify.mock.calls.length).toBe(withoutLinks);
  });

  it("hands each caller its own copy of a resolved path", () => {
    const seen: string[] = [];
    const mutating = () => {
      const path = build.useResolvedPath("/gio-hang");
      seen.push(path.pathname);
      path.pathname = "/changed";
      return null;
    };
    page(build, mutating);
    page(build, mutating);
    expect(seen).toEqual(["/gio-hang", "/gio-hang"]);
  });
});
