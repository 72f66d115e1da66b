import { eq } from "drizzle-orm";
import { setExternalEngine } from "~/modules/search/search.server";
import { searchFts } from "~/modules/search/fts-engine.server";
import { searchQuery, type SearchQuery } from "~/modules/search/types";
import type { Db } from "~db/client.server";
import { listings } from "~db/schema";
import { seedDemo } from "~db/seed/seed.server";
import { freshDb } from "./db";

/**
 * A fresh database with the demo catalog (db/seed/*.csv), whose seed also builds the
 * embedded search index, and no external search engine whatever the environment says.
 */
export async function demoSearchDb(today = new Date()): Promise<Db> {
  const db = freshDb();
  await seedDemo(db, { today, mode: "live" });
  setExternalEngine(db, null);
  return db;
}

/** Skus found by the embedded engine, in order. */
export function skusFor(db: Db, fields: Partial<SearchQuery>): string[] {
  return searchFts(db, searchQuery({ perPage: 100, ...fields })).hits.map((hit) => hit.sku);
}

export function listingIdOf(db: Db, sku: string): number {
  const row = db.select({ id: listings.id }).from(listings).where(eq(listings.sku, sku)).get();
  if (!row) throw new Error(`no listing ${sku}`);
  return row.id;
}
