/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig, type Plugin } from "vite";
import { fileURLToPath } from "node:url";
import { islandPlugin } from "./scripts/build/island";
import { publicMessagesPlugin } from "./scripts/build/public-messages";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isVitest = Boolean(process.env.VITEST);

/**
 * The browser build gets app/lib/i18n/bundled-catalogs.browser.ts (no language) instead of
 * bundled-catalogs.ts (all of them): each language becomes a chunk of its own and a page loads
 * only its own (app/entry.client.tsx). The server build, the scripts and the tests keep all.
 */
function browserLoadsOneLanguage(): Plugin {
  const catalogs = fileURLToPath(new URL("./app/lib/i18n/bundled-catalogs.ts", import.meta.url));
  return {
    name: "cung-cau:browser-loads-one-language",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (options?.ssr || !source.endsWith("bundled-catalogs")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved?.id !== catalogs) return resolved;
      return catalogs.replace(/\.ts$/, ".browser.ts");
    },
  };
}

export default defineConfig({
  resolve: {
    alias: {
      "~db": fileURLToPath(new URL("./db", import.meta.url)),
      "~": fileURLToPath(new URL("./app", import.meta.url)),
    },
  },
  plugins: [
    tailwindcss(),
    browserLoadsOneLanguage(),
    publicMessagesPlugin(
      fileURLToPath(new URL("./app", import.meta.url)),
      fileURLToPath(new URL("./build/client", import.meta.url)),
    ),
    islandPlugin(
      fileURLToPath(new URL("./app", import.meta.url)),
      fileURLToPath(new URL("./build/client", import.meta.url)),
    ),
    // Vitest runs modules directly; the Remix plugin only matters for dev and build.
    !isVitest &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
  ],
  // argon2 is server-only; keep Vite's dev dependency scan from bundling its browser stub.
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
  server: { host: "127.0.0.1" },
  build: { target: "es2020" },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // One seeded demo database for the run, copied by every real server a test starts.
    globalSetup: ["tests/helpers/vitest-global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Like startServer: no SMS provider (no phone codes) unless a test file asks for one.
    env: { SMS_PROVIDER: "none" },
  },
});
