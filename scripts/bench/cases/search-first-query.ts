/**
 * Child process of the `search` bench case: the first search of a process that just
 * started, on the database at <path>, so nothing of the index is in memory or in the
 * garbage-collected heap (what a server pays after a start, apart from loading the code).
 * Prints one JSON line: the time and whether the index came from the stored snapshot.
 *
 *   search-first-query.ts <path>                    with the snapshot the build wrote
 *   search-first-query.ts <path> --without-snapshot the full load from the rows
 */
import { docValuesFor } from "~/modules/search/doc-values.server";
import { searchListings, setExternalEngine } from "~/modules/search/search.server";
import { searchQuery } from "~/modules/search/types";
import { openDatabase } from "~db/client.server";

const [path, flag] = process.argv.slice(2);
if (!path) throw new Error("usage: search-first-query.ts <path> [--without-snapshot]");
const db = openDatabase(path);
setExternalEngine(db, null);
const withoutSnapshot = flag === "--without-snapshot";
// Hidden from this connection only, and put back: the database is left as it was.
if (withoutSnapshot) db.$client.exec("SAVEPOINT bench; DELETE FROM listing_search_snapshot");
const started = performance.now();
await searchListings(db, searchQuery({ q: "cà phê" }));
const ms = performance.now() - started;
const fromSnapshot = docValuesFor(db).restoredFrom !== null;
if (withoutSnapshot) db.$client.exec("ROLLBACK TO bench; RELEASE bench");
db.$client.close();
console.log(JSON.stringify({ ms, fromSnapshot }));
