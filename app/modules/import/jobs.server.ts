import { randomBytes } from "node:crypto";
import { DomainError, NotFound } from "~/lib/errors";
import { DEFAULT_LOCALE, type Locale } from "~/lib/i18n/locales";
import { t } from "~/lib/i18n/translate";
import { logger } from "~/modules/platform/logger.server";
import type { Db } from "~db/client.server";
import { commitImport, type ImportResult } from "./commit.server";
import type { Sheet } from "./decode.server";
import { planImport, type ImportPlan } from "./plan.server";
import { readImportFiles, type ImportFiles } from "./run.server";
import type { ImportScope } from "./scope.server";

/**
 * Imports from the web run as jobs so a large file shows its progress: the upload starts a
 * job that reads and checks the rows in the background (yielding between chunks), the page
 * polls it, and the person then commits the checked rows. Jobs live in this process's
 * memory for an hour: an import is a short, interactive task of one person, and a restart
 * only means uploading the file again (docs/decisions/008-listing-lifecycle.md).
 */

export type ImportJobStatus = "checking" | "checked" | "committing" | "committed" | "failed";

export interface ImportJob {
  id: string;
  ownerUserId: number;
  /** Where the job was started ("producer" workspace or "staff" page), so each page sees its own. */
  area: "producer" | "staff";
  status: ImportJobStatus;
  progress: { done: number; total: number };
  plan: ImportPlan | null;
  result: ImportResult | null;
  /** Worded, like the plan's problems, in the language of the person who started the job. */
  error: string | null;
  createdAt: number;
}

interface StoredJob extends ImportJob {
  scope: ImportScope;
  locale: Locale;
  sheets: { producers?: Sheet; products?: Sheet };
}

const JOB_TTL_MS = 60 * 60 * 1000;
const jobs = new Map<string, StoredJob>();

function sweep(now = Date.now()): void {
  for (const [id, job] of jobs) if (now - job.createdAt > JOB_TTL_MS) jobs.delete(id);
}

function publicView(job: StoredJob): ImportJob {
  const { scope: _scope, sheets: _sheets, locale: _locale, ...view } = job;
  return view;
}

/**
 * Reads the files now (so a wrong encoding is refused on the spot) and checks the rows in
 * the background. Returns the job id to poll.
 */
export async function startImportCheck(
  db: Db,
  scope: ImportScope,
  ownerUserId: number,
  area: ImportJob["area"],
  files: ImportFiles,
  locale: Locale = DEFAULT_LOCALE,
): Promise<string> {
  sweep();
  const sheets = await readImportFiles(files);
  const id = randomBytes(12).toString("hex");
  const job: StoredJob = {
    id,
    ownerUserId,
    area,
    scope,
    locale,
    sheets,
    status: "checking",
    progress: {
      done: 0,
      total: (sheets.producers?.rows.length ?? 0) + (sheets.products?.rows.length ?? 0),
    },
    plan: null,
    result: null,
    error: null,
    createdAt: Date.now(),
  };
  jobs.set(id, job);
  const onProgress = (done: number, total: number) => {
    job.progress = { done, total };
  };
  void planImport(db, scope, sheets, { onProgress, locale }).then(
    (plan) => {
      job.plan = plan;
      job.status = "checked";
    },
    (error: unknown) => {
      logger.error({ err: error, jobId: id }, "import check failed");
      job.error =
        error instanceof DomainError
          ? error.messageIn(locale)
          : t(locale, "import.error.checkFailed");
      job.status = "failed";
    },
  );
  return id;
}

function ownJob(ownerUserId: number, area: ImportJob["area"], id: string): StoredJob {
  sweep();
  const job = jobs.get(id);
  // Someone else's job, or one of the other area, does not exist for this person.
  if (!job || job.ownerUserId !== ownerUserId || job.area !== area) {
    throw new NotFound("import.error.jobNotFound");
  }
  return job;
}

/** The state of one of the person's jobs. */
export function getImportJob(ownerUserId: number, area: ImportJob["area"], id: string): ImportJob {
  return publicView(ownJob(ownerUserId, area, id));
}

/**
 * Writes a checked job. The rows are checked again first against the database as it is
 * now, so nothing that changed since the dry run can slip through; all rows or none.
 */
export async function commitImportJob(
  db: Db,
  ownerUserId: number,
  area: ImportJob["area"],
  id: string,
  context: { ipAddress?: string | null } = {},
): Promise<ImportJob> {
  const job = ownJob(ownerUserId, area, id);
  if (job.status !== "checked") return publicView(job);
  job.status = "committing";
  try {
    const plan = await planImport(db, job.scope, job.sheets, { locale: job.locale });
    job.plan = plan;
    if (plan.problems.length > 0) {
      job.status = "checked";
      return publicView(job);
    }
    job.result = await commitImport(db, job.scope, plan, context);
    job.status = "committed";
  } catch (error) {
    job.status = "failed";
    job.error =
      error instanceof DomainError
        ? error.messageIn(job.locale)
        : t(job.locale, "import.error.writeFailed");
    if (!(error instanceof DomainError))
      logger.error({ err: error, jobId: id }, "import commit failed");
  }
  return publicView(job);
}
