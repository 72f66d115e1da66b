CREATE TABLE `org_units` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`commission_basis_points` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "org_units_level_check" CHECK("org_units"."level" in ('province','commune','branch')),
	CONSTRAINT "org_units_commission_check" CHECK("org_units"."commission_basis_points" between 0 and 10000),
	CONSTRAINT "org_units_path_check" CHECK("org_units"."path" like '/%/')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_code_unique` ON `org_units` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_name_unique` ON `org_units` (`name`);--> statement-breakpoint
CREATE INDEX `org_units_parent_idx` ON `org_units` (`parent_id`);--> statement-breakpoint
CREATE INDEX `org_units_path_idx` ON `org_units` (`path`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "api_tokens_hash_check" CHECK(length("api_tokens"."token_hash") = 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `buyer_profiles` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`code` text,
	`kind` text DEFAULT 'individual' NOT NULL,
	`company_name` text,
	`tax_code` text,
	`province` text,
	`city` text,
	`notes` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "buyer_profiles_kind_check" CHECK("buyer_profiles"."kind" in ('individual','restaurant','hotel','retailer','supermarket','school','tourism','exporter')),
	CONSTRAINT "buyer_profiles_company_check" CHECK("buyer_profiles"."kind" = 'individual' or "buyer_profiles"."company_name" is not null),
	CONSTRAINT "buyer_profiles_tax_code_check" CHECK("buyer_profiles"."tax_code" is null or "buyer_profiles"."tax_code" glob '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `buyer_profiles_code_unique` ON `buyer_profiles` (`code`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY NOT NULL,
	`org_unit_id` integer NOT NULL,
	`contact` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by_user_id` integer,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_idx` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY NOT NULL,
	`bucket` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_bucket_idx` ON `login_failures` (`bucket`,`created_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `staff_memberships` (
	`user_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `org_unit_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "staff_memberships_role_check" CHECK("staff_memberships"."role" in ('moderator','reporter','admin'))
);
--> statement-breakpoint
CREATE INDEX `staff_memberships_org_idx` ON `staff_memberships` (`org_unit_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`phone` text,
	`email` text,
	`password_hash` text NOT NULL,
	`display_name` text NOT NULL,
	`locale` text DEFAULT 'vi' NOT NULL,
	`is_disabled` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "users_contact_check" CHECK("users"."phone" is not null or "users"."email" is not null),
	CONSTRAINT "users_locale_check" CHECK("users"."locale" in ('vi','en')),
	CONSTRAINT "users_phone_check" CHECK("users"."phone" is null or "users"."phone" glob '+84[0-9]*'),
	CONSTRAINT "users_email_check" CHECK("users"."email" is null or ("users"."email" like '%_@_%' and "users"."email" = lower("users"."email")))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_unique` ON `users` (`phone`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `producer_images` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`storage_key` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`placeholder` text NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `producer_images_storage_key_unique` ON `producer_images` (`storage_key`);--> statement-breakpoint
CREATE INDEX `producer_images_producer_idx` ON `producer_images` (`producer_id`,`position`);--> statement-breakpoint
CREATE TABLE `producer_memberships` (
	`user_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `producer_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "producer_memberships_role_check" CHECK("producer_memberships"."role" in ('owner','member'))
);
--> statement-breakpoint
CREATE INDEX `producer_memberships_producer_idx` ON `producer_memberships` (`producer_id`);--> statement-breakpoint
CREATE TABLE `producers` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`commune` text NOT NULL,
	`address` text NOT NULL,
	`phone` text,
	`email` text,
	`members_total` integer NOT NULL,
	`members_women` integer DEFAULT 0 NOT NULL,
	`members_ethnic_minority` integer DEFAULT 0 NOT NULL,
	`members_poor_household` integer DEFAULT 0 NOT NULL,
	`founded_year` integer,
	`story` text DEFAULT '' NOT NULL,
	`bank_bin` text,
	`bank_account_number` text,
	`bank_account_name` text,
	`delivery_fee_vnd` integer DEFAULT 0 NOT NULL,
	`verification_status` text DEFAULT 'pending' NOT NULL,
	`verification_note` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "producers_kind_check" CHECK("producers"."kind" in ('htx','tho','hkd','nhom')),
	CONSTRAINT "producers_status_check" CHECK("producers"."verification_status" in ('pending','verified','rejected','suspended')),
	CONSTRAINT "producers_members_total_check" CHECK("producers"."members_total" >= 1),
	CONSTRAINT "producers_members_check" CHECK("producers"."members_women" between 0 and "producers"."members_total"
        and "producers"."members_ethnic_minority" between 0 and "producers"."members_total"
        and "producers"."members_poor_household" between 0 and "producers"."members_total"),
	CONSTRAINT "producers_founded_check" CHECK("producers"."founded_year" is null or "producers"."founded_year" between 1900 and 2100),
	CONSTRAINT "producers_delivery_fee_check" CHECK("producers"."delivery_fee_vnd" >= 0),
	CONSTRAINT "producers_bank_bin_check" CHECK("producers"."bank_bin" is null or "producers"."bank_bin" glob '[0-9][0-9][0-9][0-9][0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `producers_code_unique` ON `producers` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `producers_name_unique` ON `producers` (`name`);--> statement-breakpoint
CREATE INDEX `producers_org_unit_idx` ON `producers` (`org_unit_id`);--> statement-breakpoint
CREATE INDEX `producers_status_idx` ON `producers` (`verification_status`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`parent_id` integer,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "categories_code_check" CHECK("categories"."code" not glob '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_code_unique` ON `categories` (`code`);--> statement-breakpoint
CREATE INDEX `categories_parent_idx` ON `categories` (`parent_id`);--> statement-breakpoint
CREATE TABLE `listing_certifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`listing_id` integer NOT NULL,
	`kind` text NOT NULL,
	`certificate_no` text,
	`issued_on` text,
	`expires_on` text,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "listing_certifications_kind_check" CHECK("listing_certifications"."kind" in ('VietGAP','hữu cơ','HACCP','chỉ dẫn địa lý')),
	CONSTRAINT "listing_certifications_dates_check" CHECK("listing_certifications"."issued_on" is null or "listing_certifications"."expires_on" is null or "listing_certifications"."issued_on" < "listing_certifications"."expires_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `listing_certifications_kind_idx` ON `listing_certifications` (`listing_id`,`kind`);--> statement-breakpoint
CREATE TABLE `listing_images` (
	`id` integer PRIMARY KEY NOT NULL,
	`listing_id` integer NOT NULL,
	`storage_key` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`is_cover` integer DEFAULT false NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`placeholder` text NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`revision_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revision_id`) REFERENCES `listing_revisions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "listing_images_size_check" CHECK("listing_images"."width" > 0 and "listing_images"."height" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `listing_images_storage_key_unique` ON `listing_images` (`storage_key`);--> statement-breakpoint
CREATE INDEX `listing_images_listing_idx` ON `listing_images` (`listing_id`,`position`);--> statement-breakpoint
CREATE TABLE `listing_revisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`listing_id` integer NOT NULL,
	`changes` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`note` text,
	`submitted_by_user_id` integer,
	`decided_by_user_id` integer,
	`decided_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "listing_revisions_status_check" CHECK("listing_revisions"."status" in ('pending','approved','rejected','changes_requested'))
);
--> statement-breakpoint
CREATE INDEX `listing_revisions_listing_idx` ON `listing_revisions` (`listing_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `listing_revisions_one_pending_idx` ON `listing_revisions` (`listing_id`) WHERE status = 'pending';--> statement-breakpoint
CREATE TABLE `listing_slug_history` (
	`slug` text PRIMARY KEY NOT NULL,
	`listing_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `listing_slug_history_listing_idx` ON `listing_slug_history` (`listing_id`);--> statement-breakpoint
CREATE TABLE `listings` (
	`id` integer PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`producer_id` integer NOT NULL,
	`title` text NOT NULL,
	`slug` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`category_id` integer NOT NULL,
	`price_vnd` integer NOT NULL,
	`unit` text NOT NULL,
	`min_order_qty` integer DEFAULT 1 NOT NULL,
	`stock` integer DEFAULT 0 NOT NULL,
	`season` text DEFAULT 'quanh năm' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`ocop_stars` integer DEFAULT 0 NOT NULL,
	`ocop_certificate_no` text,
	`ocop_issued_on` text,
	`ocop_expires_on` text,
	`ocop_badge_hidden` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`moderation_note` text,
	`published_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "listings_status_check" CHECK("listings"."status" in ('draft','pending','changes_requested','published','rejected','archived')),
	CONSTRAINT "listings_unit_check" CHECK("listings"."unit" in ('kg','gói','hộp','chai','lít','túi','cái','bộ','tấm','hũ')),
	CONSTRAINT "listings_price_check" CHECK("listings"."price_vnd" > 0),
	CONSTRAINT "listings_min_order_check" CHECK("listings"."min_order_qty" >= 1),
	CONSTRAINT "listings_stock_check" CHECK("listings"."stock" >= 0),
	CONSTRAINT "listings_ocop_stars_check" CHECK("listings"."ocop_stars" in (0, 3, 4, 5)),
	CONSTRAINT "listings_ocop_certificate_check" CHECK(("listings"."ocop_stars" = 0) or ("listings"."ocop_certificate_no" is not null and "listings"."ocop_issued_on" is not null and "listings"."ocop_expires_on" is not null and "listings"."ocop_issued_on" < "listings"."ocop_expires_on")),
	CONSTRAINT "listings_slug_check" CHECK("listings"."slug" not glob '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `listings_sku_unique` ON `listings` (`sku`);--> statement-breakpoint
CREATE UNIQUE INDEX `listings_slug_unique` ON `listings` (`slug`);--> statement-breakpoint
CREATE INDEX `listings_producer_idx` ON `listings` (`producer_id`,`status`);--> statement-breakpoint
CREATE INDEX `listings_category_idx` ON `listings` (`category_id`);--> statement-breakpoint
CREATE INDEX `listings_status_published_idx` ON `listings` (`status`,`published_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `listings_producer_title_idx` ON `listings` (`producer_id`,`title`);--> statement-breakpoint
CREATE TABLE `cart_lines` (
	`cart_id` integer NOT NULL,
	`listing_id` integer NOT NULL,
	`qty` integer NOT NULL,
	`seen_price_vnd` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`cart_id`, `listing_id`),
	FOREIGN KEY (`cart_id`) REFERENCES `carts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cart_lines_qty_check" CHECK("cart_lines"."qty" >= 1),
	CONSTRAINT "cart_lines_price_check" CHECK("cart_lines"."seen_price_vnd" > 0)
);
--> statement-breakpoint
CREATE TABLE `carts` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer,
	`guest_token_hash` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "carts_owner_check" CHECK(("carts"."user_id" is null) <> ("carts"."guest_token_hash" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carts_user_id_unique` ON `carts` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `carts_guest_token_hash_unique` ON `carts` (`guest_token_hash`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status_code` integer,
	`response_body` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`listing_id` integer NOT NULL,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`unit` text NOT NULL,
	`unit_price_vnd` integer NOT NULL,
	`qty` integer NOT NULL,
	`line_total_vnd` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "order_lines_qty_check" CHECK("order_lines"."qty" >= 1),
	CONSTRAINT "order_lines_total_check" CHECK("order_lines"."unit_price_vnd" > 0 and "order_lines"."line_total_vnd" = "order_lines"."unit_price_vnd" * "order_lines"."qty")
);
--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_lines_listing_idx` ON `order_lines` (`listing_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`checkout_id` text NOT NULL,
	`buyer_user_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`status` text NOT NULL,
	`payment_method` text NOT NULL,
	`delivery_method` text NOT NULL,
	`subtotal_vnd` integer NOT NULL,
	`delivery_fee_vnd` integer DEFAULT 0 NOT NULL,
	`total_vnd` integer NOT NULL,
	`commission_basis_points` integer DEFAULT 0 NOT NULL,
	`ship_name` text NOT NULL,
	`ship_phone` text NOT NULL,
	`ship_province` text NOT NULL,
	`ship_commune` text NOT NULL,
	`ship_address` text NOT NULL,
	`note` text,
	`cancel_reason` text,
	`cancelled_by` text,
	`payment_due_at` integer,
	`confirmed_at` integer,
	`shipped_at` integer,
	`delivered_at` integer,
	`completed_at` integer,
	`cancelled_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`buyer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "orders_status_check" CHECK("orders"."status" in ('pending_payment','confirmed','shipping','delivered','completed','cancelled')),
	CONSTRAINT "orders_payment_method_check" CHECK("orders"."payment_method" in ('cod','bank_transfer','card')),
	CONSTRAINT "orders_delivery_method_check" CHECK("orders"."delivery_method" in ('pickup','delivery')),
	CONSTRAINT "orders_amounts_check" CHECK("orders"."subtotal_vnd" >= 0 and "orders"."delivery_fee_vnd" >= 0 and "orders"."total_vnd" = "orders"."subtotal_vnd" + "orders"."delivery_fee_vnd"),
	CONSTRAINT "orders_cancel_check" CHECK("orders"."status" <> 'cancelled' or "orders"."cancelled_at" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_code_unique` ON `orders` (`code`);--> statement-breakpoint
CREATE INDEX `orders_buyer_idx` ON `orders` (`buyer_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_producer_idx` ON `orders` (`producer_id`,`status`);--> statement-breakpoint
CREATE INDEX `orders_checkout_idx` ON `orders` (`checkout_id`);--> statement-breakpoint
CREATE INDEX `orders_org_unit_idx` ON `orders` (`org_unit_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `payment_events` (
	`event_id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`type` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`provider` text NOT NULL,
	`provider_ref` text,
	`amount_vnd` integer NOT NULL,
	`currency` text DEFAULT 'VND' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`paid_at` integer,
	`recorded_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "payments_provider_check" CHECK("payments"."provider" in ('cod','bank_transfer','stripe')),
	CONSTRAINT "payments_status_check" CHECK("payments"."status" in ('pending','succeeded','failed','expired','cancelled')),
	CONSTRAINT "payments_amount_check" CHECK("payments"."amount_vnd" > 0),
	CONSTRAINT "payments_currency_check" CHECK("payments"."currency" = 'VND')
);
--> statement-breakpoint
CREATE INDEX `payments_order_idx` ON `payments` (`order_id`);--> statement-breakpoint
CREATE INDEX `payments_provider_ref_idx` ON `payments` (`provider`,`provider_ref`);--> statement-breakpoint
CREATE TABLE `payouts` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`amount_vnd` integer NOT NULL,
	`reference` text NOT NULL,
	`note` text,
	`paid_on` text NOT NULL,
	`recorded_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "payouts_amount_check" CHECK("payouts"."amount_vnd" > 0)
);
--> statement-breakpoint
CREATE INDEX `payouts_producer_idx` ON `payouts` (`producer_id`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`payment_id` integer,
	`amount_vnd` integer NOT NULL,
	`reason` text NOT NULL,
	`recorded_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "refunds_amount_check" CHECK("refunds"."amount_vnd" > 0)
);
--> statement-breakpoint
CREATE INDEX `refunds_order_idx` ON `refunds` (`order_id`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY NOT NULL,
	`order_id` integer NOT NULL,
	`listing_id` integer NOT NULL,
	`buyer_user_id` integer NOT NULL,
	`rating` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`is_hidden` integer DEFAULT false NOT NULL,
	`hidden_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`buyer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hidden_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "reviews_rating_check" CHECK("reviews"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_order_listing_idx` ON `reviews` (`order_id`,`listing_id`);--> statement-breakpoint
CREATE INDEX `reviews_listing_idx` ON `reviews` (`listing_id`,`is_hidden`);--> statement-breakpoint
CREATE TABLE `offer_messages` (
	`id` integer PRIMARY KEY NOT NULL,
	`offer_id` integer NOT NULL,
	`author_user_id` integer NOT NULL,
	`body` text NOT NULL,
	`read_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "offer_messages_body_check" CHECK(length("offer_messages"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE INDEX `offer_messages_offer_idx` ON `offer_messages` (`offer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `offers` (
	`id` integer PRIMARY KEY NOT NULL,
	`purchase_request_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`listing_id` integer,
	`price_vnd` integer NOT NULL,
	`quantity` integer NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`purchase_request_id`) REFERENCES `purchase_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "offers_price_check" CHECK("offers"."price_vnd" > 0),
	CONSTRAINT "offers_quantity_check" CHECK("offers"."quantity" >= 1),
	CONSTRAINT "offers_status_check" CHECK("offers"."status" in ('submitted','accepted','declined','withdrawn'))
);
--> statement-breakpoint
CREATE INDEX `offers_request_idx` ON `offers` (`purchase_request_id`);--> statement-breakpoint
CREATE INDEX `offers_producer_idx` ON `offers` (`producer_id`);--> statement-breakpoint
CREATE TABLE `offline_deals` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`purchase_request_id` integer,
	`buyer_name` text NOT NULL,
	`description` text NOT NULL,
	`amount_vnd` integer NOT NULL,
	`deal_on` text NOT NULL,
	`recorded_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`purchase_request_id`) REFERENCES `purchase_requests`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "offline_deals_amount_check" CHECK("offline_deals"."amount_vnd" > 0)
);
--> statement-breakpoint
CREATE INDEX `offline_deals_org_idx` ON `offline_deals` (`org_unit_id`,`deal_on`);--> statement-breakpoint
CREATE TABLE `purchase_requests` (
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
	`needed_by` text NOT NULL,
	`recurrence` text DEFAULT 'none' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`is_hidden` integer DEFAULT false NOT NULL,
	`hidden_reason` text,
	`hidden_by_user_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`buyer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`hidden_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "purchase_requests_quantity_check" CHECK("purchase_requests"."quantity" >= 1),
	CONSTRAINT "purchase_requests_unit_check" CHECK("purchase_requests"."unit" in ('kg','gói','hộp','chai','lít','túi','cái','bộ','tấm','hũ')),
	CONSTRAINT "purchase_requests_price_check" CHECK("purchase_requests"."target_price_vnd" is null or "purchase_requests"."target_price_vnd" > 0),
	CONSTRAINT "purchase_requests_recurrence_check" CHECK("purchase_requests"."recurrence" in ('none','weekly','monthly')),
	CONSTRAINT "purchase_requests_status_check" CHECK("purchase_requests"."status" in ('open','closed','fulfilled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_requests_code_unique` ON `purchase_requests` (`code`);--> statement-breakpoint
CREATE INDEX `purchase_requests_status_idx` ON `purchase_requests` (`status`,`is_hidden`,`needed_by`);--> statement-breakpoint
CREATE INDEX `purchase_requests_buyer_idx` ON `purchase_requests` (`buyer_user_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`actor_user_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`org_unit_id` integer,
	`before` text,
	`after` text,
	`ip_address` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_org_idx` ON `audit_log` (`org_unit_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`link` text,
	`read_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `outbound_messages` (
	`id` integer PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`sent_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "outbound_messages_channel_check" CHECK("outbound_messages"."channel" in ('email', 'sms'))
);
--> statement-breakpoint
CREATE TABLE `search_outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`listing_id` integer NOT NULL,
	`operation` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`processed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`listing_id`) REFERENCES `listings`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "search_outbox_operation_check" CHECK("search_outbox"."operation" in ('upsert', 'delete'))
);
--> statement-breakpoint
CREATE INDEX `search_outbox_pending_idx` ON `search_outbox` (`processed_at`,`id`);