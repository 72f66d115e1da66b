import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { foldedWords } from "~/modules/search/words";

/**
 * A local stand-in for a Meilisearch server (127.0.0.1, random port) that records every
 * request the adapter sends and answers in Meilisearch's documented shapes: writes are
 * enqueued tasks (202 + taskUid), GET /tasks/{uid} reports them succeeded (or failed, like
 * creating an index that exists), search answers hits, totalHits and facetDistribution.
 * `setDown(true)` makes it unreachable: every connection is dropped.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

type Doc = Record<string, unknown> & { id: number };

interface FakeTask {
  uid: number;
  indexUid: string | null;
  status: "succeeded" | "failed";
  type: string;
  error: { message: string; code: string; type: string; link: string } | null;
}

export interface FakeMeili {
  url: string;
  requests: RecordedRequest[];
  documents: Map<number, Doc>;
  settings: Record<string, unknown>;
  setDown(down: boolean): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => {
      try {
        resolve(text === "" ? undefined : JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startFakeMeili(): Promise<FakeMeili> {
  const requests: RecordedRequest[] = [];
  const documents = new Map<number, Doc>();
  const settings: Record<string, unknown> = {};
  const tasks = new Map<number, FakeTask>();
  const indexes = new Set<string>();
  let down = false;

  const enqueue = (res: ServerResponse, task: Omit<FakeTask, "uid">) => {
    const uid = tasks.size;
    tasks.set(uid, { uid, ...task });
    send(res, 202, {
      taskUid: uid,
      indexUid: task.indexUid,
      status: "enqueued",
      type: task.type,
      enqueuedAt: new Date().toISOString(),
    });
  };

  const server: Server = createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const path = url.pathname;
      const method = req.method ?? "GET";
      requests.push({ method, path, body });
      let match: RegExpExecArray | null;

      if (method === "GET" && path === "/health") return send(res, 200, { status: "available" });
      if (method === "GET" && (match = /^\/tasks\/(\d+)$/.exec(path))) {
        const task = tasks.get(Number(match[1]));
        if (!task) return send(res, 404, { message: "task not found", code: "task_not_found" });
        const now = new Date().toISOString();
        return send(res, 200, {
          ...task,
          batchUid: task.uid,
          canceledBy: null,
          details: {},
          duration: "PT0.001S",
          enqueuedAt: now,
          startedAt: now,
          finishedAt: now,
        });
      }
      if (method === "POST" && path === "/indexes") {
        const { uid } = body as { uid: string };
        const exists = indexes.has(uid);
        indexes.add(uid);
        return enqueue(res, {
          indexUid: uid,
          type: "indexCreation",
          status: exists ? "failed" : "succeeded",
          error: exists
            ? {
                message: `Index \`${uid}\` already exists.`,
                code: "index_already_exists",
                type: "invalid_request",
                link: "https://docs.meilisearch.com/errors#index_already_exists",
              }
            : null,
        });
      }
      if ((match = /^\/indexes\/([^/]+)\/(.+)$/.exec(path))) {
        const indexUid = match[1] ?? "";
        const rest = match[2];
        const ok = (type: string) =>
          enqueue(res, { indexUid, type, status: "succeeded", error: null });
        if (method === "PATCH" && rest === "settings") {
          Object.assign(settings, body);
          return ok("settingsUpdate");
        }
        if (method === "POST" && rest === "documents") {
          for (const doc of body as Doc[]) documents.set(doc.id, doc);
          return ok("documentAdditionOrUpdate");
        }
        if (method === "POST" && rest === "documents/delete-batch") {
          for (const id of body as number[]) documents.delete(id);
          return ok("documentDeletion");
        }
        if (method === "DELETE" && rest === "documents") {
          documents.clear();
          return ok("documentDeletion");
        }
        if (method === "POST" && rest === "search") return send(res, 200, search(body));
      }
      send(res, 404, { message: `no route ${method} ${path}`, code: "not_found" });
    });
  });

  /** Enough of Meilisearch's search to answer in its shape: every word in the folded texts. */
  function search(body: unknown) {
    const params = body as { q?: string; page?: number; hitsPerPage?: number; facets?: string[] };
    const words = foldedWords(params.q ?? "");
    const matches = [...documents.values()].filter((doc) => {
      const text = ["title_folded", "tags_folded", "description_folded", "category_folded"]
        .map((field) => String(doc[field] ?? ""))
        .join(" ");
      return words.every((word) => text.split(" ").includes(word));
    });
    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const facet of params.facets ?? []) {
      const counts: Record<string, number> = {};
      for (const doc of matches) {
        const value = doc[facet];
        for (const v of Array.isArray(value) ? value : [value]) {
          counts[String(v)] = (counts[String(v)] ?? 0) + 1;
        }
      }
      facetDistribution[facet] = counts;
    }
    const page = params.page ?? 1;
    const hitsPerPage = params.hitsPerPage ?? 20;
    return {
      hits: matches
        .slice((page - 1) * hitsPerPage, page * hitsPerPage)
        .map((doc) => ({ id: doc.id })),
      query: params.q ?? "",
      processingTimeMs: 1,
      hitsPerPage,
      page,
      totalPages: Math.ceil(matches.length / hitsPerPage),
      totalHits: matches.length,
      facetDistribution,
    };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    documents,
    settings,
    setDown(value) {
      down = value;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
