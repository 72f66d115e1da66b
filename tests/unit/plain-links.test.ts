import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { DocumentHydratesContext, Link } from "~/components/link";

/**
 * ~/components/link (docs/decisions/034-speed-pages.md): on a page sent without React an
 * absolute path is a plain anchor with the same href; anything React Router would change,
 * and every link of a page that hydrates, stays Remix's Link.
 */
function render(hydrates: boolean, to: string): string {
  const page = createElement(
    DocumentHydratesContext.Provider,
    { value: hydrates },
    createElement(
      Link,
      { to, className: "card", prefetch: "intent", replace: true, state: { from: "test" } },
      "Cà phê",
    ),
  );
  return renderToString(
    createElement(
      MemoryRouter,
      { initialEntries: ["/san-pham/ca-phe"] },
      createElement(Routes, null, createElement(Route, { path: "/san-pham/:slug", element: page })),
    ),
  );
}

describe("the app's Link", () => {
  it("is a plain anchor with the path as href on a page sent without React", () => {
    for (const to of ["/", "/san-pham/ca-phe?mau=do&trang=2#anh", "/tim-kiem/", "/en/gio-hang"]) {
      expect(render(false, to)).toBe(
        `<a href="${to.replace("&", "&amp;")}" class="card">Cà phê</a>`,
      );
    }
  });

  it("leaves to React Router what it would resolve: relative, dotted and doubled paths", () => {
    const cases: Record<string, string> = {
      "chi-tiet": "/san-pham/ca-phe/chi-tiet",
      "?trang=2": "/san-pham/ca-phe?trang=2",
      "/a/../b": "/b",
      "/a/./b": "/a/b",
      "/a//b": "/a/b",
    };
    for (const [to, href] of Object.entries(cases)) {
      const html = render(false, to);
      expect(html, to).toContain(`href="${href}"`);
      expect(html, to).toContain('data-discover="true"');
    }
  });

  it("is Remix's Link on a page that hydrates", () => {
    const html = render(true, "/san-pham/ca-phe");
    expect(html).toContain('href="/san-pham/ca-phe"');
    expect(html).toContain('data-discover="true"');
  });
});
