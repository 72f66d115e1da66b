import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The import-boundary rule of docs/architecture.md, as a local ESLint rule (no plugin to
 * install): every import of app/, db/, server/ and scripts/ is resolved to a project path and
 * both ends are given a layer; an import that points up a layer, across a forbidden pair of
 * modules or into another module's internals is reported.
 *
 * Layers, bottom to top:
 *   lib (app/lib) and db (db/schema, db/client.server.ts)
 *   platform (app/modules/platform)
 *   module (every other app/modules/<area>)
 *   routes (app/routes), components (app/components)
 *   entry (app/root.tsx, app/entry.*.tsx, app/routes.ts), server (server/), scripts
 *   (scripts/, db/seed/*.ts): the composition roots
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** [importer, imported]: the dependency belongs the other way (docs/architecture.md). */
const FORBIDDEN_MODULE_PAIRS = [
  ["payments", "orders"],
  ["listings", "moderation"],
];

/** What each layer may import (a module may also import other modules' public files). */
const ALLOWED = {
  lib: ["lib", "db"],
  db: ["lib", "db"],
  platform: ["lib", "db", "platform"],
  module: ["lib", "db", "platform", "module"],
  routes: ["lib", "db", "platform", "module", "components", "routes"],
  components: ["lib", "db", "platform", "module", "components"],
  entry: ["lib", "db", "platform", "module", "components", "routes", "entry", "server"],
  server: ["lib", "db", "platform", "module", "components", "routes", "entry", "server"],
  scripts: ["lib", "db", "platform", "module", "entry", "server", "scripts"],
};

/** A module's private file (`*.internal.ts`, `*.internal.server.ts`); specifiers omit `.ts`. */
const INTERNAL_FILE = /\.internal(\.server)?(\.tsx?)?$/;
const SERVER_FILE = /\.server(\.tsx?)?$/;

/**
 * The layer of a project-relative path (forward slashes), with its module name for app/modules;
 * null for files outside the layered code (tests, configuration).
 */
export function layerOf(path) {
  const parts = path.split("/");
  if (parts[0] === "app") {
    if (parts[1] === "lib") return { layer: "lib" };
    if (parts[1] === "routes") return { layer: "routes" };
    if (parts[1] === "components") return { layer: "components" };
    if (parts[1] === "modules" && parts.length > 3) {
      return parts[2] === "platform"
        ? { layer: "platform", module: "platform" }
        : { layer: "module", module: parts[2] };
    }
    if (parts.length === 2) return { layer: "entry" };
    return null;
  }
  if (parts[0] === "db") {
    // The seed loader runs modules (password hashing, the search index): a script.
    if (parts[1] === "seed" && /\.tsx?$/.test(path)) return { layer: "scripts" };
    return { layer: "db" };
  }
  if (parts[0] === "server") return { layer: "server" };
  if (parts[0] === "scripts") return { layer: "scripts" };
  return null;
}

/** The project-relative path an import specifier points at; null for packages. */
function resolveSpecifier(specifier, fromFile) {
  const bare = specifier.replace(/\?.*$/, "");
  let absolute;
  if (bare.startsWith("~/")) absolute = resolve(ROOT, "app", bare.slice(2));
  else if (bare.startsWith("~db/")) absolute = resolve(ROOT, "db", bare.slice(4));
  else if (bare.startsWith(".")) absolute = resolve(dirname(fromFile), bare);
  else return null;
  return relative(ROOT, absolute).split(sep).join("/");
}

function describe(where) {
  return where.layer === "module" || where.layer === "platform"
    ? `app/modules/${where.module}`
    : where.layer;
}

/** Why importing `target` (a project path) from `source` breaks a boundary, or null. */
export function boundaryViolation(sourcePath, targetPath, isTypeOnly) {
  const from = layerOf(sourcePath);
  const to = layerOf(targetPath);
  if (!from || !to) return null;
  const sameModule = from.module !== undefined && from.module === to.module;
  if (to.module !== undefined && !sameModule && INTERNAL_FILE.test(targetPath)) {
    return `${targetPath} is internal to app/modules/${to.module}: import one of its public files`;
  }
  if (!ALLOWED[from.layer].includes(to.layer)) {
    return `${describe(from)} (layer "${from.layer}") may not import ${describe(to)} (layer "${to.layer}"): dependencies point down`;
  }
  for (const [importer, imported] of FORBIDDEN_MODULE_PAIRS) {
    if (from.module === importer && to.module === imported) {
      return `app/modules/${importer} may not import app/modules/${imported}: the dependency points the other way`;
    }
  }
  // Types vanish from the bundle; a value import would put server code in the browser's.
  if (from.layer === "components" && !isTypeOnly && SERVER_FILE.test(targetPath)) {
    return `a component may not import a .server file (${targetPath}): pass the data in as props`;
  }
  return null;
}

function isTypeOnlyImport(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 &&
    specifiers.every((s) => s.importKind === "type" || s.exportKind === "type")
  );
}

/** @type {import("eslint").Rule.RuleModule} */
export const importBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Imports follow the layers of docs/architecture.md" },
    schema: [],
    messages: { boundary: "Import boundary: {{why}} (docs/architecture.md)." },
  },
  create(context) {
    const sourcePath = relative(ROOT, context.filename).split(sep).join("/");
    if (!layerOf(sourcePath)) return {};

    function check(node, sourceNode, isTypeOnly) {
      if (!sourceNode || typeof sourceNode.value !== "string") return;
      const targetPath = resolveSpecifier(sourceNode.value, context.filename);
      if (!targetPath) return;
      const why = boundaryViolation(sourcePath, targetPath, isTypeOnly);
      if (why) context.report({ node: sourceNode, messageId: "boundary", data: { why } });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnlyImport(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, isTypeOnlyImport(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ImportExpression: (node) => check(node, node.source, false),
    };
  },
};

export default { rules: { "import-boundaries": importBoundaries } };
