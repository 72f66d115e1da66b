import { DomainError, Invalid, Unauthorized } from "~/lib/errors";
import type { Actor } from "~/modules/auth/actor";
import { readUploadForm, fileBytes } from "~/modules/images/upload.server";
import type { Db } from "~db/client.server";
import { MAX_IMPORT_BYTES } from "./decode.server";
import { commitImportJob, getImportJob, startImportCheck, type ImportJob } from "./jobs.server";
import { producerImportScope, staffImportScope } from "./scope.server";

/**
 * What the two import pages (producer workspace, staff) do with a request, so each route
 * stays a few lines: the area decides the scope and which files are accepted.
 */
export type ImportArea = ImportJob["area"];

function scopeFor(actor: Actor, area: ImportArea) {
  return area === "producer" ? producerImportScope(actor) : staffImportScope(actor);
}

/** The job named by `?lan=` when the person owns it, else null. */
export function importJobFor(actor: Actor, area: ImportArea, jobId: string | null) {
  scopeFor(actor, area);
  if (!jobId || actor.kind !== "user") return null;
  return getImportJob(actor.userId, area, jobId);
}

/** Where to go next, or why the upload was refused (for the form, via `formError`). */
export type ImportActionResult = { redirectTo: string } | { refused: DomainError };

/** Handles the page's form: "check" starts a job from the uploaded files, "commit" writes it. */
export async function handleImportAction(
  db: Db,
  actor: Actor,
  area: ImportArea,
  request: Request,
  path: string,
  ipAddress: string | null,
): Promise<ImportActionResult> {
  const scope = scopeFor(actor, area);
  if (actor.kind !== "user") throw new Unauthorized();
  try {
    const form = await readUploadForm(request, MAX_IMPORT_BYTES, "import.error.tooLarge");
    if (form.get("intent") === "commit") {
      const job = await commitImportJob(db, actor.userId, area, String(form.get("job") ?? ""), {
        ipAddress,
      });
      return { redirectTo: `${path}?lan=${job.id}` };
    }
    const products = await fileBytes(form, "products");
    const producers = area === "staff" ? await fileBytes(form, "producers") : null;
    if (!products && !producers) return { refused: new Invalid("import.noFile") };
    const id = await startImportCheck(
      db,
      scope,
      actor.userId,
      area,
      { products: products ?? undefined, producers: producers ?? undefined },
      actor.locale,
    );
    return { redirectTo: `${path}?lan=${id}` };
  } catch (error) {
    // A file that cannot be read or checked goes back to the form; anything else is a page error.
    if (error instanceof DomainError && (error.status === 400 || error.status === 413)) {
      return { refused: error };
    }
    throw error;
  }
}
