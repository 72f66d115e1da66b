import { openMigratedDatabase, type Db } from "~db/client.server";

/** A fresh, migrated in-memory database: what every test starts from. */
export function freshDb(): Db {
  return openMigratedDatabase(":memory:");
}

export type { Db };
