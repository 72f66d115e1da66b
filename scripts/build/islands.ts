import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

/**
 * The islands (app/islands/): small scripts that pages sent without React run instead of
 * hydrating (docs/decisions/035). The browser build emits each as an entry of its own and
 * writes where it went to `island-scripts.json`; the server build (Remix builds the browser
 * first) reads that file into app/lib/island-scripts.ts, whose paths the root Layout
 * puts in a `<script type="module">`.
 */
export function islandsPlugin(appDir: string, clientBuildDir: string): Plugin {
  const islands = new Map([[path.join(appDir, "islands/header-suggest.ts"), "headerSuggest"]]);
  const fileNames = new Map([["headerSuggest", "header-suggest"]]);
  const scriptsFile = "island-scripts.json";
  const scriptsModule = path.join(appDir, "lib/island-scripts.ts");
  let ssr = false;
  let base = "/";
  return {
    name: "cung-cau:islands",
    apply: "build",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
      base = config.base;
    },
    buildStart() {
      if (ssr) return;
      for (const [id, name] of islands) {
        this.emitFile({ type: "chunk", id, name: fileNames.get(name) ?? name });
      }
    },
    load(id, options) {
      if (id !== scriptsModule || !options?.ssr) return null;
      const file = path.join(clientBuildDir, scriptsFile);
      if (!existsSync(file)) return null;
      return `export const islandScripts = ${readFileSync(file, "utf8")};`;
    },
    generateBundle(_options, bundle) {
      if (ssr) return;
      // An island's own chunk and the shared chunks it imports (preloaded beside it).
      const scripts: Record<string, { src: string; imports: string[] }> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        const name = islands.get(output.facadeModuleId ?? "");
        if (!name) continue;
        scripts[name] = {
          src: base + output.fileName,
          imports: output.imports.map((fileName) => base + fileName),
        };
      }
      this.emitFile({ type: "asset", fileName: scriptsFile, source: JSON.stringify(scripts) });
    },
  };
}
