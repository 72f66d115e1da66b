CREATE TABLE `campaign_listings` (
	`id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`listing_id` integer NOT NULL,
	`joined_at` integer NOT NULL,
	`left_at` integer,
	`added_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "campaign_listings_period_check" CHECK("campaign_listings"."left_at" is null or "campaign_listings"."left_at" >= "campaign_listings"."joined_at")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_listings_open_idx` ON `campaign_listings` (`campaign_id`,`listing_id`) WHERE "campaign_listings"."left_at" is null;--> statement-breakpoint
CREATE INDEX `campaign_listings_listing_idx` ON `campaign_listings` (`listing_id`,`joined_at`);--> statement-breakpoint
CREATE INDEX `campaign_listings_campaign_idx` ON `campaign_listings` (`campaign_id`,`joined_at`);--> statement-breakpoint
CREATE TABLE `campaign_partners` (
	`id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'organisation' NOT NULL,
	`buyer_user_id` integer,
	`created_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`buyer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "campaign_partners_kind_check" CHECK("campaign_partners"."kind" in ('business','social_enterprise','charity','organisation','other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_partners_name_idx` ON `campaign_partners` (`campaign_id`,`name`);--> statement-breakpoint
CREATE TABLE `campaign_pledges` (
	`id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`recorded_by_user_id` integer,
	`buyer_user_id` integer,
	`goods` text NOT NULL,
	`listing_id` integer,
	`quantity` integer NOT NULL,
	`unit` text NOT NULL,
	`by_date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` integer,
	`decline_reason` text,
	`purchase_request_id` integer,
	`order_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `campaign_partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`buyer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`purchase_request_id`) REFERENCES `purchase_requests`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "campaign_pledges_quantity_check" CHECK("campaign_pledges"."quantity" >= 1),
	CONSTRAINT "campaign_pledges_unit_check" CHECK("campaign_pledges"."unit" in ('kg','gói','hộp','chai','lít','túi','cái','bộ','tấm','hũ')),
	CONSTRAINT "campaign_pledges_status_check" CHECK("campaign_pledges"."status" in ('pending','approved','declined','withdrawn'))
);
--> statement-breakpoint
CREATE INDEX `campaign_pledges_campaign_idx` ON `campaign_pledges` (`campaign_id`,`status`);--> statement-breakpoint
CREATE INDEX `campaign_pledges_buyer_idx` ON `campaign_pledges` (`buyer_user_id`);--> statement-breakpoint
CREATE TABLE `campaign_producers` (
	`id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`status` text NOT NULL,
	`requested_at` integer,
	`requested_by_user_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`joined_at` integer,
	`left_at` integer,
	`decided_by_user_id` integer,
	`decided_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "campaign_producers_status_check" CHECK("campaign_producers"."status" in ('requested','joined','declined','left')),
	CONSTRAINT "campaign_producers_joined_check" CHECK("campaign_producers"."status" not in ('joined', 'left') or "campaign_producers"."joined_at" is not null),
	CONSTRAINT "campaign_producers_left_check" CHECK("campaign_producers"."status" <> 'left' or "campaign_producers"."left_at" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_producers_open_idx` ON `campaign_producers` (`campaign_id`,`producer_id`) WHERE "campaign_producers"."status" in ('requested', 'joined');--> statement-breakpoint
CREATE INDEX `campaign_producers_producer_idx` ON `campaign_producers` (`producer_id`,`status`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`title` text NOT NULL,
	`story` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`target_vnd` integer,
	`target_quantity` integer,
	`target_unit` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`cover_storage_key` text,
	`cover_width` integer,
	`cover_height` integer,
	`cover_placeholder` text,
	`cover_alt` text DEFAULT '' NOT NULL,
	`created_by_user_id` integer,
	`published_at` integer,
	`ended_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "campaigns_slug_check" CHECK("campaigns"."slug" not glob '*[^a-z0-9-]*' and length("campaigns"."slug") >= 3),
	CONSTRAINT "campaigns_kind_check" CHECK("campaigns"."kind" in ('disaster_recovery','harvest_glut','disadvantaged_group','other')),
	CONSTRAINT "campaigns_status_check" CHECK("campaigns"."status" in ('draft','published','ended')),
	CONSTRAINT "campaigns_dates_check" CHECK("campaigns"."starts_on" <= "campaigns"."ends_on"),
	CONSTRAINT "campaigns_target_vnd_check" CHECK("campaigns"."target_vnd" is null or "campaigns"."target_vnd" > 0),
	CONSTRAINT "campaigns_target_quantity_check" CHECK(("campaigns"."target_quantity" is null and "campaigns"."target_unit" is null) or ("campaigns"."target_quantity" > 0 and "campaigns"."target_unit" in ('kg','gói','hộp','chai','lít','túi','cái','bộ','tấm','hũ'))),
	CONSTRAINT "campaigns_target_check" CHECK("campaigns"."target_vnd" is not null or "campaigns"."target_quantity" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`,`ends_on`);--> statement-breakpoint
CREATE INDEX `campaigns_org_unit_idx` ON `campaigns` (`org_unit_id`);