CREATE TABLE `listing_search_snapshot_sections` (
	`snapshot_id` integer NOT NULL,
	`position` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`snapshot_id`, `position`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `listing_search_snapshot`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Custom SQL: a snapshot stored before this migration is one 70 MB value of format 2, which
-- this code does not read; kept, it would still be read whole at every start until enough
-- rows changed to rewrite it. Without it the server writes a new one soon after its start.
DELETE FROM `listing_search_snapshot`;
