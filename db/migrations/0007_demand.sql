-- Issue 11 (demand): delivery places as official codes and the org unit that looks after a
-- request; offers with goods, unit, delivery date and the period they fill; stored matches,
-- digest notices and staff invitations; order lines without a listing (free-text offers).
-- The table rebuilds copy only the columns the old tables had. The migrator runs with
-- foreign keys off (db/client.server.ts), so dropping a rebuilt table deletes nothing that
-- refers to it; a foreign_key_check after the run proves every reference still holds.
CREATE TABLE `request_invitations` (
	`id` integer PRIMARY KEY NOT NULL,
	`purchase_request_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`invited_by_user_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`purchase_request_id`) REFERENCES `purchase_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `request_invitations_pair_idx` ON `request_invitations` (`purchase_request_id`,`producer_id`);--> statement-breakpoint
CREATE INDEX `request_invitations_producer_idx` ON `request_invitations` (`producer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `request_match_notices` (
	`producer_id` integer NOT NULL,
	`purchase_request_id` integer NOT NULL,
	`notified_at` integer NOT NULL,
	PRIMARY KEY(`producer_id`, `purchase_request_id`),
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`purchase_request_id`) REFERENCES `purchase_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `request_matches` (
	`id` integer PRIMARY KEY NOT NULL,
	`purchase_request_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`listing_id` integer,
	`rank` integer NOT NULL,
	`score` real NOT NULL,
	`reasons` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`purchase_request_id`) REFERENCES `purchase_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `request_matches_request_idx` ON `request_matches` (`purchase_request_id`,`rank`);--> statement-breakpoint
CREATE INDEX `request_matches_producer_idx` ON `request_matches` (`producer_id`,`purchase_request_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_offers` (
	`id` integer PRIMARY KEY NOT NULL,
	`purchase_request_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`listing_id` integer,
	`goods` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT 'kg' NOT NULL,
	`price_vnd` integer NOT NULL,
	`quantity` integer NOT NULL,
	`delivery_on` text,
	`message` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`period_key` text,
	`order_id` integer,
	`decided_at` integer,
	`withdrawn_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`purchase_request_id`) REFERENCES `purchase_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "offers_unit_check" CHECK("__new_offers"."unit" in ('kg','gói','hộp','chai','lít','túi','cái','bộ','tấm','hũ')),
	CONSTRAINT "offers_accepted_check" CHECK("__new_offers"."status" <> 'accepted' or "__new_offers"."period_key" is not null),
	CONSTRAINT "offers_price_check" CHECK("__new_offers"."price_vnd" > 0),
	CONSTRAINT "offers_quantity_check" CHECK("__new_offers"."quantity" >= 1),
	CONSTRAINT "offers_status_check" CHECK("__new_offers"."status" in ('submitted','accepted','declined','withdrawn'))
);
--> statement-breakpoint
INSERT INTO `__new_offers`("id", "purchase_request_id", "producer_id", "listing_id", "goods", "unit", "price_vnd", "quantity", "message", "status", "period_key", "created_at", "updated_at") SELECT o."id", o."purchase_request_id", o."producer_id", o."listing_id", coalesce((SELECT l."title" FROM `listings` l WHERE l."id" = o."listing_id"), ''), coalesce((SELECT r."unit" FROM `purchase_requests` r WHERE r."id" = o."purchase_request_id"), 'kg'), o."price_vnd", o."quantity", o."message", o."status", CASE WHEN o."status" = 'accepted' THEN 'once' END, o."created_at", o."updated_at" FROM `offers` o;--> statement-breakpoint
DROP TABLE `offers`;--> statement-breakpoint
ALTER TABLE `__new_offers` RENAME TO `offers`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `offers_request_idx` ON `offers` (`purchase_request_id`,`status`);--> statement-breakpoint
CREATE INDEX `offers_producer_idx` ON `offers` (`producer_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `offers_one_accepted_per_period_idx` ON `offers` (`purchase_request_id`,`period_key`) WHERE status = 'accepted';--> statement-breakpoint
CREATE UNIQUE INDEX `offers_one_open_per_producer_idx` ON `offers` (`purchase_request_id`,`producer_id`) WHERE status = 'submitted';--> statement-breakpoint
CREATE TABLE `__new_purchase_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`buyer_user_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`category_id` integer,
	`quantity` integer NOT NULL,
	`unit` text NOT NULL,
	`target_price_vnd` integer,
	`delivery_location` text NOT NULL,
	`province_code` text,
	`commune_code` text,
	`org_unit_id` integer,
	`needed_by` text NOT NULL,
	`recurrence` text DEFAULT 'none' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`is_hidden` integer DEFAULT false NOT NULL,
	`hidden_reason` text,
	`hidden_by_user_id` integer,
	`hidden_at` integer,
	`closed_at` integer,
	`close_reason` text,
	`fulfilled_at` integer,
	`matched_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`buyer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`hidden_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "purchase_requests_quantity_check" CHECK("__new_purchase_requests"."quantity" >= 1),
	CONSTRAINT "purchase_requests_unit_check" CHECK("__new_purchase_requests"."unit" in ('kg','gói','hộp','chai','lít','túi','cái','bộ','tấm','hũ')),
	CONSTRAINT "purchase_requests_price_check" CHECK("__new_purchase_requests"."target_price_vnd" is null or "__new_purchase_requests"."target_price_vnd" > 0),
	CONSTRAINT "purchase_requests_recurrence_check" CHECK("__new_purchase_requests"."recurrence" in ('none','weekly','monthly')),
	CONSTRAINT "purchase_requests_status_check" CHECK("__new_purchase_requests"."status" in ('open','closed','fulfilled')),
	CONSTRAINT "purchase_requests_close_reason_check" CHECK("__new_purchase_requests"."close_reason" is null or "__new_purchase_requests"."close_reason" in ('owner','expired'))
);
--> statement-breakpoint
INSERT INTO `__new_purchase_requests`("id", "code", "buyer_user_id", "title", "description", "category_id", "quantity", "unit", "target_price_vnd", "delivery_location", "needed_by", "recurrence", "status", "is_hidden", "hidden_reason", "hidden_by_user_id", "created_at", "updated_at") SELECT "id", "code", "buyer_user_id", "title", "description", "category_id", "quantity", "unit", "target_price_vnd", "delivery_location", "needed_by", "recurrence", "status", "is_hidden", "hidden_reason", "hidden_by_user_id", "created_at", "updated_at" FROM `purchase_requests`;--> statement-breakpoint
DROP TABLE `purchase_requests`;--> statement-breakpoint
ALTER TABLE `__new_purchase_requests` RENAME TO `purchase_requests`;--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_requests_code_unique` ON `purchase_requests` (`code`);--> statement-breakpoint
CREATE INDEX `purchase_requests_status_idx` ON `purchase_requests` (`status`,`is_hidden`,`needed_by`);--> statement-breakpoint
CREATE INDEX `purchase_requests_buyer_idx` ON `purchase_requests` (`buyer_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `purchase_requests_org_unit_idx` ON `purchase_requests` (`org_unit_id`,`status`);--> statement-breakpoint
CREATE TABLE `__new_order_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`listing_id` integer,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`unit` text NOT NULL,
	`unit_price_vnd` integer NOT NULL,
	`qty` integer NOT NULL,
	`reserved_qty` integer DEFAULT 0 NOT NULL,
	`line_total_vnd` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "order_lines_qty_check" CHECK("__new_order_lines"."qty" >= 1),
	CONSTRAINT "order_lines_reserved_check" CHECK("__new_order_lines"."reserved_qty" between 0 and "__new_order_lines"."qty"),
	CONSTRAINT "order_lines_unlisted_check" CHECK("__new_order_lines"."listing_id" is not null or "__new_order_lines"."reserved_qty" = 0),
	CONSTRAINT "order_lines_total_check" CHECK("__new_order_lines"."unit_price_vnd" > 0 and "__new_order_lines"."line_total_vnd" = "__new_order_lines"."unit_price_vnd" * "__new_order_lines"."qty")
);
--> statement-breakpoint
INSERT INTO `__new_order_lines`("id", "order_id", "listing_id", "sku", "title", "unit", "unit_price_vnd", "qty", "reserved_qty", "line_total_vnd") SELECT "id", "order_id", "listing_id", "sku", "title", "unit", "unit_price_vnd", "qty", "reserved_qty", "line_total_vnd" FROM `order_lines`;--> statement-breakpoint
DROP TABLE `order_lines`;--> statement-breakpoint
ALTER TABLE `__new_order_lines` RENAME TO `order_lines`;--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_lines_listing_idx` ON `order_lines` (`listing_id`);--> statement-breakpoint
ALTER TABLE `org_units` ADD `commune_code` text;--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_commune_code_unique` ON `org_units` (`commune_code`);--> statement-breakpoint
CREATE TABLE `__new_offline_deals` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`purchase_request_id` integer,
	`buyer_name` text NOT NULL,
	`description` text NOT NULL,
	`quantity` integer,
	`unit` text,
	`amount_vnd` integer NOT NULL,
	`deal_on` text NOT NULL,
	`recorded_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`purchase_request_id`) REFERENCES `purchase_requests`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "offline_deals_amount_check" CHECK("__new_offline_deals"."amount_vnd" > 0),
	CONSTRAINT "offline_deals_quantity_check" CHECK("__new_offline_deals"."quantity" is null or "__new_offline_deals"."quantity" >= 1),
	CONSTRAINT "offline_deals_unit_check" CHECK("__new_offline_deals"."unit" is null or "__new_offline_deals"."unit" in ('kg','gói','hộp','chai','lít','túi','cái','bộ','tấm','hũ'))
);
--> statement-breakpoint
INSERT INTO `__new_offline_deals`("id", "producer_id", "org_unit_id", "purchase_request_id", "buyer_name", "description", "amount_vnd", "deal_on", "recorded_by_user_id", "created_at") SELECT "id", "producer_id", "org_unit_id", "purchase_request_id", "buyer_name", "description", "amount_vnd", "deal_on", "recorded_by_user_id", "created_at" FROM `offline_deals`;--> statement-breakpoint
DROP TABLE `offline_deals`;--> statement-breakpoint
ALTER TABLE `__new_offline_deals` RENAME TO `offline_deals`;--> statement-breakpoint
CREATE INDEX `offline_deals_org_idx` ON `offline_deals` (`org_unit_id`,`deal_on`);