CREATE TABLE `buyer_addresses` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`province` text NOT NULL,
	`commune_code` text NOT NULL,
	`commune` text NOT NULL,
	`address` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`last_used_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `buyer_addresses_user_idx` ON `buyer_addresses` (`user_id`,`last_used_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `buyer_addresses_default_idx` ON `buyer_addresses` (`user_id`) WHERE "buyer_addresses"."is_default" = 1;--> statement-breakpoint
ALTER TABLE `producers` ADD `pickup_hours` text;