/**
 * The yardstick of `npm run bench -- pages` (issue 17): a one-route Remix 2 app in production
 * mode, whose loader runs one prepared SQLite query and whose page React renders small,
 * served by express the way @remix-run/express does it. The ServerBuild is written by hand
 * (what `remix vite:build` would emit for these two modules, minus client assets nobody
 * fetches here), so the bench needs no build step. Environment: NODE_ENV=production (React
 * and Remix pick their mode from it), PORT, DATABASE_PATH.
 */
import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from "@remix-run/node";
import express from "express";
import * as entry from "./entry.server";
import * as root from "./root";

// What a compiled build holds is untyped; root's meta is typed by its loader's data, which the
// generic route module type (data: unknown) cannot express.
type RouteModule = ServerBuild["routes"][string]["module"];

const build: ServerBuild = {
  mode: "production",
  entry: { module: entry },
  routes: { root: { id: "root", path: "", module: root as RouteModule } },
  assets: {
    entry: { module: "/assets/entry.client.js", imports: [] },
    routes: {
      root: {
        id: "root",
        path: "",
        module: "/assets/root.js",
        imports: [],
        hasLoader: true,
        hasAction: false,
        hasClientLoader: false,
        hasClientAction: false,
        hasErrorBoundary: false,
      },
    },
    url: "/assets/manifest-bench.js",
    version: "bench",
  },
  publicPath: "/assets/",
  assetsBuildDirectory: "build/client/assets",
  // The flags this project's vite.config.ts turns on.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
  isSpaMode: false,
};

const handleRequest = createRequestHandler(build, "production");
const app = express();
app.disable("x-powered-by");

// @remix-run/express's adapter, for GET and HEAD only: the app has no action to post to.
app.all("*", (req, res, next) => {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] ?? "", req.rawHeaders[i + 1] ?? "");
  }
  const request = new Request(`http://${req.get("host") ?? "localhost"}${req.originalUrl}`, {
    method: req.method,
    headers,
    signal: controller.signal,
  });
  handleRequest(request)
    .then(async (response) => {
      res.status(response.status);
      for (const [name, value] of response.headers) res.append(name, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    })
    .catch(next);
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, "127.0.0.1", () => console.log(`one-route Remix app on port ${port}`));
