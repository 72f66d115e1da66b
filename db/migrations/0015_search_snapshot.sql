CREATE TABLE `listing_search_snapshot` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "listing_search_snapshot_single_row" CHECK("listing_search_snapshot"."id" = 1)
);
--> statement-breakpoint
-- Custom SQL (drizzle-kit does not write triggers): deleting rows of listing_search_docs
-- (emptying it before a rebuild) makes `version` stop saying what changed since a snapshot,
-- so the snapshot goes in the same transaction. Writes are INSERT OR REPLACE, which fires
-- no delete trigger (recursive_triggers is off).
CREATE TRIGGER `listing_search_snapshot_docs_delete` AFTER DELETE ON `listing_search_docs`
BEGIN
	DELETE FROM `listing_search_snapshot`;
END;
