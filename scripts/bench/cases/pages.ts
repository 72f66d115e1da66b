import { writeFileSync, rmSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { DEMO_TEMPLATE_ENV, seedDemoTemplate } from "../../../tests/helpers/demo-template";
import {
  freePort,
  spawnGroup,
  startServer,
  waitForHealthy,
  type SpawnedProcess,
} from "../../../tests/helpers/server";
import { formatTable } from "../table";
import type { BenchCase, BenchRow } from "../types";

const CONNECTIONS = 20;
const SECONDS = Math.max(1, Number(process.env.PAGES_BENCH_SECONDS ?? 10) || 10);
const WARMUP_SECONDS = Math.max(0, Number(process.env.PAGES_BENCH_WARMUP_SECONDS ?? 2) || 0);
const SEARCH_QUERY = "tiêu";

interface Page {
  name: string;
  path: string;
}

interface Measurement {
  "req/s": number;
  /** Bytes received per answer, headers included: what compression saved. */
  "bytes/answer": number;
  "p50 (ms)": number;
  "p99 (ms)": number;
  "non-2xx": number;
  errors: number;
}

/** One answer as autocannon gets it: no cookies, no Accept-Encoding, no Accept-Language. */
interface Answer {
  status: number;
  contentType: string;
  pageCache: string;
  body: Buffer;
}

function fetchAnswer(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"] ?? ""),
          pageCache: String(res.headers["x-page-cache"] ?? "none"),
          body: Buffer.concat(chunks),
        }),
      );
      res.on("error", reject);
    }).on("error", reject);
  });
}

/** The four pages of the acceptance line, with a product and its producer from the database. */
function pagesOf(databasePath: string): Page[] {
  const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const published = sqlite
      .prepare<[], { listingSlug: string; producerCode: string }>(
        `select listings.slug as listingSlug, producers.code as producerCode
           from listings join producers on producers.id = listings.producer_id
          where listings.status = 'published'
          order by listings.id limit 1`,
      )
      .get();
    if (!published) throw new Error("the seeded demo database has no published listing");
    return [
      { name: "home", path: "/" },
      { name: "search", path: `/tim-kiem?q=${encodeURIComponent(SEARCH_QUERY)}` },
      { name: "product", path: `/san-pham/${published.listingSlug}` },
      { name: "producer", path: `/nha-san-xuat/${published.producerCode}` },
    ];
  } finally {
    sqlite.close();
  }
}

/**
 * What a browser sends that changes the answer of a cached page: it always offers compression,
 * and a stored page is then spliced from parts gzipped once (server/gzip-splice.ts).
 */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };

