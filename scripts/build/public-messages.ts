import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { en } from "../../app/lib/i18n/en";
import { PUBLIC_MESSAGE_ROUTES } from "../../app/lib/i18n/public-pages";
import { vi } from "../../app/lib/i18n/vi";

/**
 * The browser build of app/lib/i18n/public-vi.ts and public-en.ts: only the messages whose keys
 * the public pages' code names (docs/decisions/035). The keys are read from the source: the
 * root and the public routes, and every app module they import but the catalogs themselves,
 * server modules included: their keys reach the browser as data (a validation message an
 * action sends back). A key this scan cannot see is a safety net's business: entry.client.tsx
 * loads the whole language for a key in the page's data, and translate.ts for any other.
 */
export function publicMessagesPlugin(appDir: string, clientBuildDir: string): Plugin {
  const targets = new Map([
    [path.join(appDir, "lib/i18n/public-vi.ts"), vi],
    [path.join(appDir, "lib/i18n/public-en.ts"), en],
  ]);
  // Which chunk holds which catalog: written by the browser build, read by the server build
  // (Remix builds the browser first) into app/lib/i18n/catalog-chunks.server.ts.
  const chunkModules = new Map([
    [path.join(appDir, "lib/i18n/public-vi.ts"), ["vi", "public"]],
    [path.join(appDir, "lib/i18n/vi.ts"), ["vi", "all"]],
    [path.join(appDir, "lib/i18n/public-en.ts"), ["en", "public"]],
    [path.join(appDir, "lib/i18n/en.ts"), ["en", "all"]],
  ]);
  const chunksFile = "catalog-chunks.json";
  const chunksModule = path.join(appDir, "lib/i18n/catalog-chunks.server.ts");
  let keys: string[] | undefined;
  let ssr = false;
  let base = "/";
  return {
    name: "cung-cau:public-messages",
    apply: "build",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
      base = config.base;
    },
    load(id, options) {
      if (id === chunksModule && options?.ssr) {
        const file = path.join(clientBuildDir, chunksFile);
        const chunks = existsSync(file) ? readFileSync(file, "utf8") : "{}";
        return `export const catalogChunks = ${chunks};`;
      }
      const catalog = targets.get(id);
      if (options?.ssr || !catalog) return null;
      keys ??= publicMessageKeys(appDir, Object.keys(vi));
      const messages = Object.fromEntries(keys.map((key) => [key, catalog[key as keyof typeof vi]]));
      return `export const messages = ${JSON.stringify(messages)};`;
    },
    generateBundle(_options, bundle) {
      if (ssr) return;
      const chunks: Record<string, Record<string, string>> = {};
      for (const output of Object.values(bundle)) {
        const where = output.type === "chunk" && chunkModules.get(output.facadeModuleId ?? "");
        if (!where) continue;
        const [locale = "", scope = ""] = where;
        (chunks[locale] ??= {})[scope] = base + output.fileName;
      }
      this.emitFile({ type: "asset", fileName: chunksFile, source: JSON.stringify(chunks) });
    },
  };
}

/** The keys of `allKeys` that the public pages' code (or any module it imports) names. */
export function publicMessageKeys(appDir: string, allKeys: readonly string[]): string[] {
  const code = [...publicSourceFiles(appDir)].map((file) => readFileSync(file, "utf8")).join("\n");
  const literals = new Set(
    [...code.matchAll(/["'`]([A-Za-z][\w-]*(?:\.[\w-]+)+)["'`]/g)].map((match) => match[1]),
  );
  // `status.${value}` and "status." + value name every key under the prefix.
  const prefixes = [
    ...code.matchAll(/`([A-Za-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g),
    ...code.matchAll(/["']([A-Za-z][\w-]*(?:\.[\w-]+)*\.)["']\s*\+/g),
  ].map((match) => match[1] ?? "");
  return allKeys.filter(
    (key) => literals.has(key) || prefixes.some((prefix) => key.startsWith(prefix)),
  );
}

/** Source files the public routes reach through their imports, from app/. */
function publicSourceFiles(appDir: string): Set<string> {
  const routeFiles = [...PUBLIC_MESSAGE_ROUTES].map((id) =>
    id === "root" ? path.join(appDir, "root") : path.join(appDir, id),
  );
  const found = new Set<string>();
  const pending = routeFiles.map((file) => resolveSource(file)).filter(isString);
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      const specifier = match[1] ?? "";
      const base = specifier.startsWith("~/")
        ? path.join(appDir, specifier.slice(2))
        : specifier.startsWith(".")
          ? path.resolve(path.dirname(file), specifier)
          : undefined;
      const resolved = base && resolveSource(base);
      if (resolved && !found.has(resolved)) pending.push(resolved);
    }
  }
  if (found.size === 0) throw new Error("public-messages: no route file found under " + appDir);
  return found;
}

/** A module file for an import path, unless it never reaches the browser or is a catalog. */
function resolveSource(base: string): string | undefined {
  const candidates = [base, `${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`];
  const file = candidates.find((candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate));
  if (!file) return undefined;
  if (/[/\\]i18n[/\\](?:vi|en|[\w-]+\.(?:vi|en)|bundled-catalogs)\.ts$/.test(file)) return undefined;
  return file;
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}
