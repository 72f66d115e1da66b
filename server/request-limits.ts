import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import type { RequestRefusal } from "~/modules/platform/load-context";
import { multipartBoundary, type BodyRefusal } from "./request-body";

type RouteObject = NonNullable<Parameters<typeof matchRoutes>[0]>[number];

/**
 * How much a request may send, by the kind of route it reaches
 * (docs/decisions/016-request-limits.md). Every page form of the site is a few kilobytes and
 * a few dozen fields; the largest (a listing with its description) is far under these.
 */
export const FORM_MAX_BYTES = 64 * 1024;
export const FORM_MAX_FIELDS = 1000;
/**
 * A multipart upload in total: the image routes keep 15 MB per file and the import 10 MB per
 * file (two files on the staff page), checked by their own handlers; this bounds the whole.
 */
export const UPLOAD_MAX_BYTES = 32 * 1024 * 1024;
/** JSON for the business API and the Stripe webhook (the orders fast path has the same cap). */
export const API_MAX_BYTES = 1024 * 1024;

/**
 * Routes whose action reads files: `readUploadForm` (images of a listing, also on its create
 * form, the producer's profile, the member import) and the listing import upload
 * (app/modules/import/web.server.ts). A route that starts reading files must be added here,
 * or its uploads are refused at 64 KiB (tests/unit/upload-routes.test.ts fails until it is).
 */
export const UPLOAD_ROUTES: ReadonlySet<string> = new Set([
  "routes/ban-hang.ho-so",
  "routes/ban-hang.san-pham.$sku",
  "routes/ban-hang.san-pham.moi",
  "routes/ban-hang.nhap-du-lieu",
  "routes/quan-ly.nhap-du-lieu",
  "routes/quan-ly.hoi-vien.nhap",
]);

/** What the server knows about the route a URL reaches before Remix runs it. */
export interface RouteRules {
  /** `api`: /api/… (JSON errors); `upload`: may receive files; `page`: every other form. */
  kind: "page" | "upload" | "api";
  /** Whether the route that would answer a POST has an action. */
  hasAction: boolean;
  /** The methods the route answers, for `Allow`. */
  allow: string[];
}

function routeTree(build: ServerBuild, parentId: string | undefined): RouteObject[] {
  return Object.values(build.routes)
    .filter((route) => route.parentId === parentId)
    .map((route) => {
      const common = { id: route.id, path: route.path, caseSensitive: route.caseSensitive };
      return route.index
        ? { ...common, index: true }
        : { ...common, children: routeTree(build, route.id) };
    });
}

/**
 * Classifies URLs against the build's routes the way Remix will match them: the route that
 * takes a POST is the deepest one with a path, or the index route with a bare `?index`
 * (the router's getTargetMatch), and single-fetch `.data` URLs stand for their page.
 */
export function routeRulesOf(build: ServerBuild): (url: URL) => RouteRules {
  const tree = routeTree(build, undefined);
  // `matchRoutes` flattens and ranks the whole route tree on every call (about 0.3 ms here,
  // 4% of a page's server time in the profile of docs/decisions/034): the answer depends only
  // on the path and a bare `?index`, so it is remembered, for a bounded number of paths.
  const known = new Map<string, RouteRules>();
  return (url) => {
    const pathname = url.pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
    const nakedIndex = url.searchParams.getAll("index").includes("");
    const key = nakedIndex ? `${pathname}?index` : pathname;
    let rules = known.get(key);
    if (!rules) {
      rules = classify(pathname, nakedIndex);
      if (key.length > KNOWN_PATH_MAX_LENGTH) return rules;
      if (known.size >= KNOWN_PATHS_MAX) known.clear();
      known.set(key, rules);
    }
    return rules;
  };

  function classify(pathname: string, nakedIndex: boolean): RouteRules {
    const matches = matchRoutes(tree, pathname) ?? [];
    const last = matches.at(-1);
    const target =
      last?.route.index && nakedIndex
        ? last
        : matches.filter((match, i) => i === 0 || Boolean(match.route.path)).at(-1);
    const targetId = target?.route.id;
    const module = targetId ? build.routes[targetId]?.module : undefined;
    const hasAction = Boolean(module?.action);
    const kind = pathname.startsWith("/api/")
      ? "api"
      : targetId && UPLOAD_ROUTES.has(targetId)
        ? "upload"
        : "page";
    // A page renders without a loader; a resource route without one answers no GET.
    const answersGet = Boolean(module?.loader ?? module?.default);
    const allow = [...(answersGet ? ["GET", "HEAD"] : []), ...(hasAction ? ["POST"] : [])];
    return { kind, hasAction, allow };
  }
}

/**
 * Paths whose rules are remembered; past it the memory starts over (a crawl of every product
 * costs one match per path, as before, and never more memory than this).
 */
const KNOWN_PATHS_MAX = 2000;
/** Longer paths (no page of the site has one) are matched every time, so the memory stays small. */
const KNOWN_PATH_MAX_LENGTH = 300;

/**
 * The methods that may reach an API route's action, which names its own `Allow` when it
 * refuses one. Remix's router answers any other method with a bare 405 (and the fetch API
 * cannot even carry CONNECT or TRACE), so those are refused here.
 */
const API_ACTION_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** `multipart/form-data` of `multipart/form-data; boundary=x`, lower-cased. */
export function mediaType(contentType: string): string {
  return contentType.split(";")[0]?.trim().toLowerCase() ?? "";
}

/** What a page form may send: url-encoded, or multipart with a boundary to parse it by. */
export function isFormBody(contentType: string): boolean {
  const type = mediaType(contentType);
  if (!FORM_TYPES.has(type)) return false;
  return type !== "multipart/form-data" || multipartBoundary(contentType) !== null;
}

/** The refusal of a body that passed a limit (413) or arrived too slowly (408). */
export function bodyRefusal(reason: BodyRefusal, maxFields: number | null): RequestRefusal {
  if (reason === "tooSlow") {
    return { status: 408, code: "request_timeout", messageKey: "platform.errors.bodyTooSlow" };
  }
  if (reason === "tooManyFields") {
    return {
      status: 413,
      code: "too_many_fields",
      messageKey: "platform.errors.tooManyFields",
      params: { max: maxFields ?? FORM_MAX_FIELDS },
    };
  }
  return { status: 413, code: "payload_too_large", messageKey: "platform.errors.bodyTooLarge" };
}

/** The refusal of a method the route does not take (405; the caller adds `Allow`). */
export function methodRefusal(method: string): RequestRefusal {
  return {
    status: 405,
    code: "method_not_allowed",
    messageKey: "platform.errors.methodNotAllowed",
    params: { method },
  };
}

/** The refusal of a page POST that no form of the site sends. */
export const UNSUPPORTED_MEDIA_TYPE: RequestRefusal = {
  status: 415,
  code: "unsupported_media_type",
  messageKey: "platform.errors.unsupportedMediaType",
};

/** Whether `method` may reach Remix for a route with these rules. */
export function acceptsMethod(rules: RouteRules, method: string): boolean {
  if (rules.allow.includes(method)) return true;
  return rules.kind === "api" && rules.hasAction && API_ACTION_METHODS.has(method);
}
