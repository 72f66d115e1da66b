import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { getEnv } from "~/modules/platform/env.server";
import type { ImageInput } from "./pipeline.server";
import { deleteStoredImage, storeImage, type StoredImage } from "./store.server";

/**
 * Photos picked on a form that was sent back (a field was wrong) before the thing they belong
 * to exists (docs/decisions/024-listing-photos-on-create.md). They go through the image
 * pipeline at once and wait under a random token, named in a hidden field, for the next
 * submit; a file input cannot be filled again by the server. Only the user who picked them
 * can use the token; what nobody claims is removed after PENDING_TTL_MS.
 */

export const PENDING_TTL_MS = 2 * 60 * 60 * 1000;

const Manifest = z.object({
  userId: z.number().int(),
  images: z.array(
    z.object({
      storageKey: z.string().regex(/^[a-f0-9]{32}$/),
      width: z.number().int(),
      height: z.number().int(),
      placeholder: z.string(),
    }),
  ),
});
type Manifest = z.infer<typeof Manifest>;

const isToken = (value: string) => /^[a-f0-9]{32}$/.test(value);

function pendingDir(): string {
  return join(resolve(getEnv().UPLOADS_DIR), "pending");
}

async function readManifest(token: string): Promise<Manifest | null> {
  if (!isToken(token)) return null;
  try {
    const raw: unknown = JSON.parse(await readFile(join(pendingDir(), `${token}.json`), "utf8"));
    const parsed = Manifest.safeParse(raw);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function writeManifest(token: string, manifest: Manifest): Promise<void> {
  await mkdir(pendingDir(), { recursive: true });
  const target = join(pendingDir(), `${token}.json`);
  await writeFile(`${target}.tmp`, JSON.stringify(manifest));
  await rename(`${target}.tmp`, target);
}

/** The photos waiting under `token` for this user (none for a stranger's or an expired token). */
export async function pendingImages(userId: number, token: string | null): Promise<StoredImage[]> {
  const manifest = token ? await readManifest(token) : null;
  return manifest && manifest.userId === userId ? manifest.images : [];
}

/**
 * Stores newly picked photos next to those kept from the last submit (`keep`: the storage keys
 * still ticked), at most `max` in all. Returns the token to send back and the photos; a photo
 * the pipeline refuses is left out and its error returned, so the others are not lost.
 * `files` are read one at a time as the pipeline takes them (uploads stay on disk till then).
 */
export async function keepPendingImages(
  userId: number,
  token: string | null,
  keep: string[],
  files: readonly ImageInput[],
  max: number,
): Promise<{ token: string; images: StoredImage[]; refused: unknown[]; overMax: boolean }> {
  await sweepPendingImages();
  const previous = await pendingImages(userId, token);
  const kept = previous.filter((image) => keep.includes(image.storageKey));
  await Promise.all(
    previous
      .filter((image) => !keep.includes(image.storageKey))
      .map((image) => deleteStoredImage(image.storageKey)),
  );
  const images = [...kept];
  const refused: unknown[] = [];
  let overMax = false;
  for (const file of files) {
    if (images.length >= max) {
      overMax = true;
      break;
    }
    try {
      images.push(await storeImage(file));
    } catch (error) {
      refused.push(error);
    }
  }
  const next = token && previous.length > 0 ? token : randomBytes(16).toString("hex");
  if (images.length > 0) await writeManifest(next, { userId, images });
  else await rm(join(pendingDir(), `${next}.json`), { force: true });
  return { token: next, images, refused, overMax };
}

/** Forgets the token once its photos belong to a saved record (their files stay). */
export async function releasePendingImages(token: string): Promise<void> {
  if (!isToken(token)) return;
  await rm(join(pendingDir(), `${token}.json`), { force: true });
}

/** Removes the photos nobody claimed within PENDING_TTL_MS, files included. */
export async function sweepPendingImages(now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(pendingDir());
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const token = name.replace(/\.json$/, "");
    if (!isToken(token)) continue;
    const path = join(pendingDir(), name);
    const info = await stat(path).catch(() => null);
    if (!info || now - info.mtimeMs < PENDING_TTL_MS) continue;
    const manifest = await readManifest(token);
    await Promise.all((manifest?.images ?? []).map((image) => deleteStoredImage(image.storageKey)));
    await rm(path, { force: true });
    removed += 1;
  }
  return removed;
}
