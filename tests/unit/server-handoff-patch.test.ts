import { createRequire } from "node:module";
import type * as ServerRuntime from "@remix-run/server-runtime";
import type { EntryContext } from "@remix-run/server-runtime";
import { afterEach, describe, expect, it } from "vitest";

/**
 * patches/@remix-run+server-runtime (applied by `patch-package` after every install): a
 * document's loader data is encoded for the browser only when the page reads it, which only
 * <Scripts> does; a page sent without React (docs/decisions/035) no longer pays for encoding
 * data it never sends. Loaded from the CommonJS build the server runs, the patched file.
 */
const require = createRequire(import.meta.url);
const runtime = require("@remix-run/server-runtime") as typeof ServerRuntime;
const singleFetch = require("@remix-run/server-runtime/dist/single-fetch.js") as {
  encodeViaTurboStream: (...args: unknown[]) => ReadableStream<Uint8Array>;
};
const encode = singleFetch.encodeViaTurboStream;

afterEach(() => {
  singleFetch.encodeViaTurboStream = encode;
});

/** How many times the loader data was encoded while `read` decided what the page does. */
async function renderDocument(read: (stream: ReadableStream<Uint8Array>) => Promise<string>) {
  let encodings = 0;
  singleFetch.encodeViaTurboStream = (...args: unknown[]) => {
    encodings += 1;
    return encode(...args);
  };
  let handedOff = "";
  const handleRequest = async (
    _request: Request,
    status: number,
    headers: Headers,
    context: EntryContext,
  ) => {
    const stream = (context as unknown as { serverHandoffStream: ReadableStream<Uint8Array> })
      .serverHandoffStream;
    handedOff = await read(stream);
    headers.set("Content-Type", "text/html");
    return new Response("<!DOCTYPE html><html></html>", { status, headers });
  };
  const build = {
    mode: "production",
    entry: { module: { default: handleRequest } },
    routes: {
      root: {
        id: "root",
        path: "",
        module: { default: () => null, loader: () => ({ greeting: "xin chào" }) },
      },
    },
    assets: {
      entry: { module: "/entry.js", imports: [] },
      routes: { root: { id: "root", path: "", hasLoader: true, module: "/root.js" } },
      url: "/manifest.js",
      version: "1",
    },
    future: { v3_singleFetch: true },
    publicPath: "/",
    assetsBuildDirectory: "/tmp",
    isSpaMode: false,
    basename: undefined,
  } as unknown as ServerRuntime.ServerBuild;
  const response = await runtime.createRequestHandler(
    build,
    "production",
  )(new Request("http://127.0.0.1/"));
  expect(response.status).toBe(200);
  return { encodings, handedOff };
}

describe("the loader data handed to the browser", () => {
  it("is not encoded for a document that does not read it", async () => {
    const { encodings } = await renderDocument(() => Promise.resolve(""));
    expect(encodings).toBe(0);
  });

  it("is encoded once, with the loader's data, for a document that reads it", async () => {
    const { encodings, handedOff } = await renderDocument((stream) => new Response(stream).text());
    expect(encodings).toBe(1);
    expect(handedOff).toContain("xin chào");
  });
});
