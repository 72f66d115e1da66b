/** The island's module and the shared modules it imports, named in modulepreload links. */
export interface IslandScript {
  src: string;
  imports: string[];
}

/**
 * Where the browser build put the island (app/islands/enhance.ts): the small script that a
 * page sent without React runs instead (docs/decisions/035). Filled in by the server build from
 * the browser build's output (scripts/build/island.ts); until then, in development, Vite
 * serves the source itself. Only the server renders these paths (root.tsx's Layout, for a
 * document that does not hydrate), so the browser build keeps the placeholder. Only this
 * constant is replaced, so the module holds nothing else at run time.
 */
export const islandScript: IslandScript = { src: "/app/islands/enhance.ts", imports: [] };
