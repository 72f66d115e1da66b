CREATE TABLE `assist_contexts` (
	`session_id` text PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`last_active_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `backups` (
	`id` integer PRIMARY KEY NOT NULL,
	`file` text NOT NULL,
	`size_bytes` integer,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE TABLE `invoice_requests` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`company_name` text NOT NULL,
	`tax_code` text NOT NULL,
	`address` text NOT NULL,
	`email` text,
	`status` text DEFAULT 'requested' NOT NULL,
	`invoice_number` text,
	`decline_reason` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "invoice_requests_status_check" CHECK("invoice_requests"."status" in ('requested','issued','declined')),
	CONSTRAINT "invoice_requests_tax_code_check" CHECK("invoice_requests"."tax_code" glob '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*')
);
--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` integer NOT NULL,
	`event` text NOT NULL,
	`channel` text NOT NULL,
	`enabled` integer NOT NULL,
	PRIMARY KEY(`user_id`, `event`, `channel`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notification_preferences_event_check" CHECK("notification_preferences"."event" in ('order_new','order_status','request_match','offer','moderation','certificate_expiry')),
	CONSTRAINT "notification_preferences_channel_check" CHECK("notification_preferences"."channel" in ('in_app','email','sms','zalo'))
);
--> statement-breakpoint
CREATE TABLE `one_time_codes` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`channel` text NOT NULL,
	`code_hash` text NOT NULL,
	`target` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`locked_at` integer,
	`issued_by_user_id` integer,
	`identity_check` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issued_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "one_time_codes_purpose_check" CHECK("one_time_codes"."purpose" in ('password_reset','phone_confirm')),
	CONSTRAINT "one_time_codes_channel_check" CHECK("one_time_codes"."channel" in ('sms','email','staff'))
);
--> statement-breakpoint
CREATE INDEX `one_time_codes_user_idx` ON `one_time_codes` (`user_id`,`purpose`,`created_at`);--> statement-breakpoint
CREATE TABLE `producer_team_invites` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_id` integer NOT NULL,
	`phone` text NOT NULL,
	`permissions` text NOT NULL,
	`invited_by_user_id` integer,
	`accepted_at` integer,
	`revoked_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "producer_team_invites_phone_check" CHECK("producer_team_invites"."phone" glob '+84[0-9]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `producer_team_invites_open_idx` ON `producer_team_invites` (`producer_id`,`phone`) WHERE "producer_team_invites"."accepted_at" is null and "producer_team_invites"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX `producer_team_invites_phone_idx` ON `producer_team_invites` (`phone`);--> statement-breakpoint
CREATE TABLE `rate_limit_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`bucket` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limit_events_bucket_idx` ON `rate_limit_events` (`bucket`,`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_outbound_messages` (
	`id` integer PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`user_id` integer,
	`kind` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`failed_at` integer,
	`sent_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "outbound_messages_channel_check" CHECK("__new_outbound_messages"."channel" in ('email','sms','zalo'))
);
--> statement-breakpoint
INSERT INTO `__new_outbound_messages`("id", "channel", "recipient", "subject", "body", "sent_at", "created_at") SELECT "id", "channel", "recipient", "subject", "body", "sent_at", "created_at" FROM `outbound_messages`;--> statement-breakpoint
DROP TABLE `outbound_messages`;--> statement-breakpoint
ALTER TABLE `__new_outbound_messages` RENAME TO `outbound_messages`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `outbound_messages_pending_idx` ON `outbound_messages` (`channel`,`next_attempt_at`,`id`) WHERE "outbound_messages"."sent_at" is null and "outbound_messages"."failed_at" is null;--> statement-breakpoint
CREATE INDEX `outbound_messages_recipient_idx` ON `outbound_messages` (`recipient`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbound_messages_user_idx` ON `outbound_messages` (`user_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `phone_confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `terms_accepted_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `terms_version` text;--> statement-breakpoint
ALTER TABLE `users` ADD `close_requested_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `producer_memberships` ADD `permissions` text DEFAULT '["listings","orders","statement"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `assisted_producer_id` integer;--> statement-breakpoint
CREATE INDEX `audit_log_assisted_idx` ON `audit_log` (`assisted_producer_id`,`created_at`) WHERE "audit_log"."assisted_producer_id" is not null;--> statement-breakpoint
-- Accounts made before phone confirmation existed count as confirmed, and as having accepted
-- the terms in force then (the marketplace's rules were accepted at sign-up).
UPDATE `users` SET `phone_confirmed_at` = `created_at` WHERE `phone` IS NOT NULL;--> statement-breakpoint
UPDATE `users` SET `terms_accepted_at` = `created_at`, `terms_version` = '2026-01' WHERE `terms_accepted_at` IS NULL;