import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { UPLOAD_ROUTES } from "../../server/request-limits";
import { projectRoot } from "../helpers/server";

/**
 * Every page form is refused past 64 KiB before Remix reads it (docs/decisions/016); only the
 * routes named in UPLOAD_ROUTES may receive files. A route whose action reads an upload must
 * be named there, or its files would be refused: this test fails until it is.
 */
const READS_FILES = /\b(readUploadForm|handleImportAction)\(/;

it("names every route that reads uploaded files, and only those", () => {
  const routesDir = join(projectRoot, "app", "routes");
  const readingFiles = readdirSync(routesDir)
    .filter((file) => READS_FILES.test(readFileSync(join(routesDir, file), "utf8")))
    .map((file) => `routes/${file.replace(/\.tsx?$/, "")}`)
    .sort();
  expect(readingFiles.length).toBeGreaterThan(0);
  expect([...UPLOAD_ROUTES].sort()).toEqual(readingFiles);
});