/** A short warm-up at full load, then SECONDS of 20 connections; only 2xx answers count. */
async function measure(
  url: string,
  label: string,
  headers: Record<string, string> = {},
): Promise<Measurement> {
  console.error(`  ${label}: ${url}`);
  if (WARMUP_SECONDS > 0) {
    await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS, headers });
  }
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return {
    "req/s": Math.round((result["2xx"] / result.duration) * 10) / 10,
    "bytes/answer": Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    "p50 (ms)": result.latency.p50,
    "p99 (ms)": result.latency.p99,
    "non-2xx": result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function withProcess<T>(
  proc: SpawnedProcess,
  readyUrl: string,
  body: () => Promise<T>,
): Promise<T> {
  try {
    await waitForHealthy(readyUrl, proc, 60_000);
    return await body();
  } finally {
    await proc.stop();
  }
}

interface AppRun {
  byPage: Map<string, Measurement>;
  /** With PAGE_CACHE=on, the same pages asked for as a browser asks (compressed). */
  asBrowser: Map<string, Measurement>;
  answers: Map<string, Answer>;
  /** Per page, what X-Page-Cache said on a request before and after the measurement. */
  cacheHeaders: Map<string, string>;
}

/** This app (scripts/start.ts, production build) on a copy of the seeded template. */
async function measureApp(pages: Page[], pageCache: "on" | "off"): Promise<AppRun> {
  console.error(`this app, PAGE_CACHE=${pageCache}: starting`);
  const server = await startServer({ env: { PAGE_CACHE: pageCache, LOG_LEVEL: "warn" } });
  const run: AppRun = {
    byPage: new Map(),
    asBrowser: new Map(),
    answers: new Map(),
    cacheHeaders: new Map(),
  };
  try {
    for (const page of pages) {
      const url = server.url + page.path;
      // The first view fills the cache (and warms whatever the first search needs).
      const first = await fetchAnswer(url);
      if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
      const before = await fetchAnswer(url);
      run.answers.set(page.name, before);
      run.byPage.set(page.name, await measure(url, `${page.name}, PAGE_CACHE=${pageCache}`));
      const after = await fetchAnswer(url);
      run.cacheHeaders.set(page.name, `${before.pageCache}/${after.pageCache}`);
      if (pageCache === "on") {
        const label = `${page.name}, PAGE_CACHE=on, as a browser`;
        run.asBrowser.set(page.name, await measure(url, label, BROWSER_HEADERS));
      }
    }
  } finally {
    await server.stop();
  }
  return run;
}

async function measureOneRoute(databasePath: string): Promise<Measurement> {
  console.error("one-route Remix app: starting");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const proc = spawnGroup(
    process.execPath,
    ["--import", "tsx", "scripts/bench/one-route/server.ts"],
    { NODE_ENV: "production", PORT: String(port), DATABASE_PATH: databasePath },
  );
  return withProcess(proc, url, async () => {
    const answer = await fetchAnswer(url);
    if (!answer.body.includes("<h1>"))
      throw new Error(`the one-route app sent no page:\n${answer.body}`);
    return measure(url, "one-route Remix");
  });
}

async function measureSameBytes(
  pages: Page[],
  answers: Map<string, Answer>,
  dir: string,
): Promise<Map<string, Measurement>> {
  console.error("node:http same bytes: starting");
  const pagesFile = join(dir, "pages.json");
  const stored = Object.fromEntries(
    pages.map((page) => {
      const answer = answers.get(page.name);
      if (!answer) throw new Error(`no stored answer for ${page.name}`);
      return [
        page.path,
        { contentType: answer.contentType, bodyBase64: answer.body.toString("base64") },
      ];
    }),
  );
  writeFileSync(pagesFile, JSON.stringify(stored));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const proc = spawnGroup(
    process.execPath,
    ["--import", "tsx", "scripts/bench/one-route/same-bytes-server.ts"],
    { NODE_ENV: "production", PORT: String(port), PAGES_FILE: pagesFile },
  );
  return withProcess(proc, base + (pages[0]?.path ?? "/"), async () => {
    const byPage = new Map<string, Measurement>();
    for (const page of pages) {
      byPage.set(page.name, await measure(base + page.path, `${page.name}, node:http`));
    }
    return byPage;
  });
}

/** A ratio as a whole percentage: the tables print one decimal, too coarse for 0.09 vs 0.1. */
const percentOf = (numerator: number, denominator: number) =>
  denominator > 0 ? Math.round((numerator / denominator) * 100) : Number.NaN;

/**
 * Requests/s of the storefront's document pages against two yardsticks, one server at a time
 * on the same machine (issue 17): this app with the page cache off and on, a one-route Remix
 * app rendering a small page from one SQLite query (scripts/bench/one-route/), and node:http
 * sending the bytes this app sent for the page. autocannon runs in this process, 20
 * connections, PAGES_BENCH_SECONDS (10) per measurement after PAGES_BENCH_WARMUP_SECONDS (2).
 * The targets compare answers without compression, as the issue measured them; the cached
 * pages are also asked for as a browser asks (with Accept-Encoding), printed beside them.
 */
export const pagesCase: BenchCase = {
  name: "pages",
  description:
    "home, search, product, producer: req/s uncached and cached vs a one-route Remix app and node:http",
  async run() {
    console.error("seeding the demo database once for every server…");
    const template = await seedDemoTemplate();
    const previousTemplate = process.env[DEMO_TEMPLATE_ENV];
    process.env[DEMO_TEMPLATE_ENV] = template;
    try {
      const pages = pagesOf(join(template, "app.db"));
      const uncached = await measureApp(pages, "off");
      const cached = await measureApp(pages, "on");
      const oneRoute = await measureOneRoute(join(template, "app.db"));
      const sameBytes = await measureSameBytes(pages, uncached.answers, template);

      const summary: BenchRow[] = [];
      const notes: string[] = [];
      for (const page of pages) {
        const off = uncached.byPage.get(page.name);
        const on = cached.byPage.get(page.name);
        const plain = sameBytes.get(page.name);
        const bytes = uncached.answers.get(page.name)?.body.length ?? 0;
        const cacheHeaders = cached.cacheHeaders.get(page.name) ?? "?";
        if (!off || !on || !plain) throw new Error(`a measurement of ${page.name} is missing`);
        if (cacheHeaders !== "hit/hit") {
          notes.push(
            `${page.name}: the cached run did not get X-Page-Cache: hit (before/after: ${cacheHeaders}); its figure is not a cached one`,
          );
        }
        const rows: BenchRow[] = [
          { server: "this app, uncached", ...off },
          { server: "this app, cached", ...on, "X-Page-Cache": cacheHeaders },
          { server: "this app, cached, gzip", ...cached.asBrowser.get(page.name) },
          { server: "one-route Remix", ...oneRoute },
          { server: "node:http same bytes", ...plain },
        ];
        for (const row of rows) {
          const rps = Number(row["req/s"]);
          row["% of one-route"] = percentOf(rps, oneRoute["req/s"]);
          row["% of node:http"] = percentOf(rps, plain["req/s"]);
        }
        console.log(`\n### ${page.name} ${page.path} (${Math.round(bytes / 1024)} KB)\n`);
        console.log(formatTable(rows));
        summary.push({
          page: page.name,
          "uncached req/s": off["req/s"],
          "cached req/s": on["req/s"],
          "cached gzip req/s": cached.asBrowser.get(page.name)?.["req/s"] ?? "?",
          "one-route req/s": oneRoute["req/s"],
          "node:http req/s": plain["req/s"],
          "uncached % of one-route": percentOf(off["req/s"], oneRoute["req/s"]),
          "cached % of node:http": percentOf(on["req/s"], plain["req/s"]),
          "cache hit": cacheHeaders === "hit/hit" ? "yes" : "NO",
          "non-2xx": off["non-2xx"] + on["non-2xx"],
        });
      }
      console.log(`\n### summary (${CONNECTIONS} connections, ${SECONDS} s each)\n`);
      console.log(
        "The one-route app has one page, measured once; every page is compared with that figure.",
      );
      for (const note of notes) console.log(`NOTE ${note}`);
      return {
        rows: summary,
        targets: [
          { column: "uncached % of one-route", op: ">=", value: 50 },
          { column: "cached % of node:http", op: ">=", value: 30 },
          { column: "non-2xx", op: "<=", value: 0 },
        ],
      };
    } finally {
      if (previousTemplate === undefined) Reflect.deleteProperty(process.env, DEMO_TEMPLATE_ENV);
      else process.env[DEMO_TEMPLATE_ENV] = previousTemplate;
      rmSync(template, { recursive: true, force: true });
    }
  },
};
