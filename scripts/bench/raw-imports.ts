import { register } from "node:module";

/**
 * Vite's `?raw` imports (the bundled province and commune lists of app/lib) for code the
 * benchmark runs under tsx, which does not know them: the file's text as default export.
 * Registered by the cases that need it, before they import such code.
 */
const hooks = `
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
export async function load(url, context, nextLoad) {
  const parsed = new URL(url);
  if (parsed.protocol !== "file:" || parsed.search !== "?raw") return nextLoad(url, context);
  parsed.search = "";
  const text = readFileSync(fileURLToPath(parsed), "utf8");
  return { format: "module", source: "export default " + JSON.stringify(text) + ";", shortCircuit: true };
}
`;

let registered = false;

/** Lets `import text from "./file.csv?raw"` work in this process. */
export function registerRawImports(): void {
  if (registered) return;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  registered = true;
}
