import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

/**
 * The island (app/islands/enhance.ts): the small script that a page sent without React runs
 * instead of hydrating (docs/decisions/035). The browser build emits it as an entry of its own
 * and writes where it went, with the shared chunks it imports, to `island-script.json`; the
 * server build (Remix builds the browser first) reads that file into
 * app/lib/island-script.ts, which the root Layout names in `<script type="module">` and
 * modulepreload links.
 */
export function islandPlugin(appDir: string, clientBuildDir: string): Plugin {
  const entry = path.join(appDir, "islands/enhance.ts");
  const scriptFile = "island-script.json";
  const scriptModule = path.join(appDir, "lib/island-script.ts");
  let ssr = false;
  let base = "/";
  return {
    name: "cung-cau:island",
    apply: "build",
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
      base = config.base;
    },
    buildStart() {
      if (!ssr) this.emitFile({ type: "chunk", id: entry, name: "island" });
    },
    load(id, options) {
      if (id !== scriptModule || !options?.ssr) return null;
      const file = path.join(clientBuildDir, scriptFile);
      if (!existsSync(file)) return null;
      return `export const islandScript = ${readFileSync(file, "utf8")};`;
    },
    generateBundle(_options, bundle) {
      if (ssr) return;
      const chunk = Object.values(bundle).find(
        (output) => output.type === "chunk" && output.facadeModuleId === entry,
      );
      if (chunk?.type !== "chunk") this.error(`the island ${entry} was not built`);
      const script = {
        src: base + chunk.fileName,
        imports: chunk.imports.map((fileName) => base + fileName),
      };
      this.emitFile({ type: "asset", fileName: scriptFile, source: JSON.stringify(script) });
    },
  };
}
